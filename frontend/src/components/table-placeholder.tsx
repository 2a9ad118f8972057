export interface PlaceholderColumn {
  label: string;
  /** Text as wide as a typical value; drawn as a grey bar, never read out. */
  sample: string;
  num?: boolean;
  /** The value is a badge (a movement's kind), which sets the row's height. */
  badge?: boolean;
}

interface TablePlaceholderProps {
  label: string;
  columns: readonly PlaceholderColumn[];
  rows: number;
}

/**
 * A stand-in for a `.data-table--stack` table while it loads: the same markup, headers and
 * cells, with grey text of typical width, so each row is as tall as a loaded one (on a phone
 * too, where rows stack) and nothing below moves when the data replaces it.
 */
export function TablePlaceholder({ label, columns, rows }: TablePlaceholderProps) {
  return (
    <div className="table-wrap" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <table className="data-table data-table--stack" aria-hidden="true">
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.label} className={column.num ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {columns.map((column) => (
                <td
                  key={column.label}
                  data-label={column.label}
                  className={column.num ? 'num' : undefined}
                >
                  <span className={`skeleton__text${column.badge ? ' badge' : ''}`}>
                    <span>{column.sample}</span>
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
