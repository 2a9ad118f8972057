import { useEffect, useRef, useState } from 'react';
import { cameraProblem, cameraUnavailable } from './camera-errors';
import { createDetector, type Detector } from './detectors';
import { createDeduper, signalRead } from './feedback';
import './camera.css';

interface CameraScannerProps {
  /** What the field is for, e.g. "Item": names the dialog. */
  label: string;
  onCode: (code: string) => void;
  onClose: () => void;
}

const FRAME_MS = 120;

// Torch is in the Image Capture spec, not yet in TypeScript's DOM types.
type TorchTrack = MediaStreamTrack;
const canTorch = (track: TorchTrack | null) =>
  Boolean((track?.getCapabilities?.() as { torch?: boolean } | undefined)?.torch);

/** The camera view: reads codes until closed (continuous) or after the first one. */
export default function CameraScanner({ label, onCode, onClose }: CameraScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(cameraUnavailable);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState('');
  const [track, setTrack] = useState<TorchTrack | null>(null);
  const [torch, setTorch] = useState(false);
  const [continuous, setContinuous] = useState(false);
  const [lastRead, setLastRead] = useState<string | null>(null);
  const handlers = useRef({ onCode, onClose, continuous });
  // The scan loop outlives renders; it reads the latest callbacks and mode from here.
  useEffect(() => {
    handlers.current = { onCode, onClose, continuous };
  });

  useEffect(() => {
    if (cameraUnavailable()) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const fresh = createDeduper();
    const scan = async (detector: Detector) => {
      if (stopped) return;
      const el = video.current;
      const reads = el ? await detector.detect(el).catch(() => []) : [];
      const read = reads[0];
      if (!stopped && read && fresh(read.text)) {
        signalRead();
        setLastRead(read.text);
        handlers.current.onCode(read.text);
        if (!handlers.current.continuous) return handlers.current.onClose();
      }
      timer = setTimeout(() => void scan(detector), FRAME_MS);
    };
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: cameraId ? { deviceId: { exact: cameraId } } : { facingMode: 'environment' },
          audio: false,
        });
        if (stopped) return stream.getTracks().forEach((t) => t.stop());
        const el = video.current!;
        el.srcObject = stream;
        await el.play();
        setTrack((stream.getVideoTracks()[0] as TorchTrack | undefined) ?? null);
        const devices = await navigator.mediaDevices.enumerateDevices?.();
        setCameras((devices ?? []).filter((d) => d.kind === 'videoinput'));
        void scan(await createDetector());
      } catch (error) {
        if (!stopped) setProblem(cameraProblem(error));
      }
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [cameraId]);

  const hasTorch = canTorch(track);
  const toggleTorch = () => {
    const on = !torch;
    void track
      ?.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] })
      .then(() => setTorch(on));
  };

  return (
    <div className="camera" role="dialog" aria-label={`Scan ${label} with the camera`}>
      {problem ? (
        <p className="camera__problem" role="alert">
          {problem}
        </p>
      ) : (
        <video ref={video} className="camera__video" muted playsInline aria-hidden="true" />
      )}
      <p className="camera__read" role="status">
        {lastRead ? `Read ${lastRead}` : problem ? '' : 'Point the camera at a barcode or QR code.'}
      </p>
      <div className="button-row">
        {cameras.length > 1 ? (
          <select
            className="input"
            aria-label="Camera"
            value={cameraId}
            onChange={(e) => setCameraId(e.target.value)}
          >
            <option value="">Back camera</option>
            {cameras.map((c, i) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label || `Camera ${i + 1}`}
              </option>
            ))}
          </select>
        ) : null}
        {hasTorch ? (
          <button type="button" className="button button--secondary" onClick={toggleTorch}>
            {torch ? 'Light off' : 'Light on'}
          </button>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={continuous}
            onChange={(e) => setContinuous(e.target.checked)}
          />{' '}
          Keep scanning
        </label>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close camera
        </button>
      </div>
    </div>
  );
}
