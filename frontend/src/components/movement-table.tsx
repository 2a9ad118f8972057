import { Fragment, useState, type ReactNode } from 'react';
import { Link } from '@/lib/router';
import { paths } from '../config/paths';
import type { Movement } from '../lib/api-types';
import { useTimeZone } from '../hooks/use-settings';
import { formatDateTime } from '../lib/format-date';
import { movementAmount, movementAuthor } from '../lib/movements';
import { MovementKindBadge } from './movement-kind-badge';
import { MovementRoute } from './movement-route';

interface MovementTableProps {
  movements: Movement[];
  caption: string;
  /** Hide the item column where the page is already about one item. */
  showItem?: boolean;
  showNote?: boolean;
  /** When given, each row can expand to show this (e.g. details and a Reverse action). */
  renderDetails?: (movement: Movement) => ReactNode;
  busy?: boolean;
}

export function MovementTable({
  movements,
  caption,
  showItem = true,
  showNote = true,
  renderDetails,
  busy = false,
}: MovementTableProps) {
  const [expanded, setExpanded] = useState<number | null>(null);
  const timeZone = useTimeZone();
  const columns = 6 + (showItem ? 1 : 0) + (showNote ? 1 : 0) + (renderDetails ? 1 : 0);
  return (
    <div className="table-wrap">
      <table className="data-table data-table--stack" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Kind</th>
            {showItem ? <th scope="col">Item</th> : null}
            <th scope="col">From → to</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col">Reference</th>
            <th scope="col">Recorded by</th>
            {showNote ? <th scope="col">Note</th> : null}
            {renderDetails ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {movements.map((movement) => {
            const isOpen = expanded === movement.id;
            const detailsId = `movement-${movement.id}-details`;
            return (
              <Fragment key={movement.id}>
                <tr>
                  <td data-label="Time">
                    <time dateTime={movement.createdAt}>
                      {formatDateTime(movement.createdAt, timeZone)}
                    </time>
                  </td>
                  <td data-label="Kind">
                    <MovementKindBadge kind={movement.kind} />
                    {movement.reversedByMovementId !== null ? (
                      <span className="badge badge--muted">Reversed</span>
                    ) : null}
                    {movement.reversesMovementId !== null ? (
                      <span className="badge badge--muted">Reversal</span>
                    ) : null}
                  </td>
                  {showItem ? (
                    <td data-label="Item">
                      <Link to={paths.item(movement.item.id)} className="mono">
                        {movement.item.sku}
                      </Link>{' '}
                      <span className="muted">{movement.item.name}</span>
                    </td>
                  ) : null}
                  <td data-label="From → to">
                    <MovementRoute movement={movement} />
                  </td>
                  <td data-label="Quantity" className="num">
                    {movementAmount(movement)}
                  </td>
                  <td data-label="Reference">
                    {movement.reference ?? <span className="muted">—</span>}
                  </td>
                  <td data-label="Recorded by">{movementAuthor(movement)}</td>
                  {showNote ? <td data-label="Note">{movement.note ?? ''}</td> : null}
                  {renderDetails ? (
                    <td data-label="">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-expanded={isOpen}
                        aria-controls={detailsId}
                        onClick={() => setExpanded(isOpen ? null : movement.id)}
                      >
                        {isOpen ? 'Hide' : 'Details'}
                        <span className="visually-hidden"> of movement {movement.id}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
                {renderDetails && isOpen ? (
                  <tr id={detailsId} className="data-table__details">
                    <td colSpan={columns} data-label="">
                      {renderDetails(movement)}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
