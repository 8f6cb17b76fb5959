// Draws Rapport's toolbar icon (two linked rings on a green rounded square) as PNGs into
// public/icon/. Run once when the design changes: node tests/tools/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shape in unit coordinates (0..1): 0 outside, 1 background, 2 ring.
function shape(u, v) {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return 0;
  const ring = (cx) => Math.abs(Math.hypot(u - cx, v - 0.5) - 0.2) < 0.055;
  return ring(0.37) || ring(0.63) ? 2 : 1;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const samples = 4;
  const file = png(size, (x, y) => {
    let bg = 0;
    let fg = 0;
    for (let i = 0; i < samples; i++)
      for (let j = 0; j < samples; j++) {
        const s = shape((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size);
        if (s === 1) bg++;
        if (s === 2) fg++;
      }
    const n = samples * samples;
    const alpha = (bg + fg) / n;
    if (!alpha) return [0, 0, 0, 0];
    const t = fg / (bg + fg);
    const mix = (a, b) => Math.round(a * (1 - t) + b * t);
    return [mix(11, 255), mix(110, 255), mix(79, 255), Math.round(alpha * 255)];
  });
  writeFileSync(`public/icon/${size}.png`, file);
}
