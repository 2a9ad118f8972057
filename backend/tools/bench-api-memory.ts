// The API's memory during a bench flow (bench-flows.ts), read from outside the way the flows
// reach the API: GET /api/v1/system/info (rssBytes, heapUsedBytes of the process that answered)
// through the same URL and token, every ~100 ms. With one api replica (the compose default) that
// is the process doing the work. A sample is taken only when the API answers: a busy event loop
// answers late, so the longest gap between samples is reported beside the peak.
import type { Target } from './bench-http';

interface Info {
  rssBytes: number;
  heapUsedBytes: number;
}

export interface MemoryWindow {
  /** RSS at the window's start (the last sample before it). */
  before: number;
  peakRss: number;
  peakHeap: number;
  samples: number;
  longestGapMs: number;
}

export interface MemorySampler {
  /** Closes the current window (its peak) and opens the next one. */
  mark(): MemoryWindow;
  stop(): Promise<MemoryWindow>;
}

const NO_FIELDS = 'GET /api/v1/system/info has no rssBytes: the API predates the bench flows';

/** One sample; undefined when the API did not answer (a timeout, a 502 while it is busy). */
async function read(t: Target): Promise<Info | undefined> {
  let info: Partial<Info>;
  try {
    const res = await fetch(`${t.base}/api/v1/system/info`, { headers: t.auth });
    if (!res.ok) return undefined;
    info = (await res.json()) as Partial<Info>;
  } catch {
    return undefined;
  }
  // An API without the fields: no figures rather than wrong ones.
  if (typeof info.rssBytes !== 'number' || typeof info.heapUsedBytes !== 'number')
    throw new Error(NO_FIELDS);
  return info as Info;
}

export async function sampleApiMemory(t: Target, everyMs = 100): Promise<MemorySampler> {
  let last = await read(t);
  if (!last) throw new Error('GET /api/v1/system/info failed before the flow');
  let lastAt = performance.now();
  const open = (at: Info): MemoryWindow => ({
    before: at.rssBytes,
    peakRss: at.rssBytes,
    peakHeap: at.heapUsedBytes,
    samples: 0,
    longestGapMs: 0,
  });
  let window = open(last);
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const info = await read(t);
      if (info) {
        const now = performance.now();
        window.longestGapMs = Math.max(window.longestGapMs, now - lastAt);
        window.samples++;
        window.peakRss = Math.max(window.peakRss, info.rssBytes);
        window.peakHeap = Math.max(window.peakHeap, info.heapUsedBytes);
        [last, lastAt] = [info, now];
      }
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (performance.now() - started))));
    }
  })();
  return {
    mark() {
      const closed = window;
      window = open(last!);
      return closed;
    },
    async stop() {
      running = false;
      await loop;
      return window;
    },
  };
}
