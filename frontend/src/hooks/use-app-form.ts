import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type FormEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import type { $ZodType } from 'zod/v4/core';
import { problemForForm, type ProblemForForm } from '../lib/problem-fields';
import { focusOn, useFocusAfterRender, type FocusAttempt } from './use-focus-after-render';
import { maxLengthOf } from '../lib/schema-limits';

export interface AppFormOptions<V extends FieldValues> {
  /** Validates and describes the values as typed (zod/mini); the server still has the final say. */
  schema: $ZodType<V, V>;
  defaultValues: DefaultValues<V>;
  /** Conflict codes without errors[] (e.g. SKU_TAKEN) and the field at fault. */
  codeFields?: Partial<Record<string, Path<V>>>;
  /**
   * Puts focus on the first field at fault when the checks fail; by default react-hook-form
   * focuses the first registered field in error (set this for fields it cannot focus).
   */
  focusInvalid?: (errors: FieldErrors<V>) => void;
  /** Overrides the alert's title and summary for some refusals (e.g. sign-in's 401 and 429). */
  describe?: (error: unknown) => { title: string; detail: string };
}

/** What the alert above the form shows after a refusal, and the error itself. */
export interface FormProblem extends ProblemForForm<string> {
  title?: string;
  error: unknown;
}

export interface AppForm<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** The server's last refusal, for the alert above the form. */
  problem: FormProblem | null;
  alertRef: React.RefObject<HTMLDivElement | null>;
  /** True from a submit until its handler has finished (and the server has answered). */
  busy: () => boolean;
  /**
   * A submit handler for <form onSubmit>: validates, then runs ON_VALID once at a time.
   * ON_VALID resolves to `false` when it saved nothing (e.g. it asked a question first).
   */
  submit: (onValid: (values: V) => Promise<unknown>) => (event?: FormEvent) => void;
  /** Spreads a refusal over the fields (or the alert) and moves focus there. */
  showProblem: (error: unknown) => void;
  /** The schema's length limit on a field, which its input shows and enforces as it is typed. */
  maxLength: (name: string) => number | undefined;
}

/**
 * The one form layer: react-hook-form with a schema resolver, the server's problem+json
 * spread over the fields, focus on the first field at fault (else the alert), and one post
 * per submit however fast the clicks come.
 */
/** An attempt that focuses a field through react-hook-form (fields are always rendered). */
export const focusField =
  <V extends FieldValues>(form: UseFormReturn<V>, name: Path<V>): FocusAttempt =>
  () => {
    form.setFocus(name);
    return true;
  };

export function useAppForm<V extends FieldValues>({
  schema,
  defaultValues,
  codeFields,
  describe,
  focusInvalid,
}: AppFormOptions<V>): AppForm<V> {
  const form = useForm<V>({
    // raw: the handler gets the values as typed; forms convert them for the API themselves.
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: !focusInvalid,
  });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // A ref, not state: the second click of a double click arrives before any re-render.
  const busyRef = useRef(false);
  const focusAfterRender = useFocusAfterRender();

  const showProblem = (error: unknown) => {
    const fields = Object.keys(form.getValues()) as Path<V>[];
    const found = problemForForm<Path<V>>(error, fields, codeFields);
    const first = fields.find((field) => found.fieldErrors[field]);
    for (const field of fields) {
      const message = found.fieldErrors[field];
      if (message) form.setError(field, { type: 'server', message });
    }
    setProblem({ ...found, ...describe?.(error), error });
    // Once React has rendered the messages, so a screen reader reads them with the focus.
    focusAfterRender(first ? focusField(form, first) : focusOn(() => alertRef.current));
  };

  const submit = (onValid: (values: V) => Promise<unknown>) => (event?: FormEvent) => {
    event?.preventDefault();
    if (busyRef.current) return;
    busyRef.current = true;
    setProblem(null);
    void form
      .handleSubmit(async (values) => {
        try {
          const saved = await onValid(values);
          // Saved: what is in the form now is nothing to lose (leaving no longer asks).
          if (saved !== false) form.reset(form.getValues(), { keepFieldsRef: true });
        } catch (error) {
          showProblem(error);
        }
      }, focusInvalid)()
      .finally(() => {
        busyRef.current = false;
      });
  };

  const maxLength = (name: string) => maxLengthOf(schema, name);

  return { form, problem, alertRef, busy: () => busyRef.current, submit, showProblem, maxLength };
}
