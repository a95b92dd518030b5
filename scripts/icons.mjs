#!/usr/bin/env node
// Draws the demo site's app icons (issue 10 §7: an installable site needs PNG icons, and Android
// crops "maskable" ones to a circle or squircle). The design is www/favicon.svg: a white tick on
// the site's accent blue (#0b4f8a). No dependencies: the tick is rasterised here with
// anti-aliasing and written as PNG with node:zlib, so the icons can be re-made anywhere.
//
//   node scripts/icons.mjs        writes www/icons/icon-{192,512}.png and maskable-{192,512}.png
//
// "any" icons keep the favicon's rounded corners (rx 6/32, transparent outside); maskable icons
// fill the whole square and keep the tick inside the central 80 % safe zone (its farthest point is
// 7.1/32 = 22 % of the size from the centre; the safe zone's radius is 40 %).

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BLUE = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's tick, in its 32-unit viewBox: M9 17 l5 5 9-11, stroke-width 4, round caps and joins.
const TICK = [[9, 17], [14, 22], [23, 11]];
const HALF_WIDTH = 2;

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0–1) of a rounded square of side 32 and corner radius r at the point (x, y). */
function roundedCoverage(x, y, r, unit) {
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  const d = Math.hypot(x - cx, y - cy) - r;
  return Math.max(0, Math.min(1, 0.5 - d / unit));
}

export function drawIcon(size, { maskable }) {
  const unit = 32 / size; // viewBox units per pixel
  const rgba = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) * unit;
      const y = (j + 0.5) * unit;
      const d = Math.min(distToSegment(x, y, TICK[0], TICK[1]), distToSegment(x, y, TICK[1], TICK[2]));
      const tick = Math.max(0, Math.min(1, 0.5 + (HALF_WIDTH - d) / unit));
      const alpha = maskable ? 1 : roundedCoverage(x, y, 6, unit);
      const o = (j * size + i) * 4;
      for (let k = 0; k < 3; k++) rgba[o + k] = Math.round(BLUE[k] * (1 - tick) + WHITE[k] * tick);
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.join(root, "www", "icons");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [192, 512]) {
    for (const [name, maskable] of [["icon", false], ["maskable", true]]) {
      const file = path.join(dir, `${name}-${size}.png`);
      const png = drawIcon(size, { maskable });
      fs.writeFileSync(file, png);
      console.log(`${path.relative(root, file)}: ${size}×${size}, ${png.length} bytes`);
    }
  }
}
