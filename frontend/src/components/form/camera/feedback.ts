/** A short beep and a buzz per read, so the operator knows without looking. */
export function signalRead(): void {
  navigator.vibrate?.(60);
  const Audio = window.AudioContext as typeof AudioContext | undefined;
  if (!Audio) return;
  try {
    const audio = new Audio();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 1800;
    gain.gain.value = 0.08;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.08);
    tone.onended = () => void audio.close();
  } catch {
    // No sound (autoplay rules): the visible confirmation still shows.
  }
}

/**
 * Ignores the same code seen again within `ms` of its last sighting: a label held in view is
 * read on many frames, but counts once until it has been out of view for that long.
 */
export function createDeduper(ms = 1000, now: () => number = () => performance.now()) {
  let last = { text: '', at: -Infinity };
  return (text: string): boolean => {
    const t = now();
    const repeat = text === last.text && t - last.at < ms;
    last = { text, at: t };
    return !repeat;
  };
}
