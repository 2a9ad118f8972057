import { useState } from 'react';
import { Link } from '@/lib/router';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { StatusLine } from '@/components/status-line';
import { paths } from '@/config/paths';
import { useAppForm } from '@/hooks/use-app-form';
import { ApiError } from '@/lib/api-errors';
import { requiredText } from '@/lib/form-rules';
import { formatDuration } from '@/lib/format-duration';
import { useRequestPasswordReset } from '../api/password-links';
import { AuthScreen } from '../components/auth-screen';

const schema = z.object({ email: requiredText('Enter your email address.', 254) });
type Values = z.infer<typeof schema>;

function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError && error.code === 'MAIL_NOT_CONFIGURED')
    return {
      title: 'Email is off',
      detail:
        'This Stockroom does not send email, so it cannot send a reset link. Ask an admin to set a new password for you.',
    };
  if (error instanceof ApiError && error.status === 429)
    return {
      title: 'Too many requests',
      detail:
        error.retryAfterSeconds === undefined
          ? 'Too many reset requests. Wait a while, then try again.'
          : `Too many reset requests. Try again in ${formatDuration(error.retryAfterSeconds)}.`,
    };
  if (error instanceof ApiError)
    return { title: 'Link not sent', detail: error.detail ?? error.title };
  return {
    title: 'Link not sent',
    detail: 'Stockroom could not reach its server. Check the connection and try again.',
  };
}

/** "Forgot password?": asks for a reset link. The answer never says whether the account exists. */
export function ForgotPasswordRoute() {
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState<string | undefined>();
  const state = useAppForm<Values>({ schema, defaultValues: { email: '' }, describe });
  const submit = async (values: Values) => {
    const reply = await request.mutateAsync(values.email.trim());
    setSent(reply.message);
  };
  return (
    <AuthScreen title="Forgot password">
      {sent ? (
        <StatusLine>{sent}</StatusLine>
      ) : (
        <AppForm state={state} onSubmit={submit} problemTitle="Link not sent" guardLeaving={false}>
          <p>
            Enter the email you sign in with. If it belongs to an account, we email it a link to
            choose a new password.
          </p>
          <TextField<Values> name="email" label="Email" type="email" autoComplete="username" />
          <div className="button-row">
            <SubmitButton label="Email me a link" pendingLabel="Sending…" />
          </div>
        </AppForm>
      )}
      <p>
        <Link to={paths.signIn}>Back to sign in</Link>
      </p>
    </AuthScreen>
  );
}
