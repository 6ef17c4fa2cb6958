// Demo cases that bring every desk to life. They are made by driving the real engine (createCase,
// uploadDocument, applyEvent as the demo users) on a clock set in the past, so every history,
// decision and audit row is genuine and "days in state" and overdue marks have something to show.
import { users } from '../../db/schema/index';
import { workflowFor } from '../../../workflows/index';
import type { Workflow } from '../../../workflows/types';
import { userFromRow, toActor, type CurrentUser } from '../auth/current-user';
import { applyEvent } from '../cases/apply-event';
import { caseFacts } from '../cases/case-facts';
import { createCase } from '../cases/create-case';
import { getCaseRow, restoreSnapshot } from '../cases/load-case';
import { FakeClock, type Deps } from '../deps';
import { uploadDocument } from '../documents/upload-document';
import { canSendEvent } from '../policy';
import { declareInterest, expertAccess } from '../workbench/expert-review';

/** A case to make: programme, applicant, and the steps; `type@user` names who sends it, `type*` repeats while the state stays. */
interface DemoCase { programme: string; applicant: 'ent1' | 'ent2'; steps: string[]; share?: number }

const GOV_REVIEW = ['applicant.submit', 'officer.accept', 'officer.pass-screening', 'officer.assign-experts@officer'];
const GOV_SCORED = [...GOV_REVIEW, 'expert.score@expert1', 'expert.score@expert2'];
const GOV_NOTICE = [...GOV_SCORED, 'officer.recommend'];
const GOV_APPROVAL = [...GOV_NOTICE, 'system.notice-ended'];
const GOV_APPROVED = [...GOV_APPROVAL, 'approver.approve'];
// The finance side pays: one prepares each payment, the other releases it (four eyes).
const GOV_PAY = ['finance.prepare-payment@finance', 'finance.release-payment@finance2'];
const GOV_PAID = [...GOV_APPROVED, ...GOV_PAY, ...GOV_PAY];
const GOV_ACCEPTANCE = [...GOV_PAID, 'officer.propose-acceptance'];
const CDB_DD = ['applicant.submit', 'officer.recommend-locally'];
const CDB_COMMITTEE = [...CDB_DD, 'liaison.submit-to-committee@cdb'];
const CDB_CONTRACT = [...CDB_COMMITTEE, 'liaison.committee-approve@cdb2'];
const EXIM_VERIFIED = ['applicant.submit', 'liaison.verify-order@exim2'];
const EXIM_APPROVED = [...EXIM_VERIFIED, 'liaison.approve-financing@exim'];
const SINO_ISSUANCE = ['applicant.submit', 'liaison.start-underwriting@sinosure', 'liaison.prepare-policy@sinosure'];
const SINO_ACTIVE = [...SINO_ISSUANCE, 'liaison.issue-policy@sinosure2'];
const ETS_APPROVED = ['applicant.submit', 'officer.accept@hr', 'officer.recommend@hr', 'approver.approve@hr2'];

export const DEMO_CASES: DemoCase[] = [
  { programme: 'special-fund', applicant: 'ent1', steps: ['applicant.submit'] },
  { programme: 'special-fund', applicant: 'ent2', steps: ['applicant.submit', 'officer.accept'] },
  { programme: 'special-fund', applicant: 'ent1', steps: ['applicant.submit', 'officer.accept'], share: 0.6 },
  { programme: 'special-fund', applicant: 'ent2', steps: ['applicant.submit', 'officer.accept', 'officer.return'] },
  { programme: 'special-fund', applicant: 'ent1', steps: ['applicant.submit', 'officer.accept', 'officer.pass-screening'] },
  { programme: 'special-fund', applicant: 'ent2', steps: GOV_REVIEW },
  { programme: 'special-fund', applicant: 'ent1', steps: [...GOV_REVIEW, 'expert.score@expert1'] },
  { programme: 'special-fund', applicant: 'ent2', steps: GOV_NOTICE },
  { programme: 'special-fund', applicant: 'ent1', steps: GOV_APPROVAL },
  { programme: 'special-fund', applicant: 'ent2', steps: GOV_APPROVED },
  { programme: 'special-fund', applicant: 'ent1', steps: [...GOV_ACCEPTANCE, 'approver.accept', ...GOV_PAY] },
  // A failed acceptance, a signed clawback decision and a first repayment (追回).
  { programme: 'special-fund', applicant: 'ent2', steps: [...GOV_ACCEPTANCE, 'approver.fail-acceptance', 'officer.propose-clawback', 'approver.sign-clawback', 'finance.record-repayment@finance'] },
  { programme: 'special-fund', applicant: 'ent2', steps: ['applicant.submit', 'officer.accept', 'officer.reject', 'approver.sign-refusal'] },
  { programme: 'trade-platform-grant', applicant: 'ent1', steps: ['applicant.submit'] },
  { programme: 'trade-platform-grant', applicant: 'ent2', steps: GOV_SCORED },
  { programme: 'trade-platform-grant', applicant: 'ent1', steps: GOV_APPROVAL, share: 0.7 },
  { programme: 'trade-platform-grant', applicant: 'ent2', steps: GOV_PAID },
  { programme: 'trade-platform-grant', applicant: 'ent1', steps: [...GOV_APPROVAL, 'approver.refuse'] },
  { programme: 'cdb-infra-loan', applicant: 'ent1', steps: ['applicant.submit'] },
  { programme: 'cdb-infra-loan', applicant: 'ent2', steps: CDB_DD },
  { programme: 'cdb-infra-loan', applicant: 'ent1', steps: CDB_COMMITTEE },
  { programme: 'cdb-infra-loan', applicant: 'ent2', steps: CDB_CONTRACT },
  { programme: 'cdb-infra-loan', applicant: 'ent1', steps: [...CDB_CONTRACT, 'liaison.sign-contract@cdb', 'liaison.record-conditions@cdb', 'liaison.drawdown@cdb'] },
  { programme: 'exim-order-finance', applicant: 'ent1', steps: ['applicant.submit'] },
  { programme: 'exim-order-finance', applicant: 'ent2', steps: EXIM_VERIFIED },
  { programme: 'exim-order-finance', applicant: 'ent1', steps: EXIM_VERIFIED, share: 0.5 },
  { programme: 'exim-order-finance', applicant: 'ent2', steps: EXIM_APPROVED },
  { programme: 'exim-order-finance', applicant: 'ent1', steps: [...EXIM_APPROVED, 'liaison.disburse@exim', 'liaison.record-repayment*'] },
  { programme: 'sinosure-credit-insurance', applicant: 'ent2', steps: ['applicant.submit'] },
  { programme: 'sinosure-credit-insurance', applicant: 'ent1', steps: SINO_ISSUANCE },
  { programme: 'sinosure-credit-insurance', applicant: 'ent2', steps: SINO_ACTIVE },
  // Two buyers' limits, a shipment to each; buyer one defaults (claim paid, then part recovered), buyer two
  // pays late (loss averted); a later shipment, and the premium invoiced and paid.
  { programme: 'sinosure-credit-insurance', applicant: 'ent1', steps: [...SINO_ACTIVE, 'liaison.approve-limit@sinosure', 'applicant.request-limit', 'liaison.approve-limit@sinosure',
    'applicant.declare-shipment', 'applicant.declare-shipment', 'applicant.notify-loss', 'applicant.file-claim', 'liaison.prepare-claim@sinosure', 'liaison.pay-claim@sinosure2',
    'applicant.notify-loss', 'liaison.record-loss-averted@sinosure2', 'applicant.declare-shipment', 'liaison.invoice-premium@sinosure', 'liaison.record-premium@sinosure2',
    'liaison.record-recovery@sinosure'] },
  // Half drawn, then the rest cancelled at the borrower's request (prepared by one liaison, signed by the other).
  // Two disbursements, then one extension (展期) of the repayment date by a signed decision.
  { programme: 'exim-order-finance', applicant: 'ent2', steps: [...EXIM_APPROVED, 'liaison.disburse@exim', 'liaison.disburse@exim', 'liaison.prepare-extension@exim', 'liaison.sign-decision@exim2'] },
  { programme: 'cdb-infra-loan', applicant: 'ent2', steps: [...CDB_CONTRACT, 'liaison.sign-contract@cdb', 'liaison.record-conditions@cdb', 'liaison.drawdown@cdb', 'liaison.prepare-cancellation@cdb', 'liaison.sign-decision@cdb2'] },
  // 就业培训补贴 (政策 五.(一)): one awaiting the 人社 review, one in training, one paid on verified trainees.
  { programme: 'employment-training-subsidy', applicant: 'ent1', steps: ['applicant.submit', 'officer.accept@hr'] },
  { programme: 'employment-training-subsidy', applicant: 'ent2', steps: ETS_APPROVED },
  { programme: 'employment-training-subsidy', applicant: 'ent1', steps: [...ETS_APPROVED, 'officer.verify-completion@hr', 'approver.pay@hr2'] },
  // Last, so that its public notice (公示) is still running: /notices has something to show.
  { programme: 'special-fund', applicant: 'ent1', steps: GOV_NOTICE },
];

const HOUR = 3_600_000;
/** A one-page PDF: enough for the file-type check and for download. */
const DEMO_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Creates the demo cases; returns how many were made. A step the engine refuses ends that case where it stands. */
export function seedDemoCases(deps: Deps, log: (msg: string) => void = () => {}): number {
  const all = deps.db.select().from(users).all().map(userFromRow);
  const byKey = new Map(all.map((u) => [u.email.split('@')[0]!, u]));
  // History runs over the last ~40 days, one demo case after another, a few hours per step, and
  // never reaches the present: early cases are past their time limits, recent ones are not.
  const latest = deps.clock.now().getTime() - HOUR;
  const days = Math.max(40, DEMO_CASES.length * 1.2 + 2);
  const clock = new FakeClock(new Date(latest - days * 24 * HOUR));
  const demo: Deps = { ...deps, clock };
  let made = 0;
  DEMO_CASES.forEach((spec, i) => {
    const w = workflowFor(spec.programme);
    const applicant = byKey.get(spec.applicant);
    if (!w || !applicant) return;
    clock.set(new Date(latest - (days - i * 1.2) * 24 * HOUR));
    try {
      const row = createCase(demo, applicant, { programme: w.code, form: demoForm(w, applicant, spec.share) });
      for (const d of w.documents) uploadDocument(demo, applicant, row.id, { kind: d.kind, filename: `${d.kind}.pdf`, bytes: DEMO_PDF });
      made += 1;
      for (const step of spec.steps) {
        clock.set(new Date(Math.min(latest, clock.now().getTime() + (3 + ((i * 7) % 12)) * HOUR)));
        if (!runStep(demo, w, row.id, step, all, applicant)) { log(`demo ${row.reference}: stopped before ${step}`); break; }
      }
    } catch (err) {
      log(`demo case ${spec.programme} #${i}: ${(err as Error).message}`);
    }
  });
  return made;
}

function demoForm(w: Workflow, applicant: CurrentUser, share = 1): Record<string, unknown> {
  const form = structuredClone(w.formExample) as Record<string, unknown>;
  if (typeof form.requestedAmount === 'number' && share < 1) form.requestedAmount = Math.max(100_000, Math.round((form.requestedAmount * share) / 10_000) * 10_000);
  if (applicant.email.startsWith('ent2')) { form.province = '河南'; if ('city' in form) form.city = '郑州市'; }
  else { form.province = '重庆'; if ('city' in form) form.city = '重庆市'; }
  return form;
}

/** Sends one step as the named user, or as the first demo user whose role and the guards allow it. */
function runStep(deps: Deps, w: Workflow, caseId: number, step: string, all: CurrentUser[], applicant: CurrentUser): boolean {
  const repeat = step.endsWith('*');
  const [type, who] = step.replace(/\*$/, '').split('@') as [string, string | undefined];
  for (let n = 0; n < (repeat ? 6 : 1); n++) {
    const row = getCaseRow(deps, caseId)!;
    if (row.isFinal) return repeat;
    if (type.startsWith('system.')) {
      const at = w.nextDueAt(restoreSnapshot(w, row));
      if (at) (deps.clock as FakeClock).set(new Date(Date.parse(at) + HOUR));
      applyEvent(deps, null, { caseId, type, expectedVersion: row.version });
      return true;
    }
    const spec = w.events.find((e) => e.type === type);
    if (!spec) return false;
    const candidates = type.startsWith('applicant.') ? [applicant]
      : all.filter((u) => (!who || u.email.startsWith(`${who}@`)) && canSendEvent(u, row, spec));
    const snapshot = restoreSnapshot(w, row);
    const facts = caseFacts(deps, row);
    const sender = candidates.find((u) => w.refusal(snapshot, { type, data: w.example(snapshot, type, toActor(u), facts), actor: toActor(u), facts }) === null);
    if (!sender) return repeat && n > 0;
    // Experts declare no conflict before they score, as the workbench requires of them.
    if (sender.role === 'expert' && expertAccess(deps, sender, row) === 'must-declare') declareInterest(deps, sender, caseId, { conflict: false });
    const data = w.example(snapshot, type, toActor(sender), facts);
    const after = applyEvent(deps, sender, { caseId, type, data, expectedVersion: row.version }).row;
    if (!repeat || after.state !== row.state) return true;
    (deps.clock as FakeClock).advance(24 * HOUR); // same state: the next tranche a day later
  }
  return true;
}
