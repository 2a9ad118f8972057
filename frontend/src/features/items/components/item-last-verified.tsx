import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { useItemVerification } from '../api/get-item-verification';

/** "Last counted …": when the item was last counted, where and by whom (issue 14). */
export function ItemLastVerified({ itemId }: { itemId: number }) {
  const verification = useItemVerification(itemId);
  const timeZone = useTimeZone();
  if (!verification.data) return null;
  const { lastCounted, data } = verification.data;
  if (!lastCounted) return <p>Last counted: never.</p>;
  const where = data.find((r) => r.lastCounted.movementId === lastCounted.movementId);
  return (
    <>
      <p>
        Last counted {formatDateTime(lastCounted.countedAt, timeZone)}
        {where ? ` at ${where.location.code}` : ''}
        {lastCounted.countedBy ? ` by ${lastCounted.countedBy.name}` : ''}.
      </p>
      {data.length > 1 ? (
        <details>
          <summary>Last count at each location</summary>
          <ul>
            {data.map((r) => (
              <li key={r.location.id}>
                {r.location.code}: {formatDateTime(r.lastCounted.countedAt, timeZone)}
                {r.lastCounted.countedBy ? ` by ${r.lastCounted.countedBy.name}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
