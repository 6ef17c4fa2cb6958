import { expect, it } from 'vitest';
import { runCrashTest } from '../../src/scripts/crashtest-lib';

// The short version of `npm run crashtest`: a few SIGKILLs of a real server under load.
it('loses no acknowledged event and applies none twice across SIGKILLs', async () => {
  const report = await runCrashTest({ kills: 3 });
  expect(report.problems).toEqual([]);
  expect(report.acknowledged).toBeGreaterThan(0);
}, 240_000);
