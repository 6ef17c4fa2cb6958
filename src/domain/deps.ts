import type { Config } from '../config';
import type { Db } from '../db/client';
import type { PdfRenderer } from '../pdf/render-service';

/** A clock that tests can move forward (timers, session expiry). */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  constructor(private t: Date = new Date('2026-03-02T09:00:00Z')) {}
  now(): Date { return new Date(this.t); }
  advance(ms: number): void { this.t = new Date(this.t.getTime() + ms); }
  set(t: Date): void { this.t = new Date(t); }
}

/** What every domain verb needs; built once in createApp and passed down. */
export interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  /** Where PDFs are rendered; inline when absent (tests, scripts). */
  pdf?: PdfRenderer;
}

export const iso = (d: Date): string => d.toISOString();
