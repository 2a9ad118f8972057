import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { isBusy, useImport } from '../api/get-import';
import { useUploadImport } from '../api/upload-import';
import { CheckError } from '../components/check-error';
import { ImportResult } from '../components/import-result';
import { JobProgress } from '../components/job-progress';
import { MappingForm } from '../components/mapping-form';
import { ReviewStep } from '../components/review-step';
import { SheetPicker } from '../components/sheet-picker';
import { UploadStep } from '../components/upload-step';
import '../components/imports.css';

const FINISHED = new Set(['committed', 'failed', 'cancelled']);

/** Upload → columns → check (preview, problems, dry run) → import, with progress and cancel. */
export function ImportRoute() {
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [id, setId] = useState<number | null>(null);
  // Bumped when a mapping is saved, so focus moves to what it found.
  const [reviewFocus, setReviewFocus] = useState(0);
  const query = useImport(id);
  const resource = id === null ? undefined : query.data;

  const send = (chosen: File, sheet?: string) => {
    setFile(chosen);
    upload.mutate(
      { file: chosen, sheet },
      {
        onSuccess: (created) => {
          setId(created.id);
          setReviewFocus(0);
        },
      },
    );
  };
  const restart = () => {
    upload.reset();
    setFile(null);
    setId(null);
  };

  return (
    <Page
      title="Import"
      description="Bring in items, a location tree and opening stock from a spreadsheet. Nothing is written before you import."
    >
      {query.isError ? (
        <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {!resource ? (
        <UploadStep
          onFile={(chosen) => send(chosen)}
          busy={upload.isPending}
          error={upload.error}
        />
      ) : FINISHED.has(resource.status) ? (
        <ImportResult resource={resource} onRestart={restart} />
      ) : (
        <>
          <section className="import-step" aria-labelledby="import-columns-title">
            <h2 id="import-columns-title">2. Columns</h2>
            <p>
              {resource.fileName}: {resource.rowCount.toLocaleString()} rows.{' '}
              <button type="button" className="button-link" onClick={restart}>
                Choose another file
              </button>
            </p>
            {upload.error ? (
              <FormAlert title="Sheet not read" detail={upload.error.message} />
            ) : null}
            {resource.format === 'xlsx' && resource.sheets.length > 1 && file ? (
              <SheetPicker
                key={resource.id}
                resource={resource}
                busy={upload.isPending || isBusy(resource.status)}
                onPick={(sheet) => send(file, sheet)}
              />
            ) : null}
            {resource.status === 'checking' ? (
              <JobProgress resource={resource} />
            ) : isBusy(resource.status) ? null : (
              <>
                <CheckError key={resource.check?.finishedAt} resource={resource} />
                <MappingForm
                  key={resource.id}
                  resource={resource}
                  onMapped={() => setReviewFocus((n) => n + 1)}
                />
              </>
            )}
          </section>
          {resource.status === 'checking' ? null : isBusy(resource.status) ? (
            <JobProgress resource={resource} />
          ) : (
            <ReviewStep resource={resource} focus={reviewFocus} />
          )}
        </>
      )}
    </Page>
  );
}
