// Draws Rapport's app icon (a white "R" monogram on a rounded teal square) and writes it as PNG
// at 1024 and 512 px into build/icons/. No image library: shapes are signed distance fields,
// anti-aliased by coverage, and the PNG is assembled with zlib. The output is deterministic, so
// re-running it leaves the committed files unchanged. electron-builder makes .icns/.ico from it.
//   node build/scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const iconsDir = fileURLToPath(new URL('../icons/', import.meta.url));
const SIZES = [1024, 512];

const TOP = [20, 148, 136]; // teal
const BOTTOM = [17, 78, 74]; // deep teal
const INK = [255, 255, 255];

// Signed distances in icon units (0..1, y down); negative inside.
const box = (x, y, x0, y0, x1, y1) => {
  const dx = Math.max(x0 - x, 0, x - x1);
  const dy = Math.max(y0 - y, 0, y - y1);
  const outside = Math.hypot(dx, dy);
  const inside = Math.min(0, Math.max(x0 - x, x - x1, y0 - y, y - y1));
  return outside > 0 ? outside : inside;
};
const roundedBox = (x, y, x0, y0, x1, y1, r) => box(x, y, x0 + r, y0 + r, x1 - r, y1 - r) - r;
const capsule = (x, y, ax, ay, bx, by, r) => {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - ax - t * vx, y - ay - t * vy) - r;
};
/** Right half of a ring (the bowl of the R); its ends meet the two horizontal bars. */
const halfRing = (x, y, cx, cy, r, half) =>
  x >= cx
    ? Math.abs(Math.hypot(x - cx, y - cy) - r) - half
    : Math.min(Math.hypot(x - cx, y - cy + r), Math.hypot(x - cx, y - cy - r)) - half;

const STROKE = 0.115;
const half = STROKE / 2;
const letterR = (x, y) =>
  Math.min(
    box(x, y, 0.3, 0.245, 0.3 + STROKE, 0.775), // stem
    box(x, y, 0.3, 0.245, 0.53, 0.245 + STROKE), // top bar
    box(x, y, 0.3, 0.515, 0.53, 0.515 + STROKE), // middle bar
    halfRing(x, y, 0.53, (0.245 + 0.515 + STROKE) / 2, (0.515 - 0.245) / 2, half), // bowl
    capsule(x, y, 0.47, 0.573, 0.665, 0.745, half), // leg
  );
const tile = (x, y) => roundedBox(x, y, 0.0625, 0.0625, 0.9375, 0.9375, 0.2);

const coverage = (distance, size) => Math.max(0, Math.min(1, 0.5 - distance * size));

function draw(size) {
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowBytes] = 0; // PNG filter: none
    const y = (py + 0.5) / size;
    const shade = TOP.map((top, i) => top + (BOTTOM[i] - top) * y);
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const alpha = coverage(tile(x, y), size);
      const ink = coverage(letterR(x, y), size);
      const at = py * rowBytes + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[at + i] = Math.round(shade[i] + (INK[i] - shade[i]) * ink);
      raw[at + 3] = Math.round(alpha * 255);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function encodePng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(draw(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(iconsDir, { recursive: true });
for (const size of SIZES) {
  const file = `${iconsDir}${size}x${size}.png`;
  writeFileSync(file, encodePng(size));
  console.log(`[make-icons] wrote ${file}`);
}
