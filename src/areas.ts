// The feature areas mounted by createApp. Each area is one Hono sub-app; a new area is one line here.
import type { Hono } from 'hono';
import { auditApi } from './api/audit';
import { caseApi } from './api/cases';
import { decisionApi } from './api/decisions';
import { documentApi } from './api/documents';
import { webhookApi } from './api/webhooks';
import { adminLocationRoutes } from './routes/admin-locations';
import { adminWebhookRoutes } from './routes/admin-webhooks';
import { noticeApi } from './api/notices';
import { apiDocsRoutes } from './routes/api-docs';
import { auditRoutes } from './routes/audit';
import { auditDownloadRoutes } from './routes/audit-downloads';
import { decisionRoutes } from './routes/decisions';
import { noticeRoutes } from './routes/notices';
import { portalArea } from './routes/portal';
import { statsRoutes } from './routes/stats';
import { workbenchRoutes } from './routes/workbench';
import { workbenchCallRoutes } from './routes/workbench-calls';
import type { AppEnv } from './env';

/** Page areas (session cookie, CSRF), mounted at '/'. */
export const pageAreas: Hono<AppEnv>[] = [
  decisionRoutes,
  auditRoutes,
  auditDownloadRoutes,
  statsRoutes,
  portalArea, // applicant portal, programme pages, notifications
  workbenchRoutes, // staff queues, case pages, expert review, CSV
  workbenchCallRoutes, // /workbench/calls: calls for applications (申报指南) and their budgets
  apiDocsRoutes, // /api/docs, the reference of the JSON API
  adminWebhookRoutes, // /admin/webhooks: endpoints, deliveries, replay
  adminLocationRoutes, // /admin/locations: the key undertaking locations (重点承接地)
  noticeRoutes, // /notices, the public notice (公示) and its objection form
];

/** JSON API areas, mounted under /api/v1. */
export const apiAreas: Hono<AppEnv>[] = [caseApi, auditApi, decisionApi, documentApi, webhookApi, noticeApi];
