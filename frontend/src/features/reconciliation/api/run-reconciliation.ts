import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Reconciliation } from '@/lib/api-types';

/** POST /api/v1/reconciliation — proves the books against the ledger (admin; seconds). */
export function runReconciliation(): Promise<Reconciliation> {
  return apiRequest<Reconciliation>('/v1/reconciliation', { method: 'POST' });
}

export function useRunReconciliation() {
  return useMutation({ mutationFn: runReconciliation });
}
