// A minimal ZIP writer (PKWARE APPNOTE 6.3, "stored" method, no ZIP64). PDFs are already
// deflated inside, so storing them costs almost nothing, and it makes every size known before
// the first byte: the archive's exact length can be announced as Content-Length, which gives the
// browser an honest progress bar for large sets.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntryInfo { name: string; size: number }

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x0800; // general purpose bit 11: names are UTF-8
const MAX = 0xffffffff;

/** The exact byte length of the archive holding these entries. */
export function zipLength(entries: ZipEntryInfo[]): number {
  return entries.reduce((n, e) => n + LOCAL_HEADER + CENTRAL_HEADER + 2 * Buffer.byteLength(e.name) + e.size, END_RECORD);
}

/** MS-DOS date and time of an ISO instant (ZIP has no time zone; UTC keeps it reproducible). */
function dosDateTime(iso: string): { time: number; date: number } {
  const d = new Date(iso);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((Math.max(d.getUTCFullYear(), 1980) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

interface Written { name: Buffer; crc: number; size: number; offset: number; time: number; date: number }

function localHeader(w: Written): Buffer {
  const h = Buffer.alloc(LOCAL_HEADER);
  h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(UTF8_NAMES, 6); h.writeUInt16LE(0, 8);
  h.writeUInt16LE(w.time, 10); h.writeUInt16LE(w.date, 12); h.writeUInt32LE(w.crc, 14);
  h.writeUInt32LE(w.size, 18); h.writeUInt32LE(w.size, 22); h.writeUInt16LE(w.name.length, 26); h.writeUInt16LE(0, 28);
  return Buffer.concat([h, w.name]);
}

function centralHeader(w: Written): Buffer {
  const h = Buffer.alloc(CENTRAL_HEADER);
  h.writeUInt32LE(0x02014b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(20, 6); h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(0, 10); h.writeUInt16LE(w.time, 12); h.writeUInt16LE(w.date, 14); h.writeUInt32LE(w.crc, 16);
  h.writeUInt32LE(w.size, 20); h.writeUInt32LE(w.size, 24); h.writeUInt16LE(w.name.length, 28);
  // extra, comment, disk, internal attrs, external attrs: all zero
  h.writeUInt32LE(w.offset, 42);
  return Buffer.concat([h, w.name]);
}

function endRecord(count: number, centralSize: number, centralOffset: number): Buffer {
  const h = Buffer.alloc(END_RECORD);
  h.writeUInt32LE(0x06054b50, 0); h.writeUInt16LE(count, 8); h.writeUInt16LE(count, 10);
  h.writeUInt32LE(centralSize, 12); h.writeUInt32LE(centralOffset, 16);
  return h;
}


/**
 * Streams a ZIP: one entry is loaded (and its CRC computed) only when the consumer pulls,
 * so memory holds one file at a time whatever the size of the set.
 */
export function zipStream<T>(entries: (ZipEntryInfo & { item: T; modifiedAt: string })[], load: (item: T) => Promise<Uint8Array>): ReadableStream<Uint8Array> {
  if (entries.length > 0xffff || zipLength(entries) > MAX) throw new RangeError('Too large for a ZIP without ZIP64; narrow the set.');
  const written: Written[] = [];
  let offset = 0;
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i < entries.length) {
        const e = entries[i++]!;
        const data = await load(e.item);
        // The size was announced up front (Content-Length): a different size would corrupt the archive.
        if (data.length !== e.size) throw new Error(`zip entry ${e.name}: expected ${e.size} bytes, got ${data.length}`);
        const w: Written = { name: Buffer.from(e.name, 'utf8'), crc: crc32(data), size: data.length, offset, ...dosDateTime(e.modifiedAt) };
        const header = localHeader(w);
        written.push(w);
        offset += header.length + data.length;
        controller.enqueue(new Uint8Array(Buffer.concat([header, data])));
        return;
      }
      const central = Buffer.concat(written.map(centralHeader));
      controller.enqueue(new Uint8Array(Buffer.concat([central, endRecord(written.length, central.length, offset)])));
      controller.close();
    },
  });
}
