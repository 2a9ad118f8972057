import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { FormField } from '@/components/form-field';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { focusOn, useFocusAfterRender } from '@/hooks/use-focus-after-render';
import { problemForForm, type FieldErrors } from '@/lib/problem-fields';
import { useSignIn } from '../api/sign-in';
import { signInProblem } from './sign-in-problem';

// Sign-in is the one form off the form layer (react-hook-form + zod are ~18 kB gzip of the
// first load of the page every person opens cold; decision 0019). It reuses the layer's
// parts (FormField, FormAlert, problemForForm) and its rules: the same wording and limits,
// checks on submit and again as typed after a submit, focus on the first field at fault
// (else the alert), one post per submit however fast the clicks come.

type Field = 'email' | 'password';
type Values = Record<Field, string>;
const FIELDS: readonly Field[] = ['email', 'password'];
/** As the API's contract allows (and requiredText in the other forms' schemas says). */
const EMAIL_MAX = 254;

function check(values: Values): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (values.email.trim() === '') errors.email = 'Enter your email address.';
  else if (values.email.length > EMAIL_MAX) errors.email = `Use at most ${EMAIL_MAX} characters.`;
  if (values.password === '') errors.password = 'Enter your password.';
  return errors;
}

interface Problem {
  title: string;
  detail: string;
  unmatched: string[];
  requestId?: string | undefined;
}

export function SignInForm() {
  const signIn = useSignIn();
  const [values, setValues] = useState<Values>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  // A ref, not state: the second click of a double click arrives before any re-render.
  const busy = useRef(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const alertRef = useRef<HTMLDivElement>(null);

  // Once React has rendered the messages: the first field at fault, else the alert. The alert
  // renders only when `submitting` is false again, a render after the one this is asked in.
  const focusAfterRender = useFocusAfterRender();
  const focusFirst = (found: FieldErrors<Field>) => {
    const field = FIELDS.find((name) => found[name]);
    focusAfterRender(focusOn(() => (field ? inputs.current[field] : alertRef.current)));
  };

  const onChange = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    // Like the form layer: once submitted, a field's message follows what is typed.
    if (submitted) setErrors({ ...errors, [field]: check(next)[field] });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    setSubmitted(true);
    setProblem(null);
    const found = check(values);
    setErrors(found);
    if (found.email || found.password) {
      focusFirst(found);
      return;
    }
    busy.current = true;
    setSubmitting(true);
    // On success the session is set and SignInRoute sends the person on to `next`.
    signIn({ email: values.email.trim(), password: values.password })
      .catch((error: unknown) => {
        const refused = problemForForm<Field>(error, FIELDS);
        setErrors(refused.fieldErrors);
        setProblem({ ...refused, ...signInProblem(error) });
        focusFirst(refused.fieldErrors);
      })
      .finally(() => {
        busy.current = false;
        setSubmitting(false);
      });
  };

  const input = (field: Field, label: string, type: string, autoComplete: string) => (
    <FormField label={label} error={errors[field]}>
      {(control) => (
        <input
          className="input"
          type={type}
          autoComplete={autoComplete}
          maxLength={field === 'email' ? EMAIL_MAX : undefined}
          {...control}
          name={field}
          value={values[field]}
          onChange={onChange(field)}
          ref={(element) => {
            inputs.current[field] = element;
          }}
        />
      )}
    </FormField>
  );

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {problem && !submitting ? (
        <FormAlert
          ref={alertRef}
          title={problem.title}
          detail={problem.detail}
          unmatched={problem.unmatched}
          requestId={problem.requestId}
        />
      ) : null}
      {input('email', 'Email', 'email', 'username')}
      {input('password', 'Password', 'password', 'current-password')}
      <div className="button-row">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      <p>
        <Link to={paths.forgotPassword}>Forgot password?</Link>
      </p>
    </form>
  );
}
