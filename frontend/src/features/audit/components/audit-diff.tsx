import type { AuditEntry } from '@/lib/api-types';

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field by field, before → after; unchanged fields are left out so the change stands out. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (keys.length === 0) return <p className="muted">No field changes recorded.</p>;
  return (
    <table className="data-table audit-diff">
      <caption className="visually-hidden">Changes in audit entry {entry.id}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row" className="mono">
              {key}
            </th>
            <td className="audit-diff__before mono">{show(before[key])}</td>
            <td className="audit-diff__after mono">{show(after[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
