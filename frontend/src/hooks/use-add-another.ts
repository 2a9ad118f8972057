import { useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

/**
 * "Save and add another": a second submit button for entering a run of similar things (a
 * delivery's items, a rack's bins). After a save the form starts again from values that keep
 * what the run shares, focus returns to the first field and the save is announced (the form
 * renders `announcement` in a live region).
 */
export function useAddAnother<V extends FieldValues>(form: UseFormReturn<V>, firstField: Path<V>) {
  // A ref, not state: the click lands just before the submit event that reads it.
  const wanted = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  return {
    announcement,
    /** Whether this submit came from "Save and add another" (Enter in a field means the main button). */
    take: () => {
      const again = wanted.current;
      wanted.current = false;
      return again;
    },
    onPrimaryClick: () => {
      wanted.current = false;
    },
    onAnotherClick: () => {
      wanted.current = true;
    },
    restart: (next: V, message: string) => {
      form.reset(next);
      setAnnouncement(message);
      // After React has rendered the cleared fields.
      setTimeout(() => form.setFocus(firstField), 0);
    },
  };
}
