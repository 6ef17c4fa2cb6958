import { expect, it } from 'vitest';
import { runCrashTest } from '../../src/scripts/crashtest-lib';

// The short version of `npm run crashtest`: a few SIGKILLs of a real server under load, each
// followed by the supervisor's restart (Restart=always), with clients retrying what went unanswered.
it('loses nothing across SIGKILLs and supervisor restarts: every event answered, each applied at most once', async () => {
  const report = await runCrashTest({ kills: 3 });
  expect(report.problems).toEqual([]);
  expect(report.restarts).toBe(3);
  expect(report.unanswered).toBe(0);
  expect(report.acknowledged).toBeGreaterThan(0);
}, 240_000);
