import type { CountReview } from '@/lib/api-types';

/** Per line: expected when counted, counted, movements since, variance; flags stand out in words. */
export function ReviewTable({ lines }: { lines: CountReview['lines'] }) {
  return (
    <div className="table-wrap">
      <table className="data-table data-table--stack">
        <caption className="visually-hidden">Counted lines</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Location</th>
            <th scope="col" className="num">
              Expected
            </th>
            <th scope="col" className="num">
              Counted
            </th>
            <th scope="col" className="num">
              Moved since
            </th>
            <th scope="col" className="num">
              Variance
            </th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.lineId}>
              <td data-label="Item" className="mono">
                {l.item.sku}
              </td>
              <td data-label="Location" className="mono">
                {l.location.code}
              </td>
              <td data-label="Expected" className="num">
                {l.expectedQuantity}
              </td>
              <td data-label="Counted" className="num">
                {l.countedQuantity}
              </td>
              <td data-label="Moved since" className="num">
                {l.movementsSince}
              </td>
              <td data-label="Variance" className="num">
                {l.variance}
                {l.variancePercent !== null ? ` (${l.variancePercent} %)` : ''}
              </td>
              <td data-label="Check">
                {l.skipped === 'item_archived'
                  ? 'Not posted: item archived'
                  : l.skipped === 'superseded'
                    ? 'Not posted: counted again later'
                    : l.flagged
                      ? 'Recount: over the threshold'
                      : 'OK'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
