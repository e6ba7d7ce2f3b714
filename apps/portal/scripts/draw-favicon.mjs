// Draws src/app/favicon.ico (16 and 32 px) from the same shapes as src/app/icon.svg, so /favicon.ico
// (which browsers and bookmarks ask for without reading the page) is Concord's mark. No image tools
// needed: the shapes are sampled 8×8 per pixel and written as 32-bit BMPs inside an ICO.
//   node apps/portal/scripts/draw-favicon.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BLUE = [0x1f, 0x5f, 0xae];
const WHITE = [0xff, 0xff, 0xff];
const LIGHT = [0x9c, 0xc3, 0xff];

/** The colour at a point of the 32×32 drawing, or null outside it (transparent). */
function paint(x, y) {
  const r = 7;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const ring = (rx, ry) => Math.abs(Math.hypot(x - rx, y - ry) - 6.5) <= 1.5;
  if (ring(19.5, 16)) return LIGHT;
  if (ring(12.5, 16)) return WHITE;
  return BLUE;
}

function bitmap(size) {
  const samples = 8;
  const scale = 32 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((col + (sx + 0.5) / samples) * scale, (row + (sy + 0.5) / samples) * scale);
          if (!colour) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      // BMP rows run bottom-up, pixels are BGRA.
      const at = ((size - 1 - row) * size + col) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(sum[2] / covered);
        pixels[at + 1] = Math.round(sum[1] / covered);
        pixels[at + 2] = Math.round(sum[0] / covered);
      }
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour and mask, stacked
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(pixels.length, 20);
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

const sizes = [16, 32];
const images = sizes.map(bitmap);
const directory = Buffer.alloc(6 + 16 * sizes.length);
directory.writeUInt16LE(1, 2);
directory.writeUInt16LE(sizes.length, 4);
let offset = directory.length;
sizes.forEach((size, i) => {
  const entry = 6 + 16 * i;
  directory.writeUInt8(size, entry);
  directory.writeUInt8(size, entry + 1);
  directory.writeUInt16LE(1, entry + 4);
  directory.writeUInt16LE(32, entry + 6);
  directory.writeUInt32LE(images[i].length, entry + 8);
  directory.writeUInt32LE(offset, entry + 12);
  offset += images[i].length;
});
const out = join(dirname(fileURLToPath(import.meta.url)), "../src/app/favicon.ico");
writeFileSync(out, Buffer.concat([directory, ...images]));
console.log(`wrote ${out}`);
