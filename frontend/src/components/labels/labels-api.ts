import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '@/lib/api-client';
import type { LabelLayout, LabelSource } from '@/lib/api-types';

const layoutKey = ['labels', 'layout'] as const;

/** GET /api/v1/labels/layout: the layout this user printed with last. */
export function useLabelLayout() {
  return useQuery(
    queryOptions({
      queryKey: layoutKey,
      queryFn: ({ signal }) => apiRequest<LabelLayout>('/v1/labels/layout', { signal }),
      staleTime: Infinity,
    }),
  );
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** POST /api/v1/labels: the PDF, saved as a download; the server remembers the layout. */
export function usePrintLabels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { source: LabelSource; layout: LabelLayout }) => {
      const { data, headers } = await apiDownload('/v1/labels', { method: 'POST', body: input });
      saveFile(data, 'stockroom-labels.pdf');
      return { count: Number(headers.get('x-label-count') ?? 0) };
    },
    onSuccess: (_result, input) => queryClient.setQueryData(layoutKey, input.layout),
  });
}
