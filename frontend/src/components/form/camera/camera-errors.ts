/** What went wrong with the camera, in words that say what to do. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The camera is blocked for this site. Allow camera access in the browser’s site settings (the icon beside the address), then try again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No camera was found. Connect one, or type or scan the code with a scanner instead.';
  if (name === 'NotReadableError')
    return 'The camera is in use by another app. Close it there, then try again.';
  return 'The camera could not be started. Type or scan the code with a scanner instead.';
}

/** Browsers give pages the camera only over HTTPS (or on localhost). */
export function cameraUnavailable(): string | null {
  if (!window.isSecureContext)
    return 'The camera works only on a secure page: open Stockroom over https:// (ask whoever runs it to turn on HTTPS), or use a scanner.';
  if (!navigator.mediaDevices?.getUserMedia)
    return 'This browser cannot use a camera. Type or scan the code with a scanner instead.';
  return null;
}
