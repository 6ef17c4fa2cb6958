// Document bytes live on disk outside any served folder, under names the server makes up;
// the database keeps only the name, size and checksum.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Writes the bytes under a fresh name; the rename makes a half-written file never visible. */
export function storeBytes(deps: Deps, bytes: Uint8Array, ext: string): string {
  const name = `${randomUUID()}.${ext}`;
  const dir = documentsDir(deps);
  const tmp = join(dir, `.${name}.part`);
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, join(dir, name));
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
