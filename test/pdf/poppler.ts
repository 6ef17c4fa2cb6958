// Reads rendered PDFs back with poppler-utils, the way a recipient's viewer would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8' });

/** Text as `pdftotext -layout` extracts it (i.e. as a reader can copy it). */
export const pdfText = (pdf: Buffer) => withFile(pdf, (f) => tool('pdftotext', ['-layout', f, '-']));

/** Image XObjects as rows of `pdfimages -list`: page, type, width, height. */
export function pdfImages(pdf: Buffer) {
  const out = withFile(pdf, (f) => tool('pdfimages', ['-list', f]));
  return out.split('\n').slice(2).filter(Boolean).map((line) => {
    const [page, , type, width, height] = line.trim().split(/\s+/);
    return { page: Number(page), type, width: Number(width), height: Number(height) };
  });
}

/** Fonts as rows of `pdffonts`: name, and whether embedded / subset / with a ToUnicode map. */
export function pdfFonts(pdf: Buffer) {
  const out = withFile(pdf, (f) => tool('pdffonts', [f]));
  return out.split('\n').slice(2).filter(Boolean).map((line) => {
    const cols = line.trim().split(/\s+/);
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** `pdfinfo -isodates` as a map: Title, Author, CreationDate, Pages, Page size… */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (f) => tool('pdfinfo', ['-isodates', f]));
  return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => {
    const i = line.indexOf(':');
    return [line.slice(0, i), line.slice(i + 1).trim()];
  }));
}
