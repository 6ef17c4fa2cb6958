// Who may reach each route of the router's table, by family, as policy.ts and the routes say.
// Every route of app.routes must match one rule: a new route without a rule fails the matrix.
import type { CurrentUser } from '../../src/domain/auth/current-user';
import { canSeeCase, STAFF_ROLES } from '../../src/domain/policy';
import { STATS_ROLES } from '../../src/domain/stats/stats-report';
import { WORKBENCH_ROLES } from '../../src/domain/workbench/staff-case';
import type { CaseRecord } from './fixture';

type Role = CurrentUser['role'];
type User = CurrentUser | null;

/** What a concrete request is about: the case (and whether the document belongs to it), or the decision's case. */
export interface Target { case?: CaseRecord; docOfCase?: boolean; decisionOf?: CaseRecord | null }

export interface RouteRule {
  family: string;
  /** Matched against `METHOD path` of app.routes. */
  route: RegExp;
  /** May this user reach this record through this route? (The status of an allowed POST may still be a 4xx for its body.) */
  allow: (u: User, t: Target) => boolean;
  /** The request spends the actor's credential (logout, token revocation): the walk sends a fresh one. */
  spendsCredential?: boolean;
}

const anyone = () => true;
const signedIn = (u: User) => u !== null;
const roles = (...rs: Role[]) => (u: User) => !!u && rs.includes(u.role);

/** The case (and its document) is visible to this user under policy.ts. */
function seesCase(u: User, t: Target): boolean {
  if (!u || !t.case || t.docOfCase === false) return false;
  if (!canSeeCase(u, t.case.facts)) return false;
  // An expert sees only the cases whose panel names them (none in the walk's records).
  return u.role !== 'expert';
}
const seesDecision = (u: User, t: Target) => !!t.decisionOf && seesCase(u, { case: t.decisionOf });
const both = (a: (u: User, t: Target) => boolean, b: (u: User, t: Target) => boolean) => (u: User, t: Target) => a(u, t) && b(u, t);
/** The workflow's own institution (the first of the programme's institutions) issues and corrects its decisions. */
const issuingStaff = (u: User, t: Target) => seesDecision(u, t) && !!u && u.role === 'liaison' && t.decisionOf?.facts.programmeCode === 'exim-order-finance' && u.institutionCode === 'EXIM';

export const ROUTE_RULES: RouteRule[] = [
  // Public pages and files.
  { family: 'public', route: /^GET \/(|healthz|login|register|programmes|statistics|verify|favicon\.ico)$/, allow: anyone },
  { family: 'public', route: /^GET \/(static|programmes|statistics|verify|invite)\/:/, allow: anyone },
  { family: 'public-form', route: /^POST \/(login|register|lang|invite\/:token)$/, allow: anyone },
  { family: 'session', route: /^POST \/logout$/, allow: anyone, spendsCredential: true },
  { family: 'public-form', route: /^POST \/programmes\/:code\/apply$/, allow: roles('applicant') },
  // The public notice (公示): anyone reads it; the walk's records are none of them under notice,
  // so an objection to any of them is refused (404) whoever sends it.
  { family: 'public', route: /^GET \/(api\/v1\/)?notices$/, allow: anyone },
  { family: 'public-form', route: /^POST \/(api\/v1\/)?notices\/:caseId\/objections$/, allow: () => false },
  { family: 'notifications', route: /^(GET|POST) \/notifications(\/|$)/, allow: signedIn },

  // The applicant portal: applicants, and only their enterprise's cases.
  { family: 'portal', route: /^(GET|POST) \/portal(\/team(\/invite)?)?$/, allow: roles('applicant') },
  { family: 'portal-case', route: /^(GET|POST) \/portal\/cases\/:id/, allow: both(roles('applicant'), seesCase) },

  // Calls for applications (申报指南): the commerce department's officers draft, its approvers open, either closes.
  { family: 'calls', route: /^GET \/workbench\/calls$/, allow: (u) => !!u && ['officer', 'approver'].includes(u.role) && u.institutionCode === 'COMMERCE' },
  { family: 'calls', route: /^POST \/workbench\/calls$/, allow: (u) => !!u && u.role === 'officer' && u.institutionCode === 'COMMERCE' },
  { family: 'calls', route: /^POST \/workbench\/calls\/:id\/open$/, allow: (u) => !!u && u.role === 'approver' && u.institutionCode === 'COMMERCE' },
  { family: 'calls', route: /^POST \/workbench\/calls\/:id\/close$/, allow: (u) => !!u && ['officer', 'approver'].includes(u.role) && u.institutionCode === 'COMMERCE' },
  // The staff workbench: staff and auditors (read only); case pages only for visible cases.
  { family: 'workbench', route: /^GET \/workbench(\/export\.csv)?$/, allow: roles(...WORKBENCH_ROLES) },
  { family: 'workbench-case', route: /^GET \/workbench\/cases\/:id/, allow: both(roles(...WORKBENCH_ROLES), seesCase) },
  { family: 'workbench-case', route: /^POST \/workbench\/cases\/:id\/(events|comments)$/, allow: both(roles(...STAFF_ROLES), seesCase) },
  { family: 'workbench-case', route: /^POST \/workbench\/cases\/:id\/declaration$/, allow: both(roles('expert'), seesCase) },

  // Decisions: whoever sees the case; corrections by the issuing institution's staff.
  { family: 'decision', route: /^GET \/decisions\/:(id|file)/, allow: seesDecision },
  { family: 'decision', route: /^POST \/(api\/v1\/)?decisions\/:id.*\/corrections$/, allow: issuingStaff },
  // Signing or withdrawing a proposed correction: the issuing institution's staff who sign such decisions, or the proposer (exim).
  { family: 'decision', route: /^POST \/(api\/v1\/)?decisions\/corrections\/:(c?id).*\/(sign|withdraw)$/, allow: issuingStaff },

  // The auditor's desk, statistics for staff, administration.
  { family: 'audit-desk', route: /^GET \/audit(\/(results|chain|trail|trail\.csv|decisions\.zip))?$/, allow: roles('auditor') },
  { family: 'audit-desk', route: /^GET \/audit\/cases\/:id/, allow: both(roles('auditor'), seesCase) },
  { family: 'stats', route: /^GET \/stats(\/:table.*)?$/, allow: roles(...STATS_ROLES) },
  { family: 'stats', route: /^POST \/stats\/weights$/, allow: roles('admin') },
  { family: 'stats', route: /^POST \/stats\/targets$/, allow: roles('admin') },
  { family: 'admin', route: /^(GET|POST) \/admin\//, allow: roles('admin') },

  // The JSON API: a bearer token; records not visible are 404.
  { family: 'api-token', route: /^POST \/api\/v1\/tokens$/, allow: anyone },
  { family: 'api-docs', route: /^GET \/api\/(v1\/openapi\.json|docs)$/, allow: anyone },
  { family: 'api-token', route: /^DELETE \/api\/v1\/tokens\/current$/, allow: signedIn, spendsCredential: true },
  { family: 'api', route: /^GET \/api\/v1\/(programmes|programmes\/:code|cases)$/, allow: signedIn },
  { family: 'api', route: /^POST \/api\/v1\/cases$/, allow: roles('applicant') },
  { family: 'api-case', route: /^(GET|POST) \/api\/v1\/cases\/:id/, allow: seesCase },
  // Webhooks: a liaison manages their institution's endpoints, the admin all; auditors read them.
  { family: 'api-webhooks', route: /^GET \/api\/v1\/webhooks$/, allow: roles('liaison', 'admin', 'auditor') },
  { family: 'api-webhooks', route: /^POST \/api\/v1\/webhooks$/, allow: roles('liaison', 'admin') },
  { family: 'api-webhooks', route: /^GET \/api\/v1\/webhooks\/:id/, allow: (u) => !!u && (u.role === 'admin' || u.role === 'auditor' || (u.role === 'liaison' && u.institutionCode === 'EXIM')) },
  { family: 'api-webhooks', route: /^(POST|DELETE) \/api\/v1\/webhooks\/:id/, allow: (u) => !!u && (u.role === 'admin' || (u.role === 'liaison' && u.institutionCode === 'EXIM')) },
  { family: 'api-audit', route: /^GET \/api\/v1\/audit(\/verify)?$/, allow: roles('auditor', 'admin') },
];

/** Middleware and catch-alls (`*`) are not routes of their own: what they guard is walked through the routes. */
export const isMiddleware = (r: { method: string; path: string }) => r.path.endsWith('*');

export function ruleFor(method: string, path: string): RouteRule | undefined {
  return ROUTE_RULES.find((r) => r.route.test(`${method} ${path}`));
}
