/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same server and database, another role. */
export function withRole(url: string, role: { user: string; password: string }): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.user);
  u.password = encodeURIComponent(role.password);
  return u.toString();
}

/**
 * The API's role in tests, provisioned by the global setup with the SQL the stack uses
 * (db/provision): the app and the tests connect as it, like the API in production.
 */
export const TEST_APP_ROLE = { user: 'stockroom_app', password: 'stockroom-app-test' };
