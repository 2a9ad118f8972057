import { useState } from 'react';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { useSettings } from '@/hooks/use-settings';
import { SettingsForm } from '../components/settings-form';

export function SettingsRoute() {
  const settings = useSettings();
  const [saved, setSaved] = useState<string | undefined>();
  return (
    <Page title="Settings" description="Organisation-wide choices. Changes apply at once.">
      <StatusLine>{saved}</StatusLine>
      {settings.isPending ? (
        <LoadingState label="Loading settings…" />
      ) : settings.isError ? (
        <QueryErrorState
          error={settings.error}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <SettingsForm settings={settings.data} onSaved={() => setSaved('Settings saved.')} />
      )}
    </Page>
  );
}
