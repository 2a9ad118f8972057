/**
 * The request id the API put on a refusal, labelled for what it is: the id a lead can look up
 * in the API log. Not "Reference", which on this app means a movement's own reference.
 */
export function ErrorId({ id, className }: { id: string | undefined; className: string }) {
  if (!id) return null;
  return (
    <p className={className}>
      Error ID: <span className="mono">{id}</span> (quote it when you report this problem)
    </p>
  );
}
