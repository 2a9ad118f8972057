import { ApiError, describeActionError } from './api-errors';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface ProblemForForm<F extends string> {
  /** Messages that belong to a field on the form. */
  fieldErrors: FieldErrors<F>;
  /** Summary for the alert above the form: the problem's detail plus messages with no field. */
  detail: string;
  unmatched: string[];
  requestId?: string | undefined;
}

/** "body.sku", "/sku", "sku" and ["body","sku"]-style paths all mean the `sku` field. */
function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter(Boolean);
  const first = segments[0] === 'body' ? segments[1] : segments[0];
  return first ?? '';
}

/**
 * The API words a field's problem as a clause after its name ("sku: use only letters…");
 * under the field's own label it reads as a sentence: "Use only letters….".
 */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Spreads a problem+json answer over a form: each `errors[]` entry goes to its field, and
 * `codeFields` maps conflict codes without `errors[]` (e.g. SKU_TAKEN) to the field at fault.
 */
export function problemForForm<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeFields: Partial<Record<string, F>> = {},
): ProblemForForm<F> {
  if (!(error instanceof ApiError)) {
    return {
      fieldErrors: {},
      detail: 'Stockroom could not reach its server. Check the connection and try again.',
      unmatched: [],
    };
  }
  const fieldErrors: FieldErrors<F> = {};
  const unmatched: string[] = [];
  for (const entry of error.errors ?? []) {
    const name = fieldName(entry.path) as F;
    if (fields.includes(name) && !fieldErrors[name]) fieldErrors[name] = asSentence(entry.message);
    else unmatched.push(entry.path ? `${entry.path}: ${entry.message}` : entry.message);
  }
  const codeField = codeFields[error.code];
  const detail =
    error.status === 403 && error.code !== 'CSRF_REJECTED' && !codeField
      ? describeActionError(error, 'make this change')
      : (error.detail ?? error.title);
  if (codeField && !fieldErrors[codeField]) fieldErrors[codeField] = detail;
  return { fieldErrors, detail, unmatched, requestId: error.requestId };
}
