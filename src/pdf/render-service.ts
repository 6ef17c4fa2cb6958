// Where PDFs are rendered. Rendering a letter takes tens of milliseconds of CPU and the CJK font
// tables weigh ~75 MB once loaded; in the server both would stall every request and stay in
// memory for good. So the server renders in a child process on the other core, started on
// first use and stopped when idle. Tests and scripts render inline.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CaseFileRecord } from './case-file';
import type { DecisionLetterRecord } from './decision-letter';

export interface PdfRenderer {
  decisionLetter(rec: DecisionLetterRecord): Promise<Buffer>;
  caseFile(rec: CaseFileRecord): Promise<Buffer>;
}

/** Loaded on first use: pdfkit alone is ~25 MB that a server rendering in its child never needs. */
export const inlineRenderer: PdfRenderer = {
  decisionLetter: async (rec) => (await import('./decision-letter')).renderDecisionLetter(rec),
  caseFile: async (rec) => (await import('./case-file')).renderCaseFile(rec),
};

/** Several renderer processes taking turns, for machines with cores to spare (PDF_RENDERERS). */
export function rendererPool(size: number): PdfRenderer & { close(): void } {
  const members = Array.from({ length: Math.max(1, size) }, () => childProcessRenderer());
  let turn = 0;
  const next = () => members[turn++ % members.length]!;
  return {
    decisionLetter: (rec) => next().decisionLetter(rec),
    caseFile: (rec) => next().caseFile(rec),
    close: () => members.forEach((m) => m.close()),
  };
}

export type RenderRequest = { id: number; kind: 'letter'; rec: DecisionLetterRecord } | { id: number; kind: 'case-file'; rec: CaseFileRecord };
export type RenderReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };

const WORKER = join(import.meta.dirname, 'render-worker.ts');

export function childProcessRenderer(opts: { idleMs?: number } = {}): PdfRenderer & { close(): void; pid(): number | undefined } {
  const idleMs = opts.idleMs ?? 60_000;
  let child: ChildProcess | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  const pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  const stop = () => {
    child?.kill();
    child = null;
  };
  const spawnChild = (): ChildProcess => {
    const c = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    c.on('message', (m: RenderReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(Buffer.from(m.pdf));
      else p.reject(new Error(m.error));
      armIdle();
    });
    c.on('exit', () => {
      if (child === c) child = null;
      // A crashed renderer fails what it had; the decision sweep renders those again later.
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Error('PDF renderer exited'));
      }
    });
    c.unref();
    (c.channel as unknown as { unref?: () => void } | undefined)?.unref?.();
    return c;
  };
  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    if (pending.size === 0) idleTimer = setTimeout(stop, idleMs).unref();
  };
  const send = (req: Omit<RenderRequest, 'id'>): Promise<Buffer> => {
    if (idleTimer) clearTimeout(idleTimer);
    child ??= spawnChild();
    const id = nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child!.send({ ...req, id } as RenderRequest);
    });
  };
  return {
    decisionLetter: (rec) => send({ kind: 'letter', rec }),
    caseFile: (rec) => send({ kind: 'case-file', rec }),
    close: stop,
    pid: () => child?.pid,
  };
}
