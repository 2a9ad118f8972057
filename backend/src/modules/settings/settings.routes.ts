import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import { settingsSchema, updateSettingsBody } from './settings.schemas';
import * as settings from './settings.service';

const tag = 'Settings';

export const settingsRoutes = ({ db, defaultTimeZone }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/settings',
    operationId: 'getSettings',
    tag,
    access: 'authenticated',
    summary: 'Settings of this Stockroom (defaults where none were set)',
    response: settingsSchema,
    handler: () => settings.getSettings(db, { timeZone: defaultTimeZone }),
  }),
  defineRoute({
    method: 'patch',
    path: '/settings',
    operationId: 'updateSettings',
    tag,
    access: 'admin',
    summary: 'Change some settings; they apply from the next request on',
    body: updateSettingsBody,
    response: settingsSchema,
    errors: [415],
    handler: ({ body, req }) =>
      settings.updateSettings(db, body, actorOf(req), { timeZone: defaultTimeZone }),
  }),
];
