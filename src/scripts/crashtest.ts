// npm run crashtest [-- kills]: SIGKILL the server under load many times and check every restart.
import { runCrashTest } from './crashtest-lib';

const kills = Number(process.argv[2] ?? process.env.CRASH_KILLS ?? 25);
const report = await runCrashTest({ kills, log: (s) => console.log(s) });
console.log(JSON.stringify(report, null, 2));
process.exit(report.problems.length === 0 ? 0 : 1);
