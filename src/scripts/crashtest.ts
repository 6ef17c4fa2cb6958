// npm run crashtest [-- kills]: SIGKILL the server under load many times and check every restart.
import { runCrashTest } from './crashtest-lib';

const kills = Number(process.argv[2] ?? process.env.CRASH_KILLS ?? 25);
// With DATABASE_URL: two servers on that PostgreSQL database, one of them killed.
const report = await runCrashTest({ kills, log: (s) => console.log(s), databaseUrl: process.env.DATABASE_URL });
console.log(JSON.stringify(report, null, 2));
process.exit(report.problems.length === 0 ? 0 : 1);
