// Who may see and do what. Routes, the API and the engine all ask here; nowhere else decides.
import { PROGRAMME_CODES, workflowFor } from '../../workflows/index';
import type { EventSpec, InstitutionCode, PanelScore, PanelSpec, Role } from '../../workflows/types';
import type { CurrentUser } from './auth/current-user';
import { AppError } from './errors';
import { parsedSnapshot } from './cases/parsed-snapshot';

/** The panel's members and scores, tolerating a context that lacks them (a case stored by hand). */
export const panelMembers = (p: PanelSpec, ctx: Record<string, unknown>): number[] => {
  const v = p.members(ctx);
  return Array.isArray(v) ? v : [];
};
export const panelScores = (p: PanelSpec, ctx: Record<string, unknown>): PanelScore[] => {
  const v = p.scores(ctx);
  return Array.isArray(v) ? v : [];
};

/** The institutions that take part in a programme, the deciding one first (its declaration in workflows/). */
export function programmeInstitutions(code: string): InstitutionCode[] {
  const w = workflowFor(code);
  return w ? [w.institution, ...(Object.keys(w.partners) as InstitutionCode[])] : [];
}

/** The roles of this institution's staff that act on the programme's cases. */
function actingRoles(code: string, institution: InstitutionCode | null): Role[] {
  const w = workflowFor(code);
  if (!w || !institution) return [];
  return institution === w.institution ? w.actingRoles : w.partners[institution] ?? [];
}

/** Programmes whose submitted cases this staff user may see (auditors: all). */
export function visibleProgrammes(user: CurrentUser): string[] | 'all' | 'own-enterprise' | 'none' {
  switch (user.role) {
    case 'applicant': return 'own-enterprise';
    case 'auditor': return 'all';
    case 'admin': return 'none';
    default: {
      if (!user.institutionCode) return [];
      return PROGRAMME_CODES.filter((p) => programmeInstitutions(p).includes(user.institutionCode!));
    }
  }
}

export interface CaseAccessFacts { id?: number; programmeCode: string; enterpriseId: number; submittedAt: string | null; snapshot?: string | null }

/** An expert is on the case's panel (or has scored it); the programme declares where its panel is. */
function expertOnCase(user: CurrentUser, c: CaseAccessFacts): boolean {
  const panel = workflowFor(c.programmeCode)?.panel;
  if (!c.snapshot || !panel) return false;
  const ctx = c.id === undefined ? (JSON.parse(c.snapshot) as { context?: Record<string, unknown> }).context ?? {} : parsedSnapshot({ id: c.id, snapshot: c.snapshot }).context;
  return panelMembers(panel, ctx).includes(user.id) || panelScores(panel, ctx).some((s) => s?.expertId === user.id);
}

/** Drafts are the enterprise's own; once submitted, staff of the programme's institutions and auditors see it. */
export function canSeeCase(user: CurrentUser, c: CaseAccessFacts): boolean {
  const scope = visibleProgrammes(user);
  if (scope === 'own-enterprise') return user.enterpriseId !== null && user.enterpriseId === c.enterpriseId;
  if (c.submittedAt === null) return false;
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  // Experts review the cases assigned to them, never the rest of the department's (issue 5).
  if (user.role === 'expert' && !expertOnCase(user, c)) return false;
  return scope.includes(c.programmeCode);
}

/** May this user send this event on this case (ignoring the state, which the workflow decides)? */
export function canSendEvent(user: CurrentUser, c: CaseAccessFacts, spec: EventSpec): boolean {
  if (user.role === 'auditor' || user.role === 'admin') return false; // auditors change nothing
  if (!canSeeCase(user, c)) return false;
  if (!spec.roles.includes(user.role)) return false;
  if (user.role === 'applicant') return true; // its own enterprise's case (canSeeCase)
  // Staff act only in the roles their institution holds on this programme (a bank's liaison
  // on its own bank's programme, the commerce department's officer on CDB's recommendation).
  return actingRoles(c.programmeCode, user.institutionCode).includes(user.role);
}

export function requireRole(user: CurrentUser | null, ...roles: CurrentUser['role'][]): CurrentUser {
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!roles.includes(user.role)) throw new AppError('FORBIDDEN');
  return user;
}

export const STAFF_ROLES: CurrentUser['role'][] = ['officer', 'expert', 'approver', 'finance', 'liaison'];
