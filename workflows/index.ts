// The registry of programme workflows: programme code → workflow (machine, version, schemas).
import { cdbInfraLoan } from './cdb-infra-loan';
import { employmentTrainingSubsidy } from './employment-training-subsidy';
import { eximOrderFinance } from './exim-order-finance';
import { sinosureCreditInsurance } from './sinosure-credit-insurance';
import { specialFund } from './special-fund';
import { tradePlatformGrant } from './trade-platform-grant';
import type { ProgrammeCode, Workflow } from './types';
import { cdbInfraLoan as cdbInfraLoanV1 } from './v1/cdb-infra-loan';
import { eximOrderFinance as eximOrderFinanceV1 } from './v1/exim-order-finance';
import { sinosureCreditInsurance as sinosureCreditInsuranceV1 } from './v1/sinosure-credit-insurance';
import { sinosureCreditInsurance as sinosureCreditInsuranceV2 } from './v2/sinosure-credit-insurance';
import { specialFund as specialFundV1, tradePlatformGrant as tradePlatformGrantV1 } from './v1/government-fund';

export const workflows: Record<ProgrammeCode, Workflow> = {
  'special-fund': specialFund,
  'cdb-infra-loan': cdbInfraLoan,
  'exim-order-finance': eximOrderFinance,
  'sinosure-credit-insurance': sinosureCreditInsurance,
  'trade-platform-grant': tradePlatformGrant,
  'employment-training-subsidy': employmentTrainingSubsidy,
};

export const PROGRAMME_CODES = Object.keys(workflows) as ProgrammeCode[];

/**
 * Adds a programme to the registry at run time, before the server starts (a test's fixture
 * programme): the catalogue, desks, API, statistics and letters read only the registry.
 */
export function registerWorkflow(w: Workflow): void {
  if (Object.hasOwn(workflows, w.code)) throw new Error(`programme ${w.code} is already registered`);
  workflows[w.code] = w;
  PROGRAMME_CODES.push(w.code);
}

/** Earlier versions, kept so that cases begun under them load and finish under their own rules. */
export const EARLIER_VERSIONS: Workflow[] = [cdbInfraLoanV1, eximOrderFinanceV1, sinosureCreditInsuranceV1, sinosureCreditInsuranceV2, specialFundV1, tradePlatformGrantV1];

/** The workflow of a programme: the current version, or the one a stored case was saved by. */
export function workflowFor(code: string, version?: number): Workflow | undefined {
  if (!Object.hasOwn(workflows, code)) return undefined;
  const current = workflows[code as ProgrammeCode];
  if (version === undefined || version === current.version) return current;
  return EARLIER_VERSIONS.find((w) => w.code === code && w.version === version);
}

export { INDUSTRIES } from './policy-lists';
export type * from './types';
