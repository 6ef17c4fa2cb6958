// Starts the server. Everything else lives in createApp and the domain.
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { databaseName, openConfiguredDatabase } from './db/engine';
import { systemClock, type Deps } from './domain/deps';
import { startBackgroundWork } from './domain/setup/start';
import { rendererPool } from './pdf/render-service';

const config = loadConfig();
const db = await openConfiguredDatabase(config);
const pdf = rendererPool(config.PDF_RENDERERS);
const deps: Deps = { db, config, clock: systemClock, pdf };
await startBackgroundWork(deps);
const app = createApp(deps);
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  if (config.LOG_LEVEL !== 'silent') console.log(`Chengjie listening on http://${info.address}:${info.port} (database ${databaseName(config)})`);
  // For the test harness, which starts servers on PORT=0 and must learn the port it got.
  if (process.env.REPORT_LISTENING === '1') console.log(JSON.stringify({ listening: info.port }));
});

function shutdown() {
  server.close();
  pdf.close();
  db.$client.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
