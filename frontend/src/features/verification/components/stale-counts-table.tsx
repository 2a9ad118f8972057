import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { formatQuantity } from '@/lib/quantity';
import type { StaleCountRow } from '../api/get-stale-counts';

/** One row per item × location to count, in the report's order (never counted first). */
export function StaleCountsTable({ rows }: { rows: StaleCountRow[] }) {
  const timeZone = useTimeZone();
  return (
    <div className="table-wrap">
      <table className="data-table data-table--stack">
        <caption className="visually-hidden">Stock to count</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Location</th>
            <th scope="col" className="num">
              On hand
            </th>
            <th scope="col">Last counted</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.item.id}-${r.location.id}`}>
              <td data-label="Item">
                <Link to={paths.item(r.item.id)}>{r.item.sku}</Link> {r.item.name}
              </td>
              <td data-label="Location">
                <Link to={paths.location(r.location.id)}>{r.location.code}</Link>
              </td>
              <td data-label="On hand" className="num">
                {formatQuantity(r.quantity)} {r.item.unit}
              </td>
              <td data-label="Last counted">
                {r.lastCounted ? formatDateTime(r.lastCounted.countedAt, timeZone) : 'Never'}
              </td>
              <td data-label="By">{r.lastCounted?.countedBy?.name ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
