import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type Ref,
} from 'react';

// Loaded when the camera button is first pressed: keeps the camera code and the WebAssembly
// decoder out of the first-load JavaScript.
const CameraScanner = lazy(() => import('./camera/camera-scanner'));

type ScanInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onKeyDown'> & {
  ref?: Ref<HTMLInputElement> | undefined;
  /** Enter: a scanner's end of code, meaning "look it up", never "submit the form". */
  onEnter: () => void;
  /** What the code is for ("Item", "Location"), for the camera button's name. */
  cameraLabel?: string;
};

/**
 * Puts a camera read into the field as if typed, so form libraries see a normal input event
 * (React tracks the value, so it is set through the native setter).
 */
function typeInto(input: HTMLInputElement, code: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, code);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * A code field for USB scanners (which type the code, then Enter), keyboards, and the
 * camera: a read fills the field and counts as Enter.
 */
export function ScanInput({ onEnter, cameraLabel = 'code', ref, ...props }: ScanInputProps) {
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const [camera, setCamera] = useState(false);
  // A camera read counts as Enter once React has rendered the new value, so a field that
  // keeps its value in state (the location picker) looks up the code, not the one before.
  const [reads, setReads] = useState(0);
  const enteredReads = useRef(0);
  useEffect(() => {
    if (reads === enteredReads.current) return;
    enteredReads.current = reads;
    onEnter();
  }, [reads, onEnter]);
  const setRef = (el: HTMLInputElement | null) => {
    setInput(el);
    if (typeof ref === 'function') ref(el);
    else if (ref) ref.current = el;
  };
  return (
    <div className="scan-input">
      <div className="scan-input__row">
        <input
          className="input mono"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="next"
          {...props}
          ref={setRef}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            onEnter();
          }}
        />
        <button
          type="button"
          className="button button--secondary scan-input__camera"
          aria-expanded={camera}
          disabled={props.disabled}
          onClick={() => setCamera(!camera)}
        >
          Camera<span className="visually-hidden"> scan of the {cameraLabel.toLowerCase()}</span>
        </button>
      </div>
      {camera ? (
        <Suspense fallback={<p className="muted">Starting the camera…</p>}>
          <CameraScanner
            label={cameraLabel}
            onClose={() => setCamera(false)}
            onCode={(code) => {
              if (!input) return;
              typeInto(input, code);
              setReads((n) => n + 1);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
