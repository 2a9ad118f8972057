import { SecretOnce } from '@/components/secret-once';
import type { CreatedApiToken } from '../api/create-api-token';

/** The new token, shown once. */
export function TokenSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <SecretOnce
      title={`Token “${created.apiToken.name}” created`}
      warning="Copy it now: this is the only time Stockroom shows it. Store it like a password."
      label="Token"
      secret={created.token}
      onDone={onDone}
    />
  );
}
