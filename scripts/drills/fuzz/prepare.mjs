// `prepare`: the rows the fuzzer's requests point at, so reads hit real rows and writes can
// be anchored to duplicates of them (see anchors.mjs).
import { writeFileSync } from 'node:fs';
import { api, signIn, stockedItem } from '../http.mjs';

/** Signs in as the admin, creates the rows and writes their ids (and the session) to OUT. */
export async function prepare(out) {
  const auth = await signIn(process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  const tag = `FZ${Date.now().toString(36)}`.toUpperCase();
  const { item, location, movement } = await stockedItem(auth, tag, 'Fuzz', '5');
  const user = await api(auth, 'POST', '/api/v1/users', {
    email: `${tag.toLowerCase()}@example.com`,
    name: 'Fuzz viewer',
    role: 'viewer',
    password: `${tag}-password`,
  });
  const token = await api(auth, 'POST', '/api/v1/api-tokens', {
    name: `${tag} token`,
    scope: 'read',
  });
  const fixtures = {
    itemId: item.id,
    sku: item.sku,
    locationId: location.id,
    code: location.code,
    movementId: movement.id,
    userId: user.id,
    tokenId: token.apiToken.id,
    adminEmail: process.env.ADMIN_EMAIL,
    // `run` uses this session: signing in again after the database snapshot would change it.
    adminCookie: auth.cookie,
  };
  writeFileSync(out, JSON.stringify(fixtures, null, 2));
  console.log(`# fixtures: ${JSON.stringify(fixtures)}`);
}
