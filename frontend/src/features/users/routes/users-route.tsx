import { useState } from 'react';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { TableSkeleton } from '@/components/table-skeleton';
import { useCurrentUser } from '@/hooks/use-current-user';
import { useUsers } from '../api/get-users';
import { usePendingInvitations } from '../api/invitations';
import { CreateUserForm } from '../components/create-user-form';
import { UserRow } from '../components/user-row';

export function UsersRoute() {
  const users = useUsers();
  // Without it (an error, or still loading) the rows simply offer no resend.
  const invitations = usePendingInvitations();
  const me = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | undefined>();

  let content;
  if (users.isPending) content = <TableSkeleton label="Loading users…" />;
  else if (users.isError) {
    content = (
      <QueryErrorState
        error={users.error}
        onRetry={() => void users.refetch()}
        retrying={users.isFetching}
      />
    );
  } else {
    content = (
      <div className="table-wrap">
        <table className="data-table data-table--stack">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isSelf={user.id === me?.id}
                invitation={invitations.data?.get(user.id)}
                onMessage={setMessage}
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Page title="Users" description="Who can sign in, and what their role lets them do.">
      <div className="section__header section__header--end">
        {creating ? null : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setMessage(undefined);
              setCreating(true);
            }}
          >
            New user
          </button>
        )}
      </div>
      <StatusLine>{message}</StatusLine>
      {creating ? (
        <section className="card section" aria-labelledby="new-user-title">
          <h2 id="new-user-title">New user</h2>
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onCreated={(user, invited) => {
              setCreating(false);
              setMessage(
                invited
                  ? `Invited ${user.name}: an email with a link to choose a password is on its way to ${user.email}.`
                  : `Created ${user.name} (${user.email}).`,
              );
            }}
          />
        </section>
      ) : null}
      <div className="section">{content}</div>
    </Page>
  );
}
