import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws Penpal's icon — a white speech bubble with a pen nib on a soft indigo-to-teal tile — and
 * writes `resources/icon.png` (1024×1024 RGBA), from which electron-builder makes the macOS,
 * Windows and Linux icons. Shapes are signed distance fields, so edges are anti-aliased.
 * Run: `npx tsx resources/makeIcon.ts`.
 */

const SIZE = 1024;
type Vec = [number, number];
type Rgb = [number, number, number];

function roundedBox([x, y]: Vec, [cx, cy]: Vec, [hw, hh]: Vec, radius: number): number {
  const qx = Math.abs(x - cx) - hw + radius;
  const qy = Math.abs(y - cy) - hh + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function polygon([x, y]: Vec, points: Vec[]): number {
  let distance = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[j]!;
    const ex = bx - ax;
    const ey = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
    distance = Math.min(distance, Math.hypot(x - ax - ex * t, y - ay - ey * t));
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? -distance : distance;
}

function segment([x, y]: Vec, [ax, ay]: Vec, [bx, by]: Vec, width: number): number {
  const ex = bx - ax;
  const ey = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
  return Math.hypot(x - ax - ex * t, y - ay - ey * t) - width / 2;
}

/** Coverage of a shape at a pixel from its signed distance (one pixel of soft edge). */
const cover = (distance: number): number => Math.max(0, Math.min(1, 0.5 - distance));

// The nib is drawn pointing down, then turned 45° so it writes toward the lower left.
const NIB_CENTER: Vec = [500, 478];
const NIB: Vec[] = [
  [-62, -150],
  [62, -150],
  [95, -10],
  [0, 165],
  [-95, -10],
];
const toNib = ([x, y]: Vec): Vec => {
  const dx = x - NIB_CENTER[0];
  const dy = y - NIB_CENTER[1];
  const angle = Math.PI / 4;
  return [dx * Math.cos(angle) + dy * Math.sin(angle), -dx * Math.sin(angle) + dy * Math.cos(angle)];
};

function pixel(point: Vec): [number, number, number, number] {
  const [x, y] = point;
  const tile = cover(roundedBox(point, [512, 512], [412, 412], 190));
  const t = (x + y) / (2 * SIZE);
  const background: Rgb = [108 + (56 - 108) * t, 118 + (189 - 118) * t, 255 + (196 - 255) * t];
  const bubble = Math.max(
    cover(roundedBox(point, [512, 470], [285, 215], 150)),
    cover(
      polygon(point, [
        [318, 600],
        [470, 660],
        [282, 812],
      ]),
    ),
  );
  const local = toNib(point);
  const nibBody = cover(polygon(local, NIB));
  const slit = Math.max(
    cover(segment(local, [0, 0], [0, 170], 16)),
    cover(Math.hypot(local[0], local[1]) - 24),
  );
  const band = cover(roundedBox(local, [0, -118], [70, 9], 4));
  const nib = Math.max(0, nibBody - Math.max(slit, band));

  const white: Rgb = [255, 255, 255];
  const ink: Rgb = [59, 72, 196];
  const mix = (a: Rgb, b: Rgb, amount: number): Rgb =>
    [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as Rgb;
  const color = mix(mix(background, white, bubble), ink, nib * bubble);
  return [color[0], color[1], color[2], tile * 255];
}

function png(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let row = 0; row < height; row++) {
    rows[row * (width * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(row * width * 4, (row + 1) * width * 4), row * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = new Uint8Array(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const value = pixel([x + 0.5, y + 0.5]);
    rgba.set(
      value.map((channel) => Math.round(Math.max(0, Math.min(255, channel)))),
      (y * SIZE + x) * 4,
    );
  }
}
const target = new URL('./icon.png', import.meta.url);
writeFileSync(target, png(SIZE, SIZE, rgba));
console.log(`wrote ${target.pathname}`);
