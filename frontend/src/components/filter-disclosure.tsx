import { useState, type ReactNode } from 'react';
import { PHONE_QUERY, useMediaQuery } from '@/hooks/use-media-query';

interface FilterDisclosureProps {
  /** How many filters are set, shown on the folded summary so a phone user knows. */
  activeCount: number;
  children: ReactNode;
}

/**
 * Filters fold away on phones behind a "Filters" summary; on wider screens they are always
 * open and the summary is hidden by CSS, so the desktop layout does not change.
 */
export function FilterDisclosure({ activeCount, children }: FilterDisclosureProps) {
  const phone = useMediaQuery(PHONE_QUERY);
  const [openOnPhone, setOpenOnPhone] = useState(false);
  return (
    <details
      className="filter-disclosure"
      open={!phone || openOnPhone}
      onToggle={(event) => {
        if (phone) setOpenOnPhone(event.currentTarget.open);
      }}
    >
      <summary className="filter-disclosure__summary">
        Filters
        {activeCount > 0 ? ` (${activeCount} set)` : null}
      </summary>
      {children}
    </details>
  );
}
