import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { describeActionError } from '@/lib/api-errors';
import type { ApiToken } from '@/lib/api-types';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { useEnableApiToken } from '../api/enable-api-token';
import { useRevokeApiToken } from '../api/revoke-api-token';

function TokenStatus({ token }: { token: ApiToken }) {
  const timeZone = useTimeZone();
  if (token.revokedAt)
    return (
      <span className="badge badge--archived">
        Revoked {formatDateTime(token.revokedAt, timeZone)}
      </span>
    );
  if (token.disabledAt)
    return (
      <>
        <span className="badge badge--warning">
          Disabled {formatDateTime(token.disabledAt, timeZone)}
        </span>
        <div className="muted">Its user was deactivated</div>
      </>
    );
  return <span className="badge badge--ok">Active</span>;
}

/** One token: revoke (final, asks first) and, when it was disabled with its user, enable. */
export function TokenRow({
  token,
  onRevoked,
  onEnabled,
}: {
  token: ApiToken;
  onRevoked: () => void;
  onEnabled: () => void;
}) {
  const revoke = useRevokeApiToken();
  const enable = useEnableApiToken();
  const [confirming, setConfirming] = useState(false);
  const timeZone = useTimeZone();
  const error = revoke.error ?? enable.error;
  return (
    <tr>
      <td data-label="Name">
        {token.name}
        <div className="muted">by {token.createdBy.name}</div>
      </td>
      <td data-label="Scope">{token.scope === 'write' ? 'Write' : 'Read'}</td>
      <td data-label="Created">{formatDateTime(token.createdAt, timeZone)}</td>
      <td data-label="Last used">
        {token.lastUsedAt ? (
          formatDateTime(token.lastUsedAt, timeZone)
        ) : (
          <span className="muted">Never</span>
        )}
      </td>
      <td data-label="Status">
        <TokenStatus token={token} />
      </td>
      <td data-label="Actions">
        {token.revokedAt ? null : (
          <div className="button-row">
            {token.disabledAt ? (
              <button
                type="button"
                className="button button--small"
                disabled={enable.isPending}
                onClick={() => {
                  revoke.reset();
                  enable.mutate(token.id, { onSuccess: onEnabled });
                }}
              >
                {enable.isPending ? 'Enabling…' : 'Enable'}
                <span className="visually-hidden"> {token.name}</span>
              </button>
            ) : null}
            {/* Stays visible while asking, so focus can return to it (Escape, Cancel). */}
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={confirming}
              onClick={() => {
                revoke.reset();
                enable.reset();
                setConfirming(true);
              }}
            >
              Revoke<span className="visually-hidden"> {token.name}</span>
            </button>
          </div>
        )}
        {confirming && !token.revokedAt ? (
          <ConfirmAction
            label={`Revoke ${token.name}`}
            message={`Revoke “${token.name}”? Anything using it stops working at once.`}
            confirmLabel="Yes, revoke"
            pendingLabel="Revoking…"
            pending={revoke.isPending}
            onConfirm={() =>
              revoke.mutate(token.id, {
                onSuccess: () => {
                  setConfirming(false);
                  onRevoked();
                },
              })
            }
            onCancel={() => setConfirming(false)}
          />
        ) : null}
        {error ? (
          <p className="field__error" role="alert">
            {describeActionError(error, 'change API tokens')}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
