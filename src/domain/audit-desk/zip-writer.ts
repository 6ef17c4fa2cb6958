// The ZIP of a set of files, written by yazl (a maintained library that switches to ZIP64 by
// itself past 4 GiB or 65,534 entries). Entries are "stored", not deflated: PDFs are already
// deflated inside, and with no compression yazl knows the archive's exact length before the first
// byte, so it can be announced as Content-Length and the browser shows an honest progress bar.
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface ZipEntry<T> { name: string; size: number; modifiedAt: string; item: T }

/**
 * Streams a ZIP: one entry is loaded only when yazl reaches it, so memory holds one file at a
 * time whatever the size of the set. `length` is the archive's exact size in bytes.
 */
export function zipStream<T>(entries: ZipEntry<T>[], load: (item: T) => Promise<Uint8Array>): { stream: ReadableStream<Uint8Array>; length: number } {
  const zip = new ZipFile();
  // yazl reports a failed load or a size mismatch on the ZipFile: end the download with it, so
  // the client sees a broken transfer rather than a short archive.
  (zip as unknown as NodeJS.EventEmitter).on('error', (err: Error) => (zip.outputStream as Readable).destroy(err));
  for (const e of entries) {
    zip.addReadStreamLazy(e.name, { mtime: new Date(e.modifiedAt), compress: false, size: e.size }, (cb) => {
      // yazl checks the bytes against `size`: a different size would break the announced length.
      load(e.item).then((data) => cb(null, Readable.from([Buffer.from(data)])), (err: Error) => cb(err, undefined as never));
    });
  }
  let length = -1;
  // Without compression and with every size given, yazl calls back during end() itself.
  // (@types/yazl declares this callback without its argument, hence the cast.)
  const onTotal = ((total: number) => { length = total; }) as () => void;
  zip.end({ forceZip64Format: false, comment: '' }, onTotal);
  if (length < 0) throw new Error('zip: the archive length could not be computed in advance');
  const stream = Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
  return { stream, length };
}
