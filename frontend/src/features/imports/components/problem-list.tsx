import { QueryErrorState } from '@/components/query-error-state';
import type { ImportProblem, ImportResource } from '@/lib/api-types';
import { useImportProblems } from '../api/get-import-problems';

function where(problem: ImportProblem): string {
  const column =
    problem.columnName ?? (problem.column === null ? null : `column ${problem.column + 1}`);
  return column ? `Line ${problem.line}, ${column}` : `Line ${problem.line}`;
}

/** Every problem by line and column, with the API's own message; 100 at a time. */
export function ProblemList({ resource }: { resource: ImportResource }) {
  const query = useImportProblems(resource.id, resource.updatedAt, true);
  if (query.isError)
    return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const problems = query.data?.pages.flatMap((page) => page.data) ?? [];
  const total = query.data?.pages[0]?.page.total ?? 0;
  return (
    <div className="import-problems">
      <h3>Problems ({total.toLocaleString()})</h3>
      <ol className="import-problems__list">
        {problems.map((problem) => (
          <li key={problem.id} className="import-problems__item">
            <span className="import-problems__where">{where(problem)}</span>{' '}
            <span>{problem.message}</span>
            {problem.value ? (
              <span className="import-problems__value"> (was “{problem.value}”)</span>
            ) : null}
          </li>
        ))}
      </ol>
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Show more problems'}
        </button>
      ) : null}
    </div>
  );
}
