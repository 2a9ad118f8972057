import type { Db } from '../../lib/db';
import { LEASE } from './imports.lease';
import type { ImportRow } from './imports.repository';

// Apart from the runner (imports.run.ts) so that the job loop's poll, every 5 s in every
// replica, does not load the import code (parsers, checks, COPY) until there is a job.

/**
 * Claims one queued job (or one whose lease ran out on a crashed replica): a commit or dry run
 * (queued → running), or a mapping's check (it stays 'checking'; no lease yet = not started).
 */
export async function claim(db: Db): Promise<ImportRow | undefined> {
  const { rows } = await db.raw<{ rows: ImportRow[] }>(
    `update imports set status = case when status = 'checking' then 'checking' else 'running' end,
            lease_until = now() + ${LEASE}, attempts = attempts + 1, started_at = now(), done = 0
     where id = (select id from imports
                 where status = 'queued'
                    or (status in ('running', 'checking') and (lease_until is null or lease_until < now()))
                 order by id for update skip locked limit 1)
     returning *`,
  );
  return rows[0];
}
