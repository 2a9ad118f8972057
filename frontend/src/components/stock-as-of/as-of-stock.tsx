import type { ReactNode } from 'react';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { AsOfPicker } from './as-of-picker';
import type { StockAsOfQuery } from './get-stock-as-of';
import { StockAsOfTable } from './stock-as-of-table';

interface AsOfStockProps {
  /** Whose stock: an item, or a location (and what is below it). */
  of: Omit<StockAsOfQuery, 'asOf'>;
  subject: string;
  by: 'location' | 'item';
  /** The live table, shown when no moment is picked. */
  children: ReactNode;
}

/**
 * A stock section with an "as of" picker: the moment lives in the URL (?asOf=), so reload,
 * back and a shared link show the same past; without one, the live table.
 */
export function AsOfStock({ of, subject, by, children }: AsOfStockProps) {
  const [params, update] = useSearchParamUpdater();
  const raw = params.get('asOf');
  const asOf = raw && !Number.isNaN(Date.parse(raw)) ? raw : null;
  return (
    <>
      <AsOfPicker
        key={asOf ?? 'now'}
        asOf={asOf}
        subject={subject}
        onChange={(next) => update({ asOf: next })}
      />
      {asOf ? <StockAsOfTable query={{ ...of, asOf }} by={by} /> : children}
    </>
  );
}
