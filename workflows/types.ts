// The contract between the case engine (src/domain) and the programme workflows.
// Workflows are pure: they import only xstate, zod and this file (and each other's shared pieces).
import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { CaseFigures } from './figures';
import type { InstitutionCode } from './institutions';

export type { InstitutionCode } from './institutions';
import type { FormCheck } from './form-checks';

export type Role = 'applicant' | 'officer' | 'expert' | 'approver' | 'finance' | 'liaison' | 'auditor' | 'admin' | 'system';
export const ROLES: Role[] = ['applicant', 'officer', 'expert', 'approver', 'finance', 'liaison', 'auditor', 'admin'];

export type ProgrammeCode =
  | 'special-fund'
  | 'cdb-infra-loan'
  | 'exim-order-finance'
  | 'sinosure-credit-insurance'
  | 'trade-platform-grant'
  | 'employment-training-subsidy';

export interface Bilingual {
  zh: string;
  en: string;
  /** For a rule's refusal: the event data field it concerns, so pages can show it at that field. */
  field?: string;
}

/** Why a step is refused; `field` names the data field (dotted path) the reason concerns, so
 *  the pages show it there, and `fields` carries one reason per field when the data is invalid. */
export interface Reason extends Bilingual { field?: string; fields?: Record<string, Bilingual> }

/** A figure the workflow itself established, shown beside an event's field (never as its value). */
export interface FieldHint { label: Bilingual; value: number | string; unit?: 'yuan' | 'count' }

/** One choice for a field that picks from what the case holds (a pending request, a buyer). */
export interface FieldChoice { value: string | number; label: Bilingual }

/** Who sends an event. The engine fills this from the logged-in user (or `system` for timers). */
export interface Actor {
  id: number;              // user id; 0 for the system
  role: Role;
  institution: InstitutionCode | null;
  enterpriseId: number | null;
  name: string;
}

/** Where a place stands against the key undertaking locations (重点承接地) as listed when the
 *  application was submitted: on the list; a central or western place off it (the programme
 *  decides, `outsideDesignated`); an eastern place off it or an unknown province (never eligible). */
export type LocationStanding = 'designated' | 'undesignated' | 'ineligible';

/** What a programme does with a central or western project outside the designated locations. */
export type OutsideDesignated = 'refuse' | 'lower-priority';

/** The call for applications (申报指南) a case applies under, as the engine finds it. */
export interface CallFacts { open: boolean; deadline: string; categories: string[]; label: Bilingual; /** Budget not yet committed by approvals. */ budgetLeft: number }

/** Facts the engine looks up before each event, so that machines stay pure. */
export interface CaseFacts {
  now: string;                       // ISO time of the event (a fake clock in tests)
  documentKinds: string[];           // kinds of documents currently attached to the case
  enterprise: {
    id: number;
    province: string;
    industry: string;
    regionEligible: boolean;         // 政策: central/western provinces or designated eastern areas
    standing?: LocationStanding;
  };
  /** Where the project itself is, when the form says (政策 一.(一) concerns the project's location). */
  project?: { province: string; city: string; regionEligible: boolean; standing?: LocationStanding };
  /** The case's call, for programmes that take applications against calls: null when it has none
   *  (the engine then refuses the submission); left out by callers that do not check calls. */
  call?: CallFacts | null;
  /** Expert user ids linked to the applicant enterprise (conflict of interest). */
  conflictedExpertIds: number[];
  noticeDays: number;                // PUBLIC_NOTICE_DAYS setting for new 公示 periods
  /** Ids of the objections the public filed against this case's notice (公示), oldest first. */
  objectionIds?: number[];
  /** Optional: expert user ids the officer may assign (used only for `example` data). */
  expertPool?: number[];
}

/** The event as the machine receives it. `type` is a dotted name such as `officer.approve`. */
export interface WorkflowEvent {
  type: string;
  data: Record<string, unknown>;
  comment?: string;
  actor: Actor;
  facts: CaseFacts;
}

export interface EventSpec {
  type: string;
  label: Bilingual;
  /** Roles that may send it. A liaison may send it only for its own institution's programme
   *  and an applicant only for its own enterprise's case: the engine checks those two. */
  roles: Role[];
  /** zod schema of `data` (use z.object({}).strict() when no data is needed). */
  schema: z.ZodType;
  /** A step that cannot be undone (a decision, a payment, a withdrawal, closing the case): the
   *  pages ask the person to confirm it, naming the case and the amount. */
  irreversible: boolean;
  /** The field of `data` holding the amount decided or paid, named in that confirmation. */
  amountField?: string;
}

export interface DocumentKind { kind: string; label: Bilingual; required: boolean }

/** What a transition decides, for the decision letter (决定书). */
export interface DecisionSpec {
  outcome: string;                   // e.g. 'approved', 'refused', 'loan-committed', 'claim-paid'
  title: Bilingual;                  // e.g. 批复决定 / Approval decision
  amount: number | null;             // in CNY yuan
  conditions: string | null;
  reasons: string | null;
  /** Sections of 商产发〔2011〕473号 cited, in the policy's numbering ('六.(一)'); several
   *  grounds are joined with '、' ('一.(一)、一.(二)'). */
  section: string;
  /** Who prepared the decision; the actor of the event signs it (four eyes: never the same). */
  preparedBy?: number | null;
  /** A decision against the applicant (refusal, failed acceptance, clawback): a government
   *  body's letter then states the remedies (行政复议, 行政诉讼). */
  adverse?: boolean;
}

/** A fact of the case worth a reader's eye (amounts, dates, reasons), read from the context. */
export interface FactSpec<C = any> {
  key: string;
  label: Bilingual;
  kind: 'yuan' | 'text' | 'date' | 'count';
  value(ctx: C): string | number | null | undefined;
}

/** An expert panel member's score (专家评审). */
export interface PanelScore { expertId: number; score: number; opinion: string; at: string }

/** A programme's expert review: who sits on the panel and what they scored. The JSON paths
 *  (within the context) let the database find an expert's cases without reading every one. */
export interface PanelSpec<C = any> {
  members(ctx: C): number[];
  scores(ctx: C): PanelScore[];
  membersPath: string;
  scoresPath: string;
}

/** The kinds of decision a programme issues; `application` marks those that decide the
 *  application itself (supported or not), for the approval rate and the days to a decision. */
export interface DecisionKind { outcome: string; application?: 'positive' | 'negative' }

export interface Workflow<Ctx = any> {
  code: ProgrammeCode;
  version: number;                   // bump when states are renamed or removed
  /** The deciding institution; its staff in `actingRoles` act on the programme's cases. */
  institution: InstitutionCode;
  actingRoles: Role[];
  /** Other institutions that take part, with the roles of theirs that act (CDB: the local
   *  commerce department recommends). Their staff see the programme's cases. */
  partners: Partial<Record<InstitutionCode, Role[]>>;
  name: Bilingual;
  summary: Bilingual;                // what the programme gives, who decides
  referencePrefix: string;           // e.g. 'SF' → SF-2026-000123
  /** 政策 一.(一): a central or western project outside the designated locations is refused, or
   *  taken at a lower priority; the engine judges `regionEligible` by it. */
  outsideDesignated: OutsideDesignated;
  /** Programmes that take applications only against an open call (申报指南): the form field naming
   *  the category a call funds. Null for programmes that take applications at any time. */
  calls: { categoryField: string } | null;
  machine: AnyStateMachine;
  formSchema: z.ZodObject<any>;      // the application form; strict (unknown fields refused)
  formExample: Record<string, unknown>;
  /** Rules relating fields of the form, each shown at its field as the applicant types. */
  formChecks: FormCheck[];
  documents: DocumentKind[];
  events: EventSpec[];
  /** Facts of a case for its pages, in order (zero and empty values are left out by readers). */
  facts: FactSpec<Ctx>[];
  /** Context keys applicants never see (who prepared, the panel, the scores). */
  staffOnly: string[];
  /** The expert review, for programmes that have one. */
  panel: PanelSpec<Ctx> | null;
  /** What the case contributes to the statistics now (workflows/figures.ts), from its context. */
  figures(ctx: Ctx): CaseFigures;
  /** Every outcome a decision of this programme may carry. */
  decisions: DecisionKind[];
  /** Label for each state, keyed by the dotted state value (e.g. 'review.expert'). */
  stateLabels: Record<string, Bilingual>;
  /** Input for machine creation from a new draft's form. */
  initialInput(form: Record<string, unknown>): Record<string, unknown>;
  /** Event types the machine accepts in this state (ignoring guards and roles). */
  eventTypesIn(snapshot: any): string[];
  /** Why the event would be refused now (guards, policy), or null when it would be accepted. */
  refusal(snapshot: any, event: WorkflowEvent): Reason | null;
  /** Figures of the case that bear on the event's fields (proposed, recommended, remaining). */
  fieldHints(snapshot: any, eventType: string): Record<string, FieldHint[]>;
  /** Choices for fields that pick from the case (by field name). */
  fieldChoices(snapshot: any, eventType: string): Record<string, FieldChoice[]>;
  /** Data that would be accepted if sent now (for `allowedEvents[].example`). */
  example(snapshot: any, eventType: string, actor: Actor, facts?: CaseFacts): Record<string, unknown>;
  /** A timed event that is due at `now` for this snapshot (公示 ended, repayment due), or null. */
  dueEvent(snapshot: any, now: string): { type: string; data: Record<string, unknown> } | null;
  /** When the case's next timed event falls due (ISO), for the scheduler's index; null if none. */
  nextDueAt(snapshot: any): string | null;
  /** The decision this step issues, if any (compared between the snapshots before and after). */
  decision(before: any, after: any, event: WorkflowEvent): DecisionSpec | null;
  /** True in states where the case is finished (closed, refused, withdrawn, settled...). */
  isFinal(snapshot: any): boolean;
  /** True when the dotted state accepts no event ever again, timed ones included: a final state,
   *  or one where neither it nor any ancestor has a transition. Computed from the definition. */
  isClosedState(state: string): boolean;
  /** Roles that must act next in this state (for queues and "what to do next"). */
  waitingOn(snapshot: any): Role[];
}
