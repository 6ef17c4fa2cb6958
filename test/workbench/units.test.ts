import { describe, expect, it } from 'vitest';
import { eventJsonSchema } from '../../src/domain/cases/case-view';
import { caseTiming, STAFF_STAGE_DAYS } from '../../src/domain/workbench/case-timing';
import { csvCell } from '../../src/domain/csv/csv-cell';
import { eventDataFromForm } from '../../src/domain/workbench/event-input';
import { STAGES } from '../../src/domain/workbench/stages';
import { workflowFor } from '../../workflows/index';

const schemaOf = (programme: string, type: string) => eventJsonSchema(workflowFor(programme)!.events.find((e) => e.type === type)!);

describe('event form fields back to event data', () => {
  it('converts numbers, keeps required texts, drops empty optional ones', () => {
    expect(eventDataFromForm(schemaOf('special-fund', 'expert.score'), { 'd.score': '82.5', 'd.opinion': '可行' })).toEqual({ score: 82.5, opinion: '可行' });
    expect(eventDataFromForm(schemaOf('special-fund', 'officer.pass-screening'), { 'd.note': '' })).toEqual({});
    expect(eventDataFromForm(schemaOf('special-fund', 'approver.approve'), { 'd.amount': '1000', 'd.conditions': '' })).toEqual({ amount: 1000, conditions: '' });
  });

  it('reads checkbox groups, comma lists of ids and rows of a list (empty rows dropped)', () => {
    expect(eventDataFromForm(schemaOf('special-fund', 'officer.assign-experts'), { 'd.expertIds[]': ['4', '5'] })).toEqual({ expertIds: [4, 5] });
    expect(eventDataFromForm(schemaOf('special-fund', 'officer.assign-experts'), { 'd.expertIds': '4, 5，6' })).toEqual({ expertIds: [4, 5, 6] });
    const sign = eventDataFromForm(schemaOf('cdb-infra-loan', 'liaison.sign-contract'), {
      'd.contractNo': 'C-1', 'd.schedule.0.dueDate': '2027-01-01', 'd.schedule.0.amount': '5',
      'd.schedule.1.dueDate': '', 'd.schedule.1.amount': '', 'd.schedule.2.dueDate': '2028-01-01', 'd.schedule.2.amount': '7万',
    });
    // A mistyped amount stays text, so the schema's message names the field.
    expect(sign).toEqual({ contractNo: 'C-1', schedule: [{ dueDate: '2027-01-01', amount: 5 }, { dueDate: '2028-01-01', amount: '7万' }] });
    // A JSON text is not read as a list any more: the form has rows.
    expect(eventDataFromForm(schemaOf('cdb-infra-loan', 'liaison.sign-contract'), { 'd.schedule': '[{"dueDate":"2027-01-01","amount":5}]' })).toEqual({});
  });

  it('ignores fields the schema does not name', () => {
    expect(eventDataFromForm(schemaOf('special-fund', 'finance.prepare-payment'), { 'd.amount': '5', 'd.extra': 'x', amount: '9' })).toEqual({ amount: 5 });
  });
});

describe('CSV cells', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('""');
    expect(csvCell('plain')).toBe('"plain"'); // every cell quoted: a ';' locale still sees one cell
    expect(csvCell('x;=cmd()|+y\t-z\n@w')).toBe(`"x;'=cmd()|'+y\t'-z\n'@w"`); // defused after any separator
    expect(csvCell('2026-01-01 a-b')).toBe('"2026-01-01 a-b"'); // a hyphen inside text is left alone
    expect(csvCell(-5)).toBe('"-5"'); // numbers stay numbers
  });
});

describe('days in state and deadlines', () => {
  const now = new Date('2026-03-02T00:00:00Z');
  it('counts whole days and marks a staff stage overdue after the time limit', () => {
    const base = { programmeCode: 'special-fund', state: 'review.preliminary', dueAt: null, isFinal: false };
    expect(caseTiming({ ...base, stateSince: '2026-02-20T00:00:00Z' }, now)).toMatchObject({ daysInState: 10, overdue: false });
    expect(caseTiming({ ...base, stateSince: new Date(now.getTime() - (STAFF_STAGE_DAYS + 1) * 86_400_000).toISOString() }, now).overdue).toBe(true);
  });
  it('uses the timed deadline where there is one, and never marks applicant stages or finished cases', () => {
    expect(caseTiming({ programmeCode: 'special-fund', state: 'publicNotice', stateSince: '2026-02-01T00:00:00Z', dueAt: '2026-03-05T00:00:00Z', isFinal: false }, now).overdue).toBe(false);
    expect(caseTiming({ programmeCode: 'special-fund', state: 'amendment', stateSince: '2025-01-01T00:00:00Z', dueAt: null, isFinal: false }, now).overdue).toBe(false);
    expect(caseTiming({ programmeCode: 'special-fund', state: 'closed', stateSince: '2025-01-01T00:00:00Z', dueAt: null, isFinal: true }, now).overdue).toBe(false);
  });
});

describe('stages', () => {
  it('knows every leaf state of every programme and who it waits on', () => {
    expect(STAGES.find((s) => s.programme === 'special-fund' && s.state === 'approval')?.waitingOn).toEqual(['approver']);
    expect(STAGES.find((s) => s.programme === 'exim-order-finance' && s.state === 'creditApproval')?.waitingOn).toEqual(['liaison']);
    // Parents are never stored: no stage is the parent of another stage of its programme.
    expect(STAGES.filter((s) => STAGES.some((t) => t.programme === s.programme && t.state.startsWith(`${s.state}.`)))).toEqual([]);
    expect(STAGES.some((s) => s.programme === 'special-fund' && s.state === 'review')).toBe(false);
  });
});
