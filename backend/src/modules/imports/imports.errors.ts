import { AppError, conflict, notFound, unprocessable } from '../../lib/errors';

export const importNotFound = (id: number) =>
  notFound('IMPORT_NOT_FOUND', `There is no import ${id}.`, { importId: id });

export const fileTooLarge = (limit: number) =>
  new AppError(
    'FILE_TOO_LARGE',
    413,
    `The file is larger than ${limit} bytes (${(limit / 1024 / 1024).toFixed(0)} MiB), the most an import takes (IMPORT_MAX_BYTES).`,
    { limit },
  );

export const notCsvOrXlsx = (why: string) =>
  new AppError('UNSUPPORTED_FILE', 415, `This file is not CSV or XLSX: ${why}.`);

export const unsupportedUploadType = (type: string) =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    415,
    `Send the file as text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream, not ${type}.`,
  );

export const unreadableFile = (why: string, details?: Record<string, unknown>) =>
  unprocessable('UNREADABLE_FILE', why, details);

export const emptyFile = () =>
  unprocessable('EMPTY_FILE', 'The file is empty: there is nothing to import.');

export const importBusy = (id: number, status: string) =>
  conflict('IMPORT_BUSY', `Import ${id} is ${status}: wait for it to finish, or cancel it.`, {
    importId: id,
    importStatus: status,
  });

export const importChecking = (id: number) =>
  conflict(
    'IMPORT_BUSY',
    `Import ${id} is still checking its rows against the mapping sent before: wait for the preview, or cancel the check, then send the mapping again.`,
    { importId: id, importStatus: 'checking' },
  );

export const importFinished = (id: number, status: string) =>
  conflict('IMPORT_FINISHED', `Import ${id} is ${status}: upload the file again to import it.`, {
    importId: id,
    importStatus: status,
  });

export const mappingNeeded = (id: number) =>
  conflict('IMPORT_NOT_MAPPED', `Import ${id} has no column mapping yet: set one first.`, {
    importId: id,
  });

export const repeatedFile = (id: number, earlier: number) =>
  conflict(
    'IMPORT_REPEATED',
    `A file with the same content was already committed (import ${earlier}); receiving its stock again would count it twice. Send confirmRepeat: true to do it anyway, or use stock as count.`,
    { importId: id, earlierImportId: earlier },
  );

export const badMapping = (message: string) => unprocessable('IMPORT_MAPPING_INVALID', message);

export const nothingToCancel = (id: number, status: string) =>
  conflict('IMPORT_NOT_RUNNING', `Import ${id} is ${status}: there is nothing to cancel.`, {
    importId: id,
    importStatus: status,
  });
