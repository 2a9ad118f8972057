import {
  productItems,
  referenceItems,
  startReferenceServer,
  type GetPage,
  type ReferenceServer,
} from './reference-server';
import { createTestApp, type TestApp } from './test-app';

/** The product on a test database and the bench's reference server on the same one. */
export interface BesideReference {
  t: TestApp;
  reference: ReferenceServer;
  /** An items list page from the product, as the admin. */
  product: GetPage;
  /** The same page from the reference server, as the admin. */
  referenceGet: GetPage;
}

/**
 * Starts both for the enclosing `describe` (and stops them after it): `seed` writes the rows
 * before the reference starts. The fields are set once `beforeAll` has run: read them inside
 * the tests, not at the describe's top level.
 */
export function besideReference(seed?: (t: TestApp) => Promise<void>): BesideReference {
  const env = {
    product: (query) => productItems(env.t.as('admin'))(query),
    referenceGet: (query) => referenceItems(env.reference, env.t.headers('admin'))(query),
  } as BesideReference;
  beforeAll(async () => {
    env.t = await createTestApp();
    await seed?.(env.t);
    env.reference = await startReferenceServer(env.t.database.url);
  });
  afterAll(async () => {
    env.reference?.stop();
    await env.t?.close();
  });
  return env;
}
