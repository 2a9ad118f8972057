import type { Ref } from 'react';
import { ErrorId } from './error-id';

interface FormAlertProps {
  title?: string;
  detail: string;
  unmatched?: string[];
  requestId?: string | undefined;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The summary above a form after the server said no. role="alert" announces it at once;
 * it is focusable so a submit handler can move focus here when no field is at fault.
 */
export function FormAlert({ title, detail, unmatched = [], requestId, ref }: FormAlertProps) {
  return (
    <div className="form-alert" role="alert" ref={ref} tabIndex={-1}>
      {title ? <p className="form-alert__title">{title}</p> : null}
      <p className="form-alert__detail">{detail}</p>
      {unmatched.length > 0 ? (
        <ul className="form-alert__list">
          {unmatched.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <ErrorId id={requestId} className="form-alert__meta" />
    </div>
  );
}
