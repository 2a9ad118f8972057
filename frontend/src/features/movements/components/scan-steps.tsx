import type { MovementKind } from '@/lib/api-types';
import { SLOT_LABELS, SLOTS_BY_KIND, type LocationSlot } from './movement-form-logic';

export type ScanStep = 'item' | LocationSlot | 'quantity';

/** The order the form expects scans in, with the one it expects next marked. */
export function ScanSteps({ kind, current }: { kind: MovementKind; current: ScanStep }) {
  const steps: { step: ScanStep; label: string }[] = [
    { step: 'item', label: 'Item' },
    ...SLOTS_BY_KIND[kind].map((slot) => ({ step: slot, label: SLOT_LABELS[slot] })),
    { step: 'quantity', label: 'Quantity' },
  ];
  return (
    <ol className="scan-steps" aria-label="Scan order">
      {steps.map(({ step, label }) => (
        <li
          key={step}
          className={
            step === current ? 'scan-steps__step scan-steps__step--current' : 'scan-steps__step'
          }
          aria-current={step === current ? 'step' : undefined}
        >
          {label}
          {step === current ? <span className="visually-hidden"> (next)</span> : null}
        </li>
      ))}
    </ol>
  );
}
