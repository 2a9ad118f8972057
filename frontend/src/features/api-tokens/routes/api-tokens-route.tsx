import { useState } from 'react';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { SelectField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { requiredText } from '@/lib/form-rules';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { TableSkeleton } from '@/components/table-skeleton';
import { useCreateApiToken, type CreatedApiToken } from '../api/create-api-token';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@/lib/api-types';
import { useApiTokens } from '../api/get-api-tokens';
import { TokenRow } from '../components/token-row';
import { TokenSecret } from '../components/token-secret';

const SCOPES: Record<ApiTokenScope, string> = {
  read: 'Read — like a viewer',
  write: 'Write — like a manager',
};

export function ApiTokensRoute() {
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [message, setMessage] = useState<string | undefined>();

  let content;
  if (tokens.isPending) content = <TableSkeleton label="Loading API tokens…" />;
  else if (tokens.isError) {
    content = (
      <QueryErrorState
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        retrying={tokens.isFetching}
      />
    );
  } else if (tokens.data.length === 0) {
    content = (
      <EmptyState title="No API tokens yet">
        <p>Create one for a script or integration; it signs requests with a Bearer header.</p>
      </EmptyState>
    );
  } else {
    content = (
      <div className="table-wrap">
        <table className="data-table data-table--stack">
          <caption className="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                onRevoked={() => setMessage(`Revoked “${token.name}”.`)}
                onEnabled={() => setMessage(`Enabled “${token.name}”.`)}
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Page
      title="API tokens"
      description="Keys for scripts and integrations. Tokens never reach admin pages."
    >
      <StatusLine>{message}</StatusLine>
      {created ? (
        <TokenSecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          onCreated={(next) => {
            setMessage(undefined);
            setCreated(next);
          }}
        />
      )}
      <div className="section">{content}</div>
    </Page>
  );
}

const tokenSchema = z.object({
  name: requiredText('Name the token after what will use it, e.g. “Nightly export”.', 100),
  scope: z.enum(API_TOKEN_SCOPES as [ApiTokenScope, ...ApiTokenScope[]]),
});
type TokenValues = z.infer<typeof tokenSchema>;
const SCOPE_OPTIONS = API_TOKEN_SCOPES.map((scope) => ({ value: scope, label: SCOPES[scope] }));

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const create = useCreateApiToken();
  const state = useAppForm<TokenValues>({
    schema: tokenSchema,
    defaultValues: { name: '', scope: 'read' },
  });

  const save = async (values: TokenValues) => {
    const result = await create.mutateAsync({ name: values.name.trim(), scope: values.scope });
    state.form.reset();
    onCreated(result);
  };

  return (
    <section className="card section" aria-labelledby="new-token-title">
      <h2 id="new-token-title">New token</h2>
      <AppForm state={state} onSubmit={save} problemTitle="Token not created">
        <div className="form-grid">
          <TextField<TokenValues> name="name" label="Name" autoComplete="off" />
          <SelectField<TokenValues> name="scope" label="Scope" options={SCOPE_OPTIONS} />
        </div>
        <div className="button-row">
          <SubmitButton label="Create token" pendingLabel="Creating…" />
        </div>
      </AppForm>
    </section>
  );
}
