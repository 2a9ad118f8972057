import { ConfirmAction } from '@/components/confirm-action';
import { formatQuantity } from '@/lib/quantity';

interface QuantityQuestionProps {
  question: { text: string; quantity: string };
  pending: boolean;
  onYes: () => void;
  onNo: () => void;
}

/**
 * "Is that really the quantity?" for a value a scanner may have typed. It takes focus itself
 * (not its Yes button), so a scanner's next Enter confirms nothing; Escape is No.
 */
export function QuantityQuestion({ question, pending, onYes, onNo }: QuantityQuestionProps) {
  return (
    <ConfirmAction
      tone="primary"
      label="Check the quantity"
      message={question.text}
      confirmLabel={`Yes, record ${formatQuantity(question.quantity)}`}
      cancelLabel="No, clear it"
      pending={pending}
      onConfirm={onYes}
      onCancel={onNo}
    />
  );
}
