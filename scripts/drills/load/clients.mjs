// One load client: reads and idempotent writes in a loop until the run stops, each write
// retried under its own Idempotency-Key until the answer is definitive. Every request goes
// to CTX.requests as [startMs, durationMs, op, status, error]; op 'r', 'w' or 'p' (poll).
import { definitive, request, sleep } from './client.mjs';
import { movementBody, readPath } from './plan.mjs';

export function record(ctx, op, r) {
  ctx.requests.push([r.start, r.ms, op, r.status, r.error]);
}

/** Posts one movement under one key until the answer is definitive (or the deadline). */
async function postMovement(ctx, clientNo, seq) {
  const key = `${ctx.run}-c${clientNo}-${seq}`;
  const body = movementBody(ctx);
  const entry = {
    key,
    kind: body.kind,
    startedAt: Date.now(),
    attempts: 0,
    errors: [],
    status: null,
    final: 'pending',
  };
  ctx.keys.push(entry);
  let backoff = 100;
  for (;;) {
    if (ctx.abandon) return (entry.final = 'abandoned');
    entry.attempts++;
    const r = await request(ctx, 'POST', '/api/v1/movements', {
      body,
      headers: { 'Idempotency-Key': key },
    });
    record(ctx, 'w', r);
    if (definitive(r.status)) {
      entry.status = r.status;
      entry.finishedAt = r.start + r.ms;
      if (r.status < 300) {
        entry.final = 'ok';
        entry.movementId = r.json?.id ?? null;
        // The answer to a retry of a request that had committed before the error.
        entry.replayed = r.replayed;
        ctx.ok.push({ key, id: entry.movementId, attempt: entry.attempts });
      } else {
        entry.final = 'rejected';
        entry.code = r.json?.code ?? null;
      }
      return;
    }
    entry.errors.push(r.error);
    if (Date.now() - entry.startedAt > ctx.deadlineMs) return (entry.final = 'deadline');
    await sleep(backoff + Math.random() * backoff);
    backoff = Math.min(backoff * 2, 2000);
  }
}

export async function client(ctx, clientNo) {
  for (let seq = 1; !ctx.stopping; seq++) {
    if (Math.random() < ctx.readShare) {
      const read = await request(ctx, 'GET', readPath(ctx));
      record(ctx, 'r', read);
      // A failed read is not retried; back off a little so an outage is not a busy loop.
      if (read.status === 0 || read.status >= 500) await sleep(100);
    } else {
      await postMovement(ctx, clientNo, seq);
    }
    // Think time: a saturated API measures its queues, not the failure a drill injects.
    if (ctx.thinkMs) await sleep(Math.random() * 2 * ctx.thinkMs);
  }
}
