// Document bytes live on disk outside any served folder, under names the server makes up;
// the database keeps only the name, size and checksum.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../deps';

let scratchDir: string | null = null;

/** The configured folder; an in-memory database (tests) gets one temp folder per process. */
export function documentsDir(deps: Deps): string {
  const configured = deps.config.documentsPath;
  if (configured) {
    mkdirSync(configured, { recursive: true, mode: 0o700 });
    return configured;
  }
  scratchDir ??= mkdtempSync(join(tmpdir(), 'chengjie-docs-'));
  return scratchDir;
}

/**
 * Writes the bytes under a fresh name: into a temporary file of the same folder, flushed to disk,
 * then renamed, and the folder flushed. A server that dies mid-upload leaves at most a `.part`
 * file that nothing names; a name the database records always holds the whole file, also after
 * a power cut, and also on a folder that several app servers share.
 */
export function storeBytes(deps: Deps, bytes: Uint8Array, ext: string): string {
  const name = `${randomUUID()}.${ext}`;
  const dir = documentsDir(deps);
  const tmp = join(dir, `.${name}.part`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, name));
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return name;
}

export function readStored(deps: Deps, storedName: string): Buffer {
  // storedName comes from our own database, never from the request; the check is belt and braces.
  if (!/^[0-9a-f-]{36}\.(pdf|jpg|png)$/.test(storedName)) throw new Error(`bad stored name ${storedName}`);
  return readFileSync(join(documentsDir(deps), storedName));
}

export function discardStored(deps: Deps, storedName: string): void {
  rmSync(join(documentsDir(deps), storedName), { force: true });
}
