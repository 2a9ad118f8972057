import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { pluralize } from '@/lib/plural';
import { useLocationVerification } from '../api/get-location-verification';

/** The "Last counted" entry of the location's details (issue 14). */
export function LocationLastVerified({ locationId }: { locationId: number }) {
  const verification = useLocationVerification(locationId);
  const timeZone = useTimeZone();
  const v = verification.data;
  return (
    <div>
      <dt>Last counted</dt>
      <dd>
        {!v
          ? '—'
          : v.lastCounted
            ? `${formatDateTime(v.lastCounted.countedAt, timeZone)}${v.lastCounted.countedBy ? ` by ${v.lastCounted.countedBy.name}` : ''}`
            : 'Never'}
        {v && v.neverCounted > 0 ? (
          <>
            {' '}
            (
            <Link to={`${paths.notCounted}?days=0&locationId=${locationId}`}>
              {pluralize(v.neverCounted, 'item', 'items')} never counted here
            </Link>
            )
          </>
        ) : null}
      </dd>
    </div>
  );
}
