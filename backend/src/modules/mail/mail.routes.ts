import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  mailSettingsSchema,
  outboxSummarySchema,
  testMailBody,
  testMailReply,
  updateMailSettingsBody,
} from './mail.schemas';
import * as mailService from './mail.service';

const tag = 'Email';

export const mailRoutes = ({ db, mail }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/mail/settings',
    operationId: 'getMailSettings',
    tag,
    access: 'admin',
    summary: 'The SMTP settings in force and where they come from (the password is never shown)',
    response: mailSettingsSchema,
    handler: () => mailService.getMailSettings(db, mail),
  }),
  defineRoute({
    method: 'put',
    path: '/mail/settings',
    operationId: 'updateMailSettings',
    tag,
    access: 'admin',
    summary: 'Set the SMTP server (email is on from the next message)',
    description:
      '409 MAIL_SETTINGS_FROM_ENVIRONMENT when SMTP_HOST is set: the environment wins. ' +
      'Omit `password` to keep the stored one.',
    body: updateMailSettingsBody,
    response: mailSettingsSchema,
    errors: [409, 415],
    handler: ({ body, req }) => mailService.updateMailSettings(db, mail, body, actorOf(req)),
  }),
  defineRoute({
    method: 'delete',
    path: '/mail/settings',
    operationId: 'clearMailSettings',
    tag,
    access: 'admin',
    summary: 'Forget the SMTP settings: email is off',
    status: 204,
    errors: [409],
    handler: ({ req }) => mailService.clearMailSettings(db, mail, actorOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/mail/outbox',
    operationId: 'getMailOutbox',
    tag,
    access: 'admin',
    summary: 'Mail not sent yet, and why: pending and failed messages with their last error',
    description:
      'A message waits (pending) while the SMTP server cannot be reached or used (connection, ' +
      'TLS, certificate, authentication); `lastError` says why. Saving the settings retries ' +
      'pending mail at once.',
    response: outboxSummarySchema,
    handler: () => mailService.getOutbox(db, mail),
  }),
  defineRoute({
    method: 'post',
    path: '/mail/test',
    operationId: 'sendTestMail',
    tag,
    access: 'admin',
    summary: 'Send a test email now (to yourself unless `to` is given)',
    description:
      '409 MAIL_NOT_CONFIGURED when email is off; 502 MAIL_SEND_FAILED with the reason when ' +
      'the SMTP server cannot be reached or refuses the message.',
    body: testMailBody,
    response: testMailReply,
    errors: [409, 415, 502],
    handler: ({ body, req }) =>
      mailService.sendTestMail(db, mail, body.to ?? req.identity!.user.email, actorOf(req)),
  }),
];
