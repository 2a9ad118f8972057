import { Link, useNavigate, useSearchParams } from '@/lib/router';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useCreateItem } from '../api/create-item';
import { ItemForm } from '../components/item-form';
import { itemFormValues, toCreateInput } from '../components/item-form-values';
import { useSettings } from '@/hooks/use-settings';

export function NewItemRoute() {
  const navigate = useNavigate();
  // ?barcode= comes from a scan no item matched (the movement form's offer to create one).
  const [searchParams] = useSearchParams();
  const createItem = useCreateItem();
  const settings = useSettings();
  return (
    <Page title="New item" description="Add something you keep in stock.">
      <p>
        <Link to={paths.items}>← Back to items</Link>
      </p>
      {/* The form keeps its first values, so wait for the default unit (usually cached). */}
      {settings.isPending ? (
        <LoadingState label="Loading the form…" />
      ) : (
        <ItemForm
          initialValues={{
            ...itemFormValues(undefined, settings.data?.defaultUnit),
            barcode: searchParams.get('barcode') ?? '',
          }}
          submitLabel="Create item"
          pendingLabel="Creating…"
          onSubmit={async (values) => {
            const item = await createItem.mutateAsync(toCreateInput(values));
            navigate(paths.item(item.id), {
              state: { flash: `Created ${item.sku} — ${item.name}.` },
            });
          }}
          onSaveAndAddAnother={async (values) => {
            const item = await createItem.mutateAsync(toCreateInput(values));
            return `Created ${item.sku} — ${item.name}. Add the next one.`;
          }}
          onCancel={() => void navigate(paths.items)}
        />
      )}
    </Page>
  );
}
