import { apiFor } from './support/test-app';
import { createApiToken, createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('who recorded a movement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when an operator posts a movement, then the list, the movement and the item history name them', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const m = await receive(t.as('operator'), item, loc, 2);
    const expected = { id: t.users.operator.id, name: 'Test operator', token: null };
    const one = await t.as('viewer').get(`/api/v1/movements/${m.id}`).expect(200);
    expect(one.body.createdBy).toEqual(expected);
    const history = await t
      .as('viewer')
      .get('/api/v1/movements')
      .query({ itemId: item.id })
      .expect(200);
    expect(history.body.data[0].createdBy).toEqual(expected);
    const list = await t.as('viewer').get('/api/v1/movements').expect(200);
    expect(list.body.data.find((r: { id: number }) => r.id === m.id).createdBy).toEqual(expected);
  });

  test('when a movement is posted with an API token, then createdBy names the token owner and the token', async () => {
    const token = await createApiToken(t.as('admin'), 'write');
    const bearer = apiFor(t.app, { Authorization: `Bearer ${token.secret}` });
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const m = await receive(bearer, item, loc, 1);
    const one = await t.as('viewer').get(`/api/v1/movements/${m.id}`).expect(200);
    expect(one.body.createdBy).toMatchObject({
      id: t.users.admin.id,
      name: 'Test admin',
      token: { id: token.id },
    });
    expect(typeof one.body.createdBy.token.name).toBe('string');
  });

  test('when the list is filtered by userId, then only that user’s movements come back', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const mine = await receive(t.as('manager'), item, loc, 1);
    const theirs = await receive(t.as('operator'), item, loc, 1);
    const res = await t
      .as('viewer')
      .get('/api/v1/movements')
      .query({ itemId: item.id, userId: t.users.manager.id })
      .expect(200);
    const ids = (res.body.data as { id: number }[]).map((r) => r.id);
    expect(ids).toEqual([mine.id]);
    expect(ids).not.toContain(theirs.id);
  });

  test('when userId is not a positive integer, then 400 problem+json names the field', async () => {
    const res = await t.as('viewer').get('/api/v1/movements').query({ userId: 'bob' }).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(res.body)).toContain('userId');
  });

  test('when a viewer asks for the names of users, then ids and names come back and nothing else', async () => {
    const res = await t.as('viewer').get('/api/v1/user-names').expect(200);
    const op = (res.body.data as { id: number }[]).find((u) => u.id === t.users.operator.id);
    expect(op).toEqual({ id: t.users.operator.id, name: 'Test operator' });
  });
});
