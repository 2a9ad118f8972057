// Runs one operation against each server in alternating short rounds, so drift on a shared
// machine (other load, autovacuum, a warming cache) hits both alike, and pools the samples.
import autocannon from 'autocannon';
import type { Operation, Target } from './bench-operations';

export interface Tally {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors, timeouts and statuses other than 2xx and the operation's expected ones. */
  errors: number;
  /** Each round's req/s, in order: how far one round's luck moves the pooled figure. */
  roundRps: number[];
  /** Each round's p99 (ms), in order: the tail moves far more between rounds than the rate. */
  roundP99: number[];
}

interface Samples {
  latencies: number[];
  seconds: number;
  roundRps: number[];
  roundP99: number[];
  errors: number;
  unexpected: Map<number, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function round(op: Operation, t: Target, seconds: number, connections: number, s: Samples) {
  const before = s.latencies.length;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: t.base, connections, duration: seconds, headers: t.auth, requests: op.requests(t) },
      (error, r) => (error ? reject(error as Error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      s.latencies.push(ms);
      if (status >= 300 && !op.expected?.includes(status))
        s.unexpected.set(status, (s.unexpected.get(status) ?? 0) + 1);
    });
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  s.roundRps.push((s.latencies.length - before) / elapsed);
  const own = s.latencies.slice(before).sort((a, b) => a - b);
  s.roundP99.push(percentile(own, 0.99));
  s.seconds += elapsed;
  s.errors += result.errors + result.timeouts;
}

export async function measure(
  op: Operation,
  targets: Target[],
  o: { rounds: number; seconds: number; connections: number; warmup: number },
): Promise<Tally[]> {
  const fresh = (): Samples => ({
    latencies: [],
    seconds: 0,
    roundRps: [],
    roundP99: [],
    errors: 0,
    unexpected: new Map(),
  });
  const samples: Samples[] = targets.map(fresh);
  // One unrecorded round per server first: a server just started (or an operation not yet
  // run) compiles its code paths and opens its pool's connections in the first second, which
  // showed up as the first operation's p99 (341 against 240 ms warm, 2026-12-03).
  if (o.warmup > 0) for (const t of targets) await round(op, t, o.warmup, o.connections, fresh());
  for (let r = 0; r < o.rounds; r++) {
    // Who goes first alternates too.
    const order = r % 2 === 0 ? targets.map((_, i) => i) : targets.map((_, i) => i).reverse();
    for (const i of order) await round(op, targets[i]!, o.seconds, o.connections, samples[i]!);
  }
  return samples.map((s, i) => {
    if (s.unexpected.size > 0)
      console.error(
        `  ${targets[i]!.name} ${op.name}: unexpected statuses ${JSON.stringify([...s.unexpected])}`,
      );
    const sorted = s.latencies.sort((a, b) => a - b);
    const unexpected = [...s.unexpected.values()].reduce((a, b) => a + b, 0);
    return {
      rps: sorted.length / s.seconds,
      p50: Math.round(percentile(sorted, 0.5) * 10) / 10,
      p99: Math.round(percentile(sorted, 0.99) * 10) / 10,
      requests: sorted.length,
      errors: s.errors + unexpected,
      roundRps: s.roundRps,
      roundP99: s.roundP99,
    };
  });
}
