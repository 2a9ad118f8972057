import { notFound, unprocessable } from '../../lib/errors';

export const webhookNotFound = (id: number) =>
  notFound('WEBHOOK_NOT_FOUND', `There is no webhook endpoint ${id}.`, { webhookId: id });
export const deliveryNotFound = (id: number) =>
  notFound('WEBHOOK_DELIVERY_NOT_FOUND', `There is no webhook delivery ${id}.`, { deliveryId: id });
export const webhookTargetRefused = (url: string, reason: string) =>
  unprocessable('WEBHOOK_TARGET_REFUSED', `The webhook URL ${url} ${reason}.`, { url });
