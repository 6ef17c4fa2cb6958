// /favicon.ico: browsers ask for it on every site; without it each page load logs a 404. A
// 32×32 icon in the brand's red with a white 承-like mark, built once as an ICO (32-bit BMP).
const SIZE = 32;
const BRAND = [0x1c, 0x1c, 0x9b, 0xff]; // B, G, R, A of #9b1c1c
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

function pixel(x: number, y: number): number[] {
  const r = 5; // rounded corners
  const cx = x < r ? r : x > SIZE - 1 - r ? SIZE - 1 - r : x;
  const cy = y < r ? r : y > SIZE - 1 - r ? SIZE - 1 - r : y;
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  // A simple mark: three horizontal strokes and a vertical one, legible at 16 px.
  const stroke = (y >= 8 && y <= 10 && x >= 9 && x <= 22) || (y >= 15 && y <= 17 && x >= 7 && x <= 24)
    || (y >= 22 && y <= 24 && x >= 9 && x <= 22) || (x >= 15 && x <= 17 && y >= 5 && y <= 27);
  return stroke ? WHITE : BRAND;
}

export function faviconIco(): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(1, 4);
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0); info.writeInt32LE(SIZE, 4); info.writeInt32LE(SIZE * 2, 8);
  info.writeUInt16LE(1, 12); info.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, SIZE - 1 - y)).copy(pixels, (y * SIZE + x) * 4); // bottom-up rows
  }
  const mask = Buffer.alloc(SIZE * (SIZE / 8)); // all zero: the alpha channel decides
  const image = Buffer.concat([info, pixels, mask]);
  header[6] = SIZE; header[7] = SIZE; header.writeUInt16LE(1, 10); header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14); header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}
