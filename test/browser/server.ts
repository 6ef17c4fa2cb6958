// A real server process on 127.0.0.1 with a fresh database, and a Chromium to drive it.
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer as startServerProcess, type RunningServer } from '../../src/scripts/server-process';

export { freePort, type RunningServer } from '../../src/scripts/server-process';

/** Starts `src/main.ts` with its own database in a temp folder; resolves once /healthz answers. */
export function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServerProcess({ env });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Screenshots go to test-output/ (not committed). */
export const screenshotDir = join(import.meta.dirname, '../../test-output/screenshots');
