import { useState, type FormEvent } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { Page } from '../../../components/page';
import { QueryErrorState } from '../../../components/query-error-state';
import { StatusLine } from '../../../components/status-line';
import { TableSkeleton } from '../../../components/table-skeleton';
import { problemForForm } from '../../../lib/problem-fields';
import { useCreateApiToken, type CreatedApiToken } from '../api/create-api-token';
import { useApiTokens, type ApiTokenScope } from '../api/get-api-tokens';
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

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('read');
  const [missing, setMissing] = useState<string | undefined>();
  const server = create.error ? problemForForm(create.error, ['name', 'scope'] as const) : null;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing('Name the token after what will use it, e.g. “Nightly export”.');
      return;
    }
    setMissing(undefined);
    create.mutate(
      { name: name.trim(), scope },
      {
        onSuccess: (result) => {
          setName('');
          onCreated(result);
        },
      },
    );
  };

  return (
    <section className="card section" aria-labelledby="new-token-title">
      <h2 id="new-token-title">New token</h2>
      <form className="form" noValidate onSubmit={handleSubmit}>
        {server && !create.isPending ? (
          <FormAlert
            title="Token not created"
            detail={server.detail}
            unmatched={server.unmatched}
          />
        ) : null}
        <div className="form-grid">
          <FormField label="Name" error={missing ?? server?.fieldErrors.name}>
            {(control) => (
              <input
                {...control}
                name="name"
                className="input"
                autoComplete="off"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </FormField>
          <FormField label="Scope" error={server?.fieldErrors.scope}>
            {(control) => (
              <select
                {...control}
                name="scope"
                className="input"
                value={scope}
                onChange={(event) => setScope(event.target.value as ApiTokenScope)}
              >
                {Object.entries(SCOPES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
    </section>
  );
}
