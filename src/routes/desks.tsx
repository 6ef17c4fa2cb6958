import { Hono } from 'hono';
import type { AppEnv } from '../env';

/**
 * Each role's desk. The portal, workbench and audit areas now mount their own pages (src/areas.ts);
 * this sub-app stays as the place for a desk that has no area of its own yet.
 */
export const deskRoutes = new Hono<AppEnv>();
