import { useState } from 'react';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { StatusLine } from '@/components/status-line';
import { useAppForm } from '@/hooks/use-app-form';
import { optionalText } from '@/lib/form-rules';
import { useSendTestMail } from '../api/mail-settings';

const schema = z.object({ to: optionalText(254) });
type Values = z.infer<typeof schema>;

/** "Send test email": sends at once, so a wrong server or password shows here, with the reason. */
export function TestMailForm({ myEmail }: { myEmail: string }) {
  const send = useSendTestMail();
  const [sent, setSent] = useState<string | undefined>();
  const state = useAppForm<Values>({ schema, defaultValues: { to: '' } });
  const submit = async (values: Values) => {
    setSent(undefined);
    const reply = await send.mutateAsync(values.to.trim() || undefined);
    setSent(`Test email sent to ${reply.to}.`);
  };
  return (
    <section className="section" aria-labelledby="test-mail-title">
      <h2 id="test-mail-title">Send a test email</h2>
      <StatusLine>{sent}</StatusLine>
      <AppForm
        state={state}
        onSubmit={submit}
        problemTitle="Test email not sent"
        className="form card"
        guardLeaving={false}
      >
        <TextField<Values>
          name="to"
          label="Send to"
          type="email"
          optional
          autoComplete="email"
          hint={`Leave blank to send it to yourself (${myEmail}).`}
        />
        <div className="button-row">
          <SubmitButton label="Send test email" pendingLabel="Sending…" />
        </div>
      </AppForm>
    </section>
  );
}
