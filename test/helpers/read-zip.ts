// An independent reader (yauzl, not the library that writes our archives): every entry's bytes
// by name, with its CRC checked by the reader as the data is read.
import { fromBufferPromise } from 'yauzl';
import type { Entry } from 'yauzl';

export async function readZip(zip: Buffer): Promise<{ files: Map<string, Buffer>; entryCount: number }> {
  const z = await fromBufferPromise(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  const files = new Map<string, Buffer>();
  const entries: Entry[] = await new Promise((resolve, reject) => {
    const all: Entry[] = [];
    z.on('entry', (e: Entry) => { all.push(e); z.readEntry(); });
    z.on('end', () => resolve(all));
    z.on('error', reject);
    z.readEntry();
  });
  for (const e of entries) {
    const chunks: Buffer[] = [];
    for await (const c of await z.openReadStreamPromise(e)) chunks.push(c as Buffer);
    files.set(e.fileName, Buffer.concat(chunks));
  }
  return { files, entryCount: z.entryCount };
}
