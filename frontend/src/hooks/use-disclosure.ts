import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A disclosure (a button and the panel it shows), as the account menu and the bell use it:
 * a click outside closes it, Escape closes it and returns focus to the button, Tab moves
 * through the panel as through the page (not an ARIA menu).
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  /** Closes the panel and puts focus back on its button. */
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  return {
    open,
    setOpen,
    close,
    /** Spread on the element that holds the button and the panel. */
    rootProps: {
      ref: rootRef,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Escape' && open) close();
      },
    },
    /** Spread on the button that opens and closes the panel. */
    toggleProps: {
      ref: toggleRef,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen(!open),
    },
    panelId,
  };
}
