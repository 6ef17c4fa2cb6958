import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { openApiDocument } from './document';

/** The machine-readable contract; public, like the prose one. */
export const openApiRoute = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()));
