import type { Db } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { formatMilli } from '../../lib/quantity';
import { hasRole, type Role } from '../../lib/roles';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import * as events from '../events/events.service';
import { sessionClosed, sessionNotFound, unknownReference } from './counts.errors';
import { checkLines } from './counts.lines';
import * as lineRepo from './counts-lines.repository';
import { postLines } from './counts.posting';
import * as repo from './counts.repository';
import { toReview } from './counts.review';
import * as reviewRepo from './counts-review.repository';
import type { AddLines, CountSession, OpenSession } from './counts.schemas';

export async function getSession(db: Db, id: number): Promise<CountSession> {
  return orThrow(await repo.findSession(db, id), () => sessionNotFound(id));
}

export async function listSessions(db: Db, status?: string) {
  return { data: await repo.listSessions(db, status) };
}

export function openSession(db: Db, input: OpenSession, actor: Actor): Promise<CountSession> {
  return transaction(db, async (trx) => {
    if (input.locationId !== undefined) {
      if (!(await lineRepo.activeLocation(trx, input.locationId)))
        throw unknownReference('location', input.locationId);
    }
    if (input.itemIds) {
      const found = await lineRepo.lockItems(trx, input.itemIds);
      const missing = input.itemIds.find((i) => !found.get(i) || found.get(i)!.archived);
      if (missing !== undefined) throw unknownReference('item', missing);
    }
    const id = await repo.insertSession(trx, {
      blind: input.blind,
      locationId: input.locationId ?? null,
      itemIds: input.itemIds ?? null,
      note: input.note ?? null,
      thresholdQuantity:
        input.thresholdQuantity === undefined ? null : formatMilli(input.thresholdQuantity),
      thresholdPercent: input.thresholdPercent ?? null,
      createdBy: actor.userId,
    });
    const session = (await repo.findSession(trx, id))!;
    await audit.record(trx, actor, {
      action: 'count.opened',
      entityType: 'count_session',
      entityId: id,
      after: session,
    });
    return session;
  });
}

/** What counters see: a blind session shows operators no expected quantities at all. */
export async function sessionDetail(db: Db, id: number, role: Role) {
  const session = await getSession(db, id);
  const lines = await lineRepo.listLines(db, id);
  const seesExpected = !session.blind || hasRole(role, 'manager');
  const expected = seesExpected
    ? (await lineRepo.expectedInScope(db, id)).map((e) => ({
        item: e.item,
        location: e.location,
        expectedQuantity: e.quantity,
        counted: e.counted,
      }))
    : [];
  return { session, lines, expected };
}

export function addLines(db: Db, id: number, input: AddLines, actor: Actor) {
  return transaction(db, async (trx) => {
    // FOR SHARE: counters add lines at once; approval (FOR UPDATE) waits for them, and a line
    // arriving after approval finds the session closed.
    const session = orThrow(await repo.lockSession(trx, id, 'share'), () => sessionNotFound(id));
    if (session.status !== 'open') throw sessionClosed(id, session.status);
    const rows = await checkLines(trx, session, input);
    const ids = await lineRepo.insertLines(
      trx,
      rows.map((r) => ({
        ...r,
        sessionId: id,
        locationId: input.locationId,
        countedBy: actor.userId,
      })),
    );
    const wanted = new Set(ids);
    return { data: (await lineRepo.listLines(trx, id)).filter((l) => wanted.has(l.id)) };
  });
}

export async function review(db: Db, id: number) {
  const session = await getSession(db, id);
  const [lines, expected, history] = await Promise.all([
    reviewRepo.currentLines(db, id),
    lineRepo.expectedInScope(db, id),
    lineRepo.listLines(db, id),
  ]);
  return toReview(session, lines, expected, history);
}

/**
 * Posts every current line's adjustment in one transaction with reference count:<id>. The
 * session row is locked FOR UPDATE first: a second approver waits, then finds it approved (409).
 * Lines of items archived since they were counted are not posted (a movement on an archived
 * item is refused) and say so; approval goes on for the rest.
 */
export async function approve(db: Db, id: number, actor: Actor) {
  await transaction(db, async (trx) => {
    const session = orThrow(await repo.lockSession(trx, id, 'update'), () => sessionNotFound(id));
    if (session.status !== 'open') throw sessionClosed(id, session.status);
    const lines = await reviewRepo.currentLines(trx, id);
    const archived = lines.filter((l) => l.item.archived);
    const toPost = lines.filter((l) => !l.item.archived);
    const reference = repo.referenceOf(id);
    const posted = await postLines(
      trx,
      toPost.map((l) => ({
        lineId: l.lineId,
        itemId: l.item.id,
        locationId: l.location.id,
        countedQuantity: l.countedQuantity,
        countedAt: l.countedAt,
      })),
      { reference, note: null, actor },
    );
    for (const [lineId, p] of posted) await reviewRepo.recordPosted(trx, lineId, p);
    for (const l of archived)
      await reviewRepo.recordPosted(trx, l.lineId, {
        expected: null,
        adjustment: null,
        movementId: null,
        skipped: 'item_archived',
      });
    await repo.closeSession(trx, id, 'approved', actor.userId);
    const summary = {
      sessionId: id,
      reference,
      lines: lines.length,
      adjusted: [...posted.values()].filter((p) => p.adjustment !== null && p.adjustment !== 0n)
        .length,
      skipped: archived.length + [...posted.values()].filter((p) => p.skipped !== null).length,
    };
    await audit.record(trx, actor, {
      action: 'count.approved',
      entityType: 'count_session',
      entityId: id,
      after: summary,
    });
    await events.recordEvents(trx, [{ type: 'count.approved', itemId: null, data: summary }]);
  });
  return review(db, id);
}

export function cancel(db: Db, id: number, actor: Actor): Promise<CountSession> {
  return transaction(db, async (trx) => {
    const session = orThrow(await repo.lockSession(trx, id, 'update'), () => sessionNotFound(id));
    if (session.status !== 'open') throw sessionClosed(id, session.status);
    await repo.closeSession(trx, id, 'cancelled', actor.userId);
    const after = (await repo.findSession(trx, id))!;
    await audit.record(trx, actor, {
      action: 'count.cancelled',
      entityType: 'count_session',
      entityId: id,
      after,
    });
    return after;
  });
}
