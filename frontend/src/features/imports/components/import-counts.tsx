import type { ImportCounts } from '@/lib/api-types';

const LINES: { key: keyof ImportCounts; label: string }[] = [
  { key: 'rows', label: 'Rows' },
  { key: 'validRows', label: 'Valid rows' },
  { key: 'invalidRows', label: 'Rows with problems' },
  { key: 'itemsToCreate', label: 'Items to create' },
  { key: 'itemsToUpdate', label: 'Items to update' },
  { key: 'itemsUnchanged', label: 'Items unchanged' },
  { key: 'archivedItems', label: 'Archived items (left archived)' },
  { key: 'locationsToCreate', label: 'Locations to create' },
  { key: 'movements', label: 'Stock movements' },
];

/** What the file holds, or what a run did: the same counts for preview, dry run and result. */
export function ImportCountList({ counts, label }: { counts: ImportCounts; label: string }) {
  return (
    <dl className="import-counts" aria-label={label}>
      {LINES.map(({ key, label: term }) => (
        <div key={key} className="import-counts__row">
          <dt>{term}</dt>
          <dd>{counts[key].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
