/**
 * Draws the app icons (a white heart on the dashboard's navy) as PNG files into public/icons/,
 * with no image library: each pixel is 4×4 supersampled against the shapes and the rows are
 * written as an uncompressed-filter PNG through zlib. Run once after changing the design:
 * `node dashboard/scripts/make-icons.mjs`; the PNGs are committed.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const NAVY = [0x1f, 0x3a, 0x5f];
const WHITE = [0xff, 0xff, 0xff];
const SS = 4;

/** The classic heart curve (x²+y²−1)³ − x²y³ ≤ 0, in a box of [-1.2, 1.2] × [-1.1, 1.3]. */
function inHeart(u, v) {
  const x = u * 1.25;
  const y = -v * 1.25 + 0.1;
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

/** Inside a rounded square covering [0,1]² with corner radius r (r = 0: full bleed). */
function inRoundedSquare(px, py, r) {
  if (r <= 0) return true;
  const cx = Math.min(Math.max(px, r), 1 - r);
  const cy = Math.min(Math.max(py, r), 1 - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/**
 * @param size pixel size
 * @param opts.radius corner radius of the background (0..0.5 of the size), null: no background
 * @param opts.heart the heart's half-width as a share of the size
 */
function draw(size, { radius, heart, fg = WHITE, bg = NAVY }) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bgHits = 0;
      let fgHits = 0;
      for (let sj = 0; sj < SS; sj++) {
        for (let si = 0; si < SS; si++) {
          const px = (i + (si + 0.5) / SS) / size;
          const py = (j + (sj + 0.5) / SS) / size;
          if (radius !== null && inRoundedSquare(px, py, radius)) bgHits++;
          if (inHeart((px - 0.5) / heart, (py - 0.5) / heart)) fgHits++;
        }
      }
      const n = SS * SS;
      const fa = fgHits / n;
      const ba = radius === null ? 0 : bgHits / n;
      const alpha = fa + ba * (1 - fa);
      const o = (j * size + i) * 4;
      for (let c = 0; c < 3; c++) {
        const v = alpha === 0 ? 0 : (fg[c] * fa + bg[c] * ba * (1 - fa)) / alpha;
        rgba[o + c] = Math.round(v);
      }
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function encodePng(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
const icons = {
  // "any" icons: rounded square, heart well inside.
  'icon-192.png': draw(192, { radius: 0.18, heart: 0.3 }),
  'icon-512.png': draw(512, { radius: 0.18, heart: 0.3 }),
  // Maskable: full bleed, heart inside the 80 % safe circle.
  'maskable-512.png': draw(512, { radius: 0, heart: 0.24 }),
  // iOS home screen (it rounds the corners itself).
  'apple-touch-icon.png': draw(180, { radius: 0, heart: 0.28 }),
  // Notification badge (Android shows its alpha only): a white heart on transparent.
  'badge-96.png': draw(96, { radius: null, heart: 0.36 }),
};
for (const [name, png] of Object.entries(icons)) writeFileSync(OUT + name, png);
console.log(`wrote ${Object.keys(icons).length} icons to ${OUT}`);
