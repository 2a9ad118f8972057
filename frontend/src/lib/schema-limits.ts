import type { $ZodType } from 'zod/v4/core';

interface Introspectable {
  _zod: {
    def: {
      shape?: Record<string, Introspectable>;
      checks?: Introspectable[];
      check?: string;
      maximum?: number;
      innerType?: Introspectable;
    };
  };
}

/**
 * The maxLength check a form's schema puts on field NAME, so the input can carry the same
 * limit (and a counter) as the check: the number is written once per form, next to the rule.
 */
export function maxLengthOf(schema: $ZodType, name: string): number | undefined {
  let field = (schema as unknown as Introspectable)._zod.def.shape?.[name];
  // Optional/nullable wrappers keep the string schema in innerType.
  while (field?._zod.def.innerType) field = field._zod.def.innerType;
  const check = field?._zod.def.checks?.find((c) => c._zod.def.check === 'max_length');
  return check?._zod.def.maximum;
}
