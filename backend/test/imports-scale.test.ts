import { readFileSync } from 'node:fs';
import {
  fixtureDir,
  mapAndWait,
  uploadFile,
  writeFixture,
  type ImportBody,
} from './support/imports';
import { createTestApp, type TestApp } from './support/test-app';

// No cap on rows: a generated file of 100,000 rows is staged and previewed whole. (Speed is
// measured by `npm run bench:import`, never asserted here.)
describe('imports: a 100,000-row file', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when a 100,000-row CSV is uploaded and mapped, then every row is staged and previewed', async () => {
    const lines = ['sku,name,unit,location,quantity'];
    for (let i = 1; i <= 100_000; i++)
      lines.push(`BIG-${String(i).padStart(6, '0')},Item ${i},each,BIG/${1 + (i % 50)},${i % 7}`);
    const file = writeFixture(fixtureDir(), 'big.csv', `${lines.join('\n')}\n`);
    const manager = t.as('manager');
    const up = await uploadFile(manager, readFileSync(file), { fileName: 'big.csv' });
    expect(up.status).toBe(201);
    const created = up.body as ImportBody;
    expect(created.rowCount).toBe(100_000);
    const mapped = await mapAndWait(manager, created.id, created.suggestedMapping);
    expect(mapped.status).toBe('mapped');
    expect(mapped.preview).toMatchObject({
      rows: 100_000,
      validRows: 100_000,
      problems: 0,
      itemsToCreate: 100_000,
      locationsToCreate: 51,
      movements: 100_000 - Math.floor(100_000 / 7),
    });
  }, 300_000);
});
