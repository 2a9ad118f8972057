import { useId, useState, type DragEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ApiError } from '@/lib/api-errors';
import { IMPORT_LIMIT_LABEL } from '../api/upload-import';

interface UploadStepProps {
  onFile: (file: File) => void;
  busy: boolean;
  error: unknown;
}

/** Step 1: choose a file (input or drop). The limit is said before anything is sent. */
export function UploadStep({ onFile, busy, error }: UploadStepProps) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <section className="import-step" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>1. Choose a file</h2>
      {error ? (
        <FormAlert
          title="File not read"
          detail={error instanceof Error ? error.message : 'The file could not be sent.'}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
      <div
        className={over ? 'import-drop import-drop--over' : 'import-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId} className="field__label">
          CSV or XLSX file
        </label>
        <p className="field__hint" id={`${inputId}-hint`}>
          Up to {IMPORT_LIMIT_LABEL}; comma, semicolon or tab separated, first row the column names.
          You can also drop the file here.
        </p>
        <input
          id={inputId}
          type="file"
          className="import-drop__input"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${inputId}-hint`}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
          }}
        />
        {busy ? <p role="status">Reading the file…</p> : null}
      </div>
    </section>
  );
}
