// The registry of programme workflows: programme code → workflow (machine, version, schemas).
import { cdbInfraLoan } from './cdb-infra-loan';
import { eximOrderFinance } from './exim-order-finance';
import { sinosureCreditInsurance } from './sinosure-credit-insurance';
import { specialFund } from './special-fund';
import { tradePlatformGrant } from './trade-platform-grant';
import type { ProgrammeCode, Workflow } from './types';

export const workflows: Record<ProgrammeCode, Workflow> = {
  'special-fund': specialFund,
  'cdb-infra-loan': cdbInfraLoan,
  'exim-order-finance': eximOrderFinance,
  'sinosure-credit-insurance': sinosureCreditInsurance,
  'trade-platform-grant': tradePlatformGrant,
};

export const PROGRAMME_CODES = Object.keys(workflows) as ProgrammeCode[];

export function workflowFor(code: string): Workflow | undefined {
  return Object.hasOwn(workflows, code) ? workflows[code as ProgrammeCode] : undefined;
}

export { INDUSTRIES, FORBIDDEN_PRODUCTS, PROVINCES } from './policy-lists';
export type * from './types';
