// The feature areas mounted by createApp. Each area is one Hono sub-app; a new area is one line here.
import type { Hono } from 'hono';
import { auditApi } from './api/audit';
import { caseApi } from './api/cases';
import type { AppEnv } from './env';

/** Page areas (session cookie, CSRF), mounted at '/'. */
export const pageAreas: Hono<AppEnv>[] = [];

/** JSON API areas, mounted under /api/v1. */
export const apiAreas: Hono<AppEnv>[] = [caseApi, auditApi];
