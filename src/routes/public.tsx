import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workflows } from '../../workflows/index';
import { INSTITUTIONS } from '../../workflows/institutions';
import type { AppEnv } from '../env';
import { HomePage, type ProgrammeCard } from '../../views/pages/home';
import { renderPage } from './render';
import { faviconIco } from './favicon';

const require = createRequire(import.meta.url);
const FAVICON = faviconIco();
const staticDir = join(dirname(fileURLToPath(import.meta.url)), '../../views/static');

// Read once at start: htmx from node_modules (pinned, no CDN) and the site's own files.
const STATIC: Record<string, { body: string; type: string }> = {
  'htmx.js': { body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
  'app.js': { body: readFileSync(join(staticDir, 'app.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
  'app.css': { body: readFileSync(join(staticDir, 'app.css'), 'utf8'), type: 'text/css; charset=utf-8' },
};

function programmeCards(): ProgrammeCard[] {
  return Object.values(workflows).map((w) => {
    return { code: w.code, name: w.name, summary: w.summary, institution: INSTITUTIONS[w.institution].name };
  });
}

export const publicRoutes = new Hono<AppEnv>()
  .get('/', (c) => renderPage(c, '首页 Home', <HomePage programmes={programmeCards()} signedIn={!!c.var.user} />))
  .get('/healthz', (c) => c.json({ ok: true }))
  .get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(FAVICON), 200, { 'Content-Type': 'image/x-icon' });
  })
  .get('/static/:file', (c) => {
    const f = STATIC[c.req.param('file')];
    if (!f) return c.notFound();
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(f.body, 200, { 'Content-Type': f.type });
  });
