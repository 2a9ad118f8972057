import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { focusOn, useFocusAfterRender } from './use-focus-after-render';

/**
 * Asks for focus on an alert that only a later render shows: as in the sign-in form, where the
 * alert waits for `submitting` to turn false. `showAfterMs` delays that render.
 */
function LateAlert({ showAfterMs }: { showAfterMs: number }) {
  const alertRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  const [renders, setRenders] = useState(0);
  const focusAfterRender = useFocusAfterRender();
  const fail = () => {
    focusAfterRender(focusOn(() => alertRef.current));
    setRenders((n) => n + 1); // a render in which the alert is still missing
    setTimeout(() => setShown(true), showAfterMs);
  };
  return (
    <>
      <button type="button" onClick={fail}>
        Save
      </button>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>
        Count
      </button>
      <output>{renders}</output>
      {shown && (
        <div role="alert" tabIndex={-1} ref={alertRef}>
          Could not save
        </div>
      )}
    </>
  );
}

describe('useFocusAfterRender', () => {
  it('when the alert appears only on a later render, then focus lands on it once it does', async () => {
    const user = userEvent.setup();
    render(<LateAlert showAfterMs={30} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Renders have happened, the alert has not: focus stays where it was.
    expect(screen.getByRole('status')).toHaveTextContent('1');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('when focus has moved once, then later renders leave it where the user puts it', async () => {
    const user = userEvent.setup();
    render(<LateAlert showAfterMs={0} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByRole('alert')).toHaveFocus();
    // A later render (the counter) does not pull focus back to the alert.
    await user.click(screen.getByRole('button', { name: 'Count' }));
    expect(screen.getByRole('status')).toHaveTextContent('2');
    expect(screen.getByRole('button', { name: 'Count' })).toHaveFocus();
  });
});
