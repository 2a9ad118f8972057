import type { Db } from '../../lib/db';
import type { Actor } from '../../lib/http/identity';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import * as items from '../items/items.service';
import * as locations from '../locations/locations.service';
import { itemLabel, locationLabel } from './labels.content';
import { itemsNotFound, nothingToPrint, skipTooLarge, tooManyLabels } from './labels.errors';
import { type Grid, PAPER, perPage, PRESETS } from './labels.layouts';
import type * as Render from './labels.render';
import type { LabelContent } from './labels.render';
import * as repo from './labels.repository';
import {
  labelLayout,
  MAX_LABELS,
  type LabelLayout,
  type LabelSource,
  type PrintLabels,
} from './labels.schemas';

/**
 * The renderer (pdfkit, fontkit, bwip-js, qrcode, bidi-js), loaded on the first print: an
 * idle API would otherwise hold their code and tables (about 20 MB of RSS) for nothing.
 */
const loadRender = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./labels.render') as typeof Render;

export const DEFAULT_LAYOUT: LabelLayout = labelLayout.parse({ preset: 'L7160' });

function gridOf(layout: LabelLayout): Grid {
  if (layout.preset !== 'custom') return PRESETS[layout.preset];
  const { paper, ...grid } = layout.custom!;
  return { ...PAPER[paper], ...grid, dpi: 300 };
}

async function contents(db: Db, source: LabelSource, baseUrl: string | null) {
  switch (source.kind) {
    case 'items': {
      const found = await items.itemsByIds(db, source.ids);
      const missing = source.ids.filter((id) => !found.some((i) => i.id === id));
      if (missing.length > 0) throw itemsNotFound(missing.slice(0, 20));
      return found.map((i) => itemLabel(i, baseUrl));
    }
    case 'itemFilter': {
      const { items: matched, total } = await items.allMatching(db, source.filter, MAX_LABELS);
      if (total > MAX_LABELS) throw tooManyLabels(total);
      return matched.map((i) => itemLabel(i, baseUrl));
    }
    case 'location':
      return (await locations.locationSubtree(db, source.locationId)).map((l) =>
        locationLabel(l, baseUrl),
      );
  }
}

/** What the audit log keeps of a print: the source and the layout, not the PDF. */
const auditEntry = (input: PrintLabels, count: number) => ({
  action: 'labels.printed' as const,
  entityType: input.source.kind === 'location' ? 'location' : null,
  entityId: input.source.kind === 'location' ? input.source.locationId : null,
  after: { source: input.source, layout: input.layout, labels: count },
});

/**
 * Renders the labels to a PDF, then remembers the layout for the user and audits the print
 * (in one transaction, after the PDF exists: a refused print leaves no trace).
 */
export async function printLabels(
  db: Db,
  input: PrintLabels,
  actor: Actor,
  baseUrl: string | null,
): Promise<{ pdf: Buffer; count: number }> {
  const grid = gridOf(input.layout);
  if (input.layout.skip >= perPage(grid)) throw skipTooLarge(input.layout.skip, perPage(grid));
  const labels: LabelContent[] = await contents(db, input.source, input.layout.qr ? baseUrl : null);
  if (labels.length === 0) throw nothingToPrint();
  const count = labels.length * input.layout.copies;
  if (count > MAX_LABELS) throw tooManyLabels(count);
  const pdf = await loadRender().renderLabels(labels, grid, input.layout);
  await transaction(db, async (trx) => {
    if (actor.userId !== null) await repo.saveLayout(trx, actor.userId, input.layout);
    await audit.record(trx, actor, auditEntry(input, count));
  });
  return { pdf, count };
}

/** The user's last layout, or the default when none (or one this version no longer accepts). */
export async function layoutOf(db: Db, userId: number | null): Promise<LabelLayout> {
  if (userId === null) return DEFAULT_LAYOUT;
  const saved = labelLayout.safeParse(await repo.findLayout(db, userId));
  return saved.success ? saved.data : DEFAULT_LAYOUT;
}
