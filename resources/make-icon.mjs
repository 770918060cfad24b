// Draws Amparo's app icon (a white shield with a keyhole on a deep-blue rounded square) without any
// image library: resources/icon.png (512×512, used by electron-builder and the Linux window) and
// resources/icon.svg. Run: node resources/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';
import process from 'node:process';

const SIZE = 512;
const SAMPLES = 4; // supersampling per axis, for smooth edges
const BACKGROUND = [31, 58, 95];
const SHIELD = [255, 255, 255];

const shieldHalfWidth = (y) => {
  if (y < 0.2 || y > 0.86) return -1;
  if (y < 0.55) return 0.28 - 0.04 * Math.max(0, (0.3 - y) / 0.1) ** 2;
  const t = (y - 0.55) / 0.31;
  return 0.28 * (1 - t ** 1.7) ** 0.75;
};

function colourAt(x, y) {
  // Rounded square, corner radius 0.2.
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const inShield = Math.abs(x - 0.5) <= shieldHalfWidth(y);
  const inKeyholeHead = (x - 0.5) ** 2 + (y - 0.45) ** 2 <= 0.075 ** 2;
  const inKeyholeStem = y >= 0.45 && y <= 0.68 && Math.abs(x - 0.5) <= 0.03 + ((y - 0.45) / 0.23) * 0.025;
  return inShield && !inKeyholeHead && !inKeyholeStem ? SHIELD : BACKGROUND;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
    }
    const o = row + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / SAMPLES ** 2) * 255);
  }
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" rx="102" fill="rgb(${BACKGROUND.join(',')})"/>
  <path fill="#fff" fill-rule="evenodd" d="M113 102 L399 102 L399 282 C399 360 330 410 256 440 C182 410 113 360 113 282 Z
    M241.2 265 A38 38 0 1 1 270.8 265 L284 348 L228 348 Z"/>
</svg>
`;
writeFileSync(new URL('./icon.svg', import.meta.url), svg);
process.stdout.write('wrote resources/icon.png and resources/icon.svg\n');
