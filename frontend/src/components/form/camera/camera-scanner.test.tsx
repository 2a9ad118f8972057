import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanInput } from '../scan-input';

// Stubs sit at the browser-API boundary only: the camera (MediaDevices, the video element's
// play) and the browser's BarcodeDetector. Everything between them and the field is real.

let frames: string[][] = [];
const stop = vi.fn();

class FakeBarcodeDetector {
  static getSupportedFormats = () => Promise.resolve(['code_128', 'qr_code', 'ean_13']);
  detect() {
    const next = frames.length > 1 ? frames.shift()! : (frames[0] ?? []);
    return Promise.resolve(next.map((rawValue) => ({ rawValue, format: 'code_128' })));
  }
}

function stubCamera(getUserMedia: () => Promise<unknown>, secure = true) {
  const askCamera = vi.fn(getUserMedia);
  Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
  Object.defineProperty(navigator, 'mediaDevices', {
    value: {
      getUserMedia: askCamera,
      enumerateDevices: vi.fn(() => Promise.resolve([])),
    },
    configurable: true,
  });
  vi.stubGlobal('BarcodeDetector', FakeBarcodeDetector);
  return askCamera;
}

const track = { stop, getCapabilities: () => ({}) };
const stream = () => Promise.resolve({ getTracks: () => [track], getVideoTracks: () => [track] });

function renderField() {
  const onEnter = vi.fn();
  render(<ScanInput aria-label="Item code" cameraLabel="Item" onEnter={onEnter} />);
  return { onEnter, user: userEvent.setup() };
}

describe('camera scanning in a scan field', () => {
  beforeEach(() => {
    frames = [];
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    vi.stubGlobal('AudioContext', undefined);
  });
  afterEach(() => stop.mockClear());

  it('when the camera sees a code, then the field gets it, counts it as Enter once, confirms it and closes the camera', async () => {
    stubCamera(stream);
    frames = [['BOLT-6'], ['BOLT-6'], ['BOLT-6']];
    const { onEnter, user } = renderField();
    await user.click(screen.getByRole('button', { name: /Camera/ }));

    await waitFor(() => expect(onEnter).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('textbox', { name: 'Item code' })).toHaveValue('BOLT-6');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stop).toHaveBeenCalled();
  });

  it('when "Keep scanning" is on, then a code held in view counts once and the next code counts again', async () => {
    stubCamera(stream);
    frames = [[]];
    const { onEnter, user } = renderField();
    await user.click(screen.getByRole('button', { name: /Camera/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'Keep scanning' }));
    frames = [['A-1'], ['A-1'], ['A-1'], ['B-2'], []];

    await waitFor(() => expect(onEnter).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('textbox', { name: 'Item code' })).toHaveValue('B-2');
    expect(screen.getByRole('status')).toHaveTextContent('Read B-2');
    expect(screen.getByRole('dialog', { name: 'Scan Item with the camera' })).toBeInTheDocument();
  });

  it('when camera access is denied, then it says how to allow it instead of a blank view', async () => {
    stubCamera(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const { user } = renderField();
    await user.click(screen.getByRole('button', { name: /Camera/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Allow camera access/);
  });

  it('when there is no camera, then it says so', async () => {
    stubCamera(() => Promise.reject(new DOMException('none', 'NotFoundError')));
    const { user } = renderField();
    await user.click(screen.getByRole('button', { name: /Camera/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/No camera was found/);
  });

  it('when the page is not secure (plain http), then it explains HTTPS and never asks for the camera', async () => {
    const askCamera = stubCamera(stream, false);
    const { user } = renderField();
    await user.click(screen.getByRole('button', { name: /Camera/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/secure page/);
    expect(askCamera).not.toHaveBeenCalled();
  });
});
