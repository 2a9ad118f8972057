import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { alertPreferencesSchema, updateAlertPreferencesBody } from './alerts.schemas';
import * as alerts from './alerts.service';

const tag = 'Alerts';

export const alertRoutes = ({ db, mail }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/account/alert-preferences',
    operationId: 'getAlertPreferences',
    tag,
    access: 'session',
    summary: 'Which alert emails you receive, and whether email is on',
    response: alertPreferencesSchema,
    handler: ({ req }) => alerts.getPreferences(db, mail, req.identity!),
  }),
  defineRoute({
    method: 'patch',
    path: '/account/alert-preferences',
    operationId: 'updateAlertPreferences',
    tag,
    access: 'session',
    summary: 'Choose your alert emails (low stock at once, a daily digest, both or neither)',
    description:
      'Stored even while email is off; they apply once an admin sets up SMTP. The digest ' +
      'goes out once a day from ALERT_DIGEST_HOUR (UTC).',
    body: updateAlertPreferencesBody,
    response: alertPreferencesSchema,
    errors: [415],
    handler: ({ req, body }) => alerts.updatePreferences(db, mail, req.identity!, body),
  }),
];
