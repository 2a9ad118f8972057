import type { ReactNode } from 'react';
import { FormProvider, useFormState, type FieldValues } from 'react-hook-form';
import type { AppForm as AppFormState } from '@/hooks/use-app-form';
import { FormAlert } from '../form-alert';
import { FieldLimits } from './field-limits';
import { LeaveGuard } from './leave-guard';

interface AppFormProps<V extends FieldValues> {
  state: AppFormState<V>;
  onSubmit: (values: V) => Promise<unknown>;
  /** Title of the alert when the server refuses, e.g. "User not created". */
  problemTitle: string;
  className?: string;
  /** Ask before leaving with unsaved typing (default); off for forms that hold no work. */
  guardLeaving?: boolean;
  /** Runs before the checks; false stops the submit (it has dealt with the values itself). */
  precheck?: () => boolean;
  /** Accessible name, for a form without a heading of its own. */
  label?: string;
  children: ReactNode;
}

/** A <form> on the form layer: fields below it register by name; refusals show above them. */
export function AppForm<V extends FieldValues>({
  state,
  onSubmit,
  problemTitle,
  className = 'form',
  guardLeaving = true,
  label,
  precheck,
  children,
}: AppFormProps<V>) {
  const { form, problem, alertRef, busy, submit, maxLength } = state;
  const { isDirty, isSubmitting } = form.formState;
  return (
    <FormProvider {...form}>
      <FieldLimits value={maxLength}>
        <form
          className={className}
          noValidate
          aria-label={label}
          onSubmit={(event) => {
            if (precheck && !precheck()) event.preventDefault();
            else submit(onSubmit)(event);
          }}
        >
          {guardLeaving ? <LeaveGuard dirty={isDirty} submitting={busy} /> : null}
          {problem && !isSubmitting ? (
            <FormAlert
              ref={alertRef}
              title={problem.title ?? problemTitle}
              detail={problem.detail}
              unmatched={problem.unmatched}
              requestId={problem.requestId}
            />
          ) : null}
          {children}
        </form>
      </FieldLimits>
    </FormProvider>
  );
}

interface SubmitButtonProps {
  label: string;
  pendingLabel: string;
  /** Runs before the submit, e.g. to note which of two submit buttons was pressed. */
  onClick?: () => void;
  secondary?: boolean;
}

/** A submit button: shows PENDING_LABEL while the form's handler runs. */
export function SubmitButton({ label, pendingLabel, onClick, secondary }: SubmitButtonProps) {
  const { isSubmitting } = useFormState();
  return (
    <button
      type="submit"
      className={secondary ? 'button button--secondary' : 'button'}
      disabled={isSubmitting}
      onClick={onClick}
    >
      {isSubmitting ? pendingLabel : label}
    </button>
  );
}
