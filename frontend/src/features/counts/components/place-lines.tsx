import type { CountSessionDetail, Location } from '@/lib/api-types';

interface PlaceLinesProps {
  location: Location;
  lines: CountSessionDetail['lines'];
  /** Empty for counters of a blind session: the server does not send it. */
  expected: CountSessionDetail['expected'];
}

/** What has been counted at this place (by anyone) and, unless blind, what is expected. */
export function PlaceLines({ location, lines, expected }: PlaceLinesProps) {
  const here = lines.filter((l) => l.location.id === location.id);
  const expectedHere = expected.filter((e) => e.location.id === location.id);
  return (
    <>
      <section className="section" aria-labelledby="counted-here">
        <h2 id="counted-here">Counted at {location.code}</h2>
        {here.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table data-table--stack">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Counted
                  </th>
                  <th scope="col">By</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {here.map((l) => (
                  <tr key={l.id}>
                    <td data-label="Item" className="mono">
                      {l.item.sku}
                    </td>
                    <td data-label="Counted" className="num">
                      {l.countedQuantity} {l.item.unit}
                    </td>
                    <td data-label="By">{l.countedBy?.name ?? '—'}</td>
                    <td data-label="Status">{l.current ? 'Counts' : 'Replaced by a recount'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {expectedHere.length > 0 ? (
        <section className="section" aria-labelledby="expected-here">
          <h2 id="expected-here">Expected at {location.code}</h2>
          <ul className="list">
            {expectedHere.map((e) => (
              <li key={e.item.id}>
                <span className="mono">{e.item.sku}</span>: {e.expectedQuantity} {e.item.unit}
                {e.counted ? ' (counted)' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
