import { useTimeZone } from '@/hooks/use-settings';
import type { OutboxMessage } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format-date';
import { pluralize } from '@/lib/plural';
import { useMailOutbox } from '../api/mail-settings';

function MessageRow({ message, timeZone }: { message: OutboxMessage; timeZone: string }) {
  return (
    <tr>
      <td data-label="To">{message.to}</td>
      <td data-label="Subject">{message.subject}</td>
      <td data-label="Status">
        {message.status === 'failed' ? (
          <span className="badge badge--error">Gave up</span>
        ) : (
          <span className="badge badge--warning">Waiting</span>
        )}
      </td>
      <td data-label="Attempts">{message.attempts}</td>
      <td data-label="Next try">
        {message.nextAttemptAt ? formatDateTime(message.nextAttemptAt, timeZone) : '—'}
      </td>
      <td data-label="Last error" className="mono">
        {message.lastError ?? <span className="muted">none yet</span>}
      </td>
    </tr>
  );
}

/**
 * Mail that has not gone out, and why: the answer to "I never got the email". Mail waits
 * (never dropped) while the server cannot be reached or used; saving the settings retries it.
 */
export function WaitingMail() {
  const outbox = useMailOutbox();
  const timeZone = useTimeZone();
  // The settings above still work without this list; an error here only hides it.
  if (!outbox.data) return null;
  const { pending, failed, data, retentionDays } = outbox.data;
  return (
    <section className="section" aria-labelledby="waiting-mail-title">
      <h2 id="waiting-mail-title">Waiting mail</h2>
      {pending + failed === 0 ? (
        <p>Nothing is waiting: every email so far was sent.</p>
      ) : (
        <>
          <p>
            {pluralize(pending, 'email is', 'emails are')} waiting
            {failed > 0 ? `, ${pluralize(failed, 'was', 'were')} given up` : ''}. Waiting mail is
            retried until the server takes it; saving the settings retries it at once. Sent and
            given-up mail is kept {retentionDays} days.
          </p>
          <div className="table-wrap">
            <table className="data-table data-table--stack">
              <caption className="visually-hidden">Mail not sent yet</caption>
              <thead>
                <tr>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Next try</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {data.map((m) => (
                  <MessageRow key={m.id} message={m} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
