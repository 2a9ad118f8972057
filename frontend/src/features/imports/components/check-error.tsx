import { useEffect, useRef } from 'react';
import { FormAlert } from '@/components/form-alert';
import type { ImportResource } from '@/lib/api-types';

/**
 * Why the mapping's checks ended without a preview (cancelled, or failed): the import is
 * staged again and the form is back. Focus comes here, as the Cancel button it had is gone.
 */
export function CheckError({ resource }: { resource: ImportResource }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => alert.current?.focus(), []);
  const error = resource.check?.error;
  if (resource.status !== 'staged' || !error) return null;
  return <FormAlert ref={alert} title="The rows were not checked" detail={error} />;
}
