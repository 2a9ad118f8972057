import type { InputHTMLAttributes, Ref } from 'react';

type ScanInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onKeyDown'> & {
  ref?: Ref<HTMLInputElement> | undefined;
  /** Enter: a scanner's end of code, meaning "look it up", never "submit the form". */
  onEnter: () => void;
};

/** A code field for USB scanners (which type the code, then Enter) and for keyboards. */
export function ScanInput({ onEnter, ...props }: ScanInputProps) {
  return (
    <input
      className="input mono"
      autoComplete="off"
      spellCheck={false}
      enterKeyHint="next"
      {...props}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onEnter();
      }}
    />
  );
}
