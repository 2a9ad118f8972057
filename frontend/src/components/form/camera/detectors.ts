// Reads codes from video frames: the browser's own BarcodeDetector where it exists (Chrome on
// Android, Safari 17+ on macOS), else ZXing compiled to WebAssembly, bundled with the app (no
// CDN) and loaded only when a camera is opened, so first-load JavaScript does not grow.

export interface Read {
  text: string;
  format: string;
}

export interface Detector {
  detect(video: HTMLVideoElement): Promise<Read[]>;
}

/** Code 128, EAN-13/8, UPC-A/E, QR and DataMatrix: what labels and retail packs carry. */
const NATIVE_FORMATS = ['code_128', 'ean_13', 'ean_8', 'upc_a', 'upc_e', 'qr_code', 'data_matrix'];
const ZXING_FORMATS = ['Code128', 'EAN13', 'EAN8', 'UPCA', 'UPCE', 'QRCode', 'DataMatrix'] as const;

interface NativeBarcodeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string; format: string }[]>;
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(): Promise<Detector | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (!Native) return null;
  const supported = await Native.getSupportedFormats().catch(() => [] as string[]);
  const formats = NATIVE_FORMATS.filter((f) => supported.includes(f));
  // Without Code 128 it cannot read our own labels: use ZXing instead.
  if (!formats.includes('code_128')) return null;
  const detector = new Native({ formats });
  return {
    detect: async (video) =>
      (await detector.detect(video)).map((c) => ({ text: c.rawValue, format: c.format })),
  };
}

async function zxingDetector(): Promise<Detector> {
  const [{ prepareZXingModule, readBarcodes }, { default: wasmUrl }] = await Promise.all([
    import('zxing-wasm/reader'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({ overrides: { locateFile: () => wasmUrl } });
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    detect: async (video) => {
      if (!context || video.videoWidth === 0) return [];
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = await readBarcodes(image, {
        formats: [...ZXING_FORMATS],
        maxNumberOfSymbols: 1,
      });
      return found.filter((c) => c.isValid).map((c) => ({ text: c.text, format: c.format }));
    },
  };
}

export async function createDetector(): Promise<Detector> {
  return (await nativeDetector()) ?? zxingDetector();
}
