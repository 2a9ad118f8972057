import { useState } from 'react';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { CheckboxField } from '@/components/form/fields';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { useAppForm } from '@/hooks/use-app-form';
import type { AlertPreferences } from '@/lib/api-types';
import { useAlertPreferences, useUpdateAlertPreferences } from '../api/alert-preferences';

const schema = z.object({ lowStockImmediate: z.boolean(), dailyDigest: z.boolean() });
type Values = z.infer<typeof schema>;

function PreferencesForm({ prefs, onSaved }: { prefs: AlertPreferences; onSaved: () => void }) {
  const update = useUpdateAlertPreferences();
  const state = useAppForm<Values>({
    schema,
    defaultValues: { lowStockImmediate: prefs.lowStockImmediate, dailyDigest: prefs.dailyDigest },
  });
  const save = async (values: Values) => {
    await update.mutateAsync(values);
    onSaved();
  };
  return (
    <AppForm state={state} onSubmit={save} problemTitle="Alerts not saved" className="form card">
      <fieldset className="fieldset">
        <legend>Email me</legend>
        <CheckboxField<Values>
          name="lowStockImmediate"
          label="When an item runs low"
          hint="At once, when an item's stock falls to or below its reorder point."
        />
        <CheckboxField<Values>
          name="dailyDigest"
          label="A daily digest"
          hint="Once a day, every item at or below its reorder point (nothing on days when none is)."
        />
      </fieldset>
      <div className="button-row">
        <SubmitButton label="Save alerts" pendingLabel="Saving…" />
      </div>
    </AppForm>
  );
}

/** Every user's own alert emails. */
export function AlertPreferencesRoute() {
  const prefs = useAlertPreferences();
  const [saved, setSaved] = useState<string | undefined>();
  return (
    <Page title="Alert emails" description="Which low-stock emails you receive.">
      {prefs.data && !prefs.data.emailEnabled ? (
        <p className="notice">
          Email is off in this Stockroom: your choices are kept and apply once an admin sets up
          email.
        </p>
      ) : null}
      <StatusLine>{saved}</StatusLine>
      {prefs.isPending ? (
        <LoadingState label="Loading your alerts…" />
      ) : prefs.isError ? (
        <QueryErrorState
          error={prefs.error}
          onRetry={() => void prefs.refetch()}
          retrying={prefs.isFetching}
        />
      ) : (
        <PreferencesForm prefs={prefs.data} onSaved={() => setSaved('Alert emails saved.')} />
      )}
    </Page>
  );
}
