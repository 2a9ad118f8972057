import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { formatDuration } from '@/lib/format-duration';
import type { SystemInfo } from '../api/get-system-info';

interface SystemInfoListProps {
  info: SystemInfo;
}

export function SystemInfoList({ info }: SystemInfoListProps) {
  const timeZone = useTimeZone();
  const rows: [string, string][] = [
    ['Version', info.version],
    ['Commit', info.commit ?? 'Not recorded'],
    ['Schema version', info.schemaVersion ?? 'No migrations applied'],
    ['Uptime', formatDuration(info.uptimeSeconds)],
    ['Started', formatDateTime(info.startedAt, timeZone)],
    ['Node.js', info.nodeVersion],
  ];
  return (
    <dl className="detail-list">
      {rows.map(([term, value]) => (
        <div className="detail-list__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
