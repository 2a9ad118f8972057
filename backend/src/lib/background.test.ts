import { startPeriodic } from './background';
import { createLogger } from './logger';

const logger = createLogger({ logLevel: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPeriodic', () => {
  test('when stopped during a run, then stop waits for that run and no run starts after it', async () => {
    let runs = 0;
    let finished = 0;
    const job = startPeriodic({
      name: 'test',
      intervalMs: 5,
      logger,
      run: async () => {
        runs++;
        await sleep(30);
        finished++;
      },
    });
    while (runs === 0) await sleep(2);
    await job.stop();
    expect(finished).toBe(runs);
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
  });

  test('when a run fails, then the error is logged and the next run still happens', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const job = startPeriodic({
      name: 'flaky',
      intervalMs: 1,
      logger: { ...logger, error: (o: unknown) => errors.push(o) } as unknown as typeof logger,
      run: () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
      },
    });
    while (runs < 2) await sleep(2);
    await job.stop();
    expect(errors).toHaveLength(1);
  });
});
