import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import {
  CheckboxField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { SMTP_TLS_MODES, type MailSettings, type SmtpTlsMode } from '@/lib/api-types';
import { optionalText, requiredText } from '@/lib/form-rules';
import { useUpdateMailSettings } from '../api/mail-settings';

const TLS_LABELS: Record<SmtpTlsMode, string> = {
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS from the start (usually port 465)',
  none: 'None: plain text (trusted networks only, usually port 25)',
};
const TLS_OPTIONS = SMTP_TLS_MODES.map((mode) => ({ value: mode, label: TLS_LABELS[mode] }));
const DEFAULT_PORT: Record<SmtpTlsMode, string> = { starttls: '587', tls: '465', none: '25' };

const schema = z.object({
  host: requiredText('Enter the SMTP server, e.g. smtp.example.com.', 253),
  port: z.string().check(
    z.refine((value) => {
      const port = Number(value);
      return /^\d+$/.test(value.trim()) && port >= 1 && port <= 65535;
    }, 'Enter a port from 1 to 65535.'),
  ),
  tls: z.enum(SMTP_TLS_MODES as [SmtpTlsMode, ...SmtpTlsMode[]]),
  user: optionalText(254),
  password: optionalText(500),
  removePassword: z.boolean(),
  from: requiredText('Enter the sender address, e.g. stockroom@example.com.', 254),
  tlsCa: optionalText(10_000),
  skipVerify: z.boolean(),
});
type Values = z.infer<typeof schema>;

/** The SMTP server, when the environment does not set it. The password is write-only. */
export function SmtpForm({ settings, onSaved }: { settings: MailSettings; onSaved: () => void }) {
  const update = useUpdateMailSettings();
  const tls = settings.tls ?? 'starttls';
  const state = useAppForm<Values>({
    schema,
    defaultValues: {
      host: settings.host ?? '',
      port: String(settings.port ?? DEFAULT_PORT[tls]),
      tls,
      user: settings.user ?? '',
      password: '',
      removePassword: false,
      from: settings.from ?? '',
      tlsCa: settings.tlsCa ?? '',
      skipVerify: !settings.tlsVerify,
    },
  });

  const save = async (values: Values) => {
    await update.mutateAsync({
      host: values.host.trim(),
      port: Number(values.port),
      tls: values.tls,
      user: values.user.trim() || null,
      from: values.from.trim(),
      tlsCa: values.tlsCa.trim() || null,
      tlsVerify: !values.skipVerify,
      // Blank keeps the saved password; only a new one or an explicit removal is sent.
      ...(values.removePassword
        ? { password: null }
        : values.password
          ? { password: values.password }
          : {}),
    });
    state.form.reset({ ...values, password: '', removePassword: false });
    onSaved();
  };

  return (
    <AppForm
      state={state}
      onSubmit={save}
      problemTitle="Email settings not saved"
      className="form card"
    >
      <div className="form-grid">
        <TextField<Values> name="host" label="SMTP server" autoComplete="off" spellCheck={false} />
        <NumberField<Values>
          name="port"
          label="Port"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={5}
        />
      </div>
      <SelectField<Values> name="tls" label="Encryption" options={TLS_OPTIONS} />
      <div className="form-grid">
        <TextField<Values> name="user" label="User name" optional autoComplete="off" />
        <TextField<Values>
          name="password"
          label="Password"
          type="password"
          optional
          autoComplete="new-password"
          hint={
            settings.passwordSet
              ? 'A password is saved (never shown). Leave blank to keep it.'
              : 'Stored on the server and never shown again.'
          }
        />
      </div>
      {settings.passwordSet ? (
        <CheckboxField<Values> name="removePassword" label="Remove the saved password" />
      ) : null}
      <TextField<Values>
        name="from"
        label="Send as"
        type="email"
        autoComplete="off"
        hint="The From address of every email, e.g. stockroom@example.com."
      />
      <TextAreaField<Values>
        name="tlsCa"
        label="Trusted certificate (PEM)"
        optional
        rows={4}
        hint="For a server with a self-signed certificate or a private CA: paste that certificate (-----BEGIN CERTIFICATE----- …). It is trusted instead of the usual public CAs. Leave blank for a server with a public certificate."
      />
      <CheckboxField<Values>
        name="skipVerify"
        label="Do not check the server's certificate (insecure)"
        hint="Mail is still encrypted, but anyone on the network path could pose as the server and read it. Trust its certificate above instead whenever you can."
      />
      <div className="button-row">
        <SubmitButton label="Save email settings" pendingLabel="Saving…" />
      </div>
    </AppForm>
  );
}
