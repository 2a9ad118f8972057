import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WIDTH = 640;
const HEIGHT = 480;

/**
 * A still video (.y4m, what Chromium's --use-file-for-fake-video-capture plays in a loop) of
 * a label PDF's first page: rasterised to greyscale by pdftoppm as a printer would, centred
 * on white in a 640x480 frame. Greyscale is the Y plane alone; U and V stay neutral (128).
 */
export async function labelVideo(pdf: Buffer, dir: string): Promise<string> {
  const pdfFile = join(dir, 'label.pdf');
  await writeFile(pdfFile, pdf);
  await run('pdftoppm', [
    '-gray',
    '-singlefile',
    '-scale-to-x',
    '560',
    '-scale-to-y',
    '-1',
    pdfFile,
    join(dir, 'label'),
  ]);
  const image = parsePgm(await readFile(join(dir, 'label.pgm')));
  const y = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.max(0, (WIDTH - image.width) >> 1);
  const top = Math.max(0, (HEIGHT - image.height) >> 1);
  for (let row = 0; row < Math.min(image.height, HEIGHT); row++) {
    const from = row * image.width;
    image.pixels.copy(y, (top + row) * WIDTH + left, from, from + Math.min(image.width, WIDTH));
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const file = join(dir, 'label.y4m');
  await writeFile(file, Buffer.concat([header, Buffer.from('FRAME\n'), y, chroma]));
  return file;
}

/** Binary PGM (P5, 8 bits) as pdftoppm -gray writes it. */
function parsePgm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!match) throw new Error('pdftoppm did not write an 8-bit binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return {
    width,
    height,
    pixels: data.subarray(match[0].length, match[0].length + width * height),
  };
}
