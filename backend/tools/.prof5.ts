import { loadConfig } from '../src/lib/config';
import { createDb } from '../src/lib/db';
import { createLogger } from '../src/lib/logger';
import { fullRead } from '../src/modules/locations/locations.tree-reads';
import { stateFrom } from '../src/modules/locations/locations.tree-state';
import { render } from '../src/modules/locations/locations.tree-render';
async function main() {
  const db = createDb(loadConfig(), createLogger({ logLevel: 'warn' }));
  const state = stateFrom(await fullRead(db));
  await db.destroy();
  let r = render(state, false);
  for (let i = 0; i < 15; i++) r = render(state, false, r);
}
void main();
