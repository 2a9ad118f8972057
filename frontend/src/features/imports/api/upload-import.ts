import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toError } from '@/lib/api-client';
import { ApiUnreachableError } from '@/lib/api-errors';
import type { ImportResource } from '@/lib/api-types';
import { importKey } from './import-keys';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server's default upload limit (IMPORT_MAX_BYTES); a bigger setting still works. */
export const IMPORT_LIMIT_LABEL = '50 MB';

// By the name, not file.type: browsers call a .csv "application/vnd.ms-excel" on some systems.
// Anything else goes as octet-stream, which the server sniffs (and refuses with a reason).
function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'text/csv';
  return 'application/octet-stream';
}

/**
 * POST /api/v1/imports with the file itself as the body (apiRequest only sends JSON); a
 * refusal becomes the same ApiError as everywhere else, so its problem+json detail shows.
 */
export async function uploadImport(file: File, sheet?: string): Promise<ImportResource> {
  const query = new URLSearchParams({ fileName: file.name });
  if (sheet) query.set('sheet', sheet);
  const path = `/v1/imports?${query.toString()}`;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': contentTypeOf(file),
        // The CSRF proof every write carries (see api-client.ts).
        'X-Requested-With': 'stockroom',
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiUnreachableError({ cause });
  }
  if (!response.ok) throw await toError(response, path);
  return (await response.json()) as ImportResource;
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, sheet }: { file: File; sheet?: string }) => uploadImport(file, sheet),
    onSuccess: (resource) => queryClient.setQueryData(importKey(resource.id), resource),
  });
}
