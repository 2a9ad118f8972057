import { conflict, notFound } from '../../lib/errors';

export const userNotFound = (id: number) =>
  notFound('USER_NOT_FOUND', `There is no user ${id}.`, { userId: id });
export const emailTaken = (email: string) =>
  conflict('EMAIL_TAKEN', `Another user already has the email "${email}".`, { email });
export const lastAdmin = () =>
  conflict('LAST_ADMIN', 'This would leave no active admin; make someone else an admin first.');
export const setupDone = () =>
  conflict('SETUP_DONE', 'Stockroom is already set up; sign in instead.');
