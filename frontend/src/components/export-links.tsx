import './export-links.css';
import type { ExportKind, ExportQuery } from '@/lib/api-types';
import { toQueryString } from '@/lib/query-string';

interface ExportLinksProps<K extends ExportKind> {
  kind: K;
  /** What the file holds, in words: "items", "these movements". */
  label: string;
  /** The page's current filters, so the file holds what the page shows. */
  query?: ExportQuery<K>;
}

/**
 * Download links for an export. Plain links, not fetch: the browser streams the file to disk
 * as the API writes it (a million rows never sit in the page's memory), and the session
 * cookie goes with a same-origin GET.
 */
export function ExportLinks<K extends ExportKind>({ kind, label, query }: ExportLinksProps<K>) {
  const href = (format: 'csv' | 'xlsx') =>
    `/api/v1/exports/${kind}${toQueryString({
      ...(query as Record<string, string | number | undefined>),
      format,
    })}`;
  return (
    <p className="export-links">
      <span className="muted">Download {label}:</span>{' '}
      <a href={href('csv')} download aria-label={`Download ${label} as CSV`}>
        CSV
      </a>{' '}
      <a href={href('xlsx')} download aria-label={`Download ${label} as Excel (XLSX)`}>
        Excel
      </a>
    </p>
  );
}
