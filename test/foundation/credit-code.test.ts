import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem } from '../../src/domain/reference/credit-code';

// Codes in the real format of GB 32100-2015 (published on business licences).
const VALID = ['91350100M000100Y43', '91110000600037341L', '91310000MA1FL4B24G', '91500000MA5U000010', '91410100MA3X00002E'];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(creditCodeProblem(' 91310000ma1fl4b24g ')).toBeNull();
  });

  it.each(VALID)('refuses %s with any other check character', (code) => {
    for (const other of '0123456789ABCDEFGHJKLMNPQRTUWXY'.replace(code[17]!, '')) {
      expect(creditCodeProblem(code.slice(0, 17) + other)?.en).toMatch(/check character/);
    }
  });

  it('refuses a swap of two characters (what the check character is for)', () => {
    expect(creditCodeProblem('91530100M000100Y43')).not.toBeNull();
  });

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y431'],
    ['empty', ''],
  ])('refuses a code of the wrong length (%s)', (_label, code) => {
    expect(creditCodeProblem(code)?.en).toMatch(/18 characters/);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the letter %s, which the alphabet leaves out', (ch) => {
    expect(creditCodeProblem(`91350100M000100${ch}43`)?.en).toMatch(/invalid characters/);
  });

  it('refuses punctuation', () => {
    expect(creditCodeProblem('91350100M000100-43')?.en).toMatch(/invalid characters/);
  });

  it('refuses a division code (characters 3–8) that is not all digits', () => {
    // Check character recomputed so that only the division code is wrong.
    const first17 = '9135A100M000100Y4';
    const code = first17 + creditCodeCheckChar(first17);
    expect(creditCodeProblem(code)?.en).toMatch(/administrative division/);
  });

  it('refuses an unknown registration authority (1st character)', () => {
    const first17 = '01350100M000100Y4';
    expect(creditCodeProblem(first17 + creditCodeCheckChar(first17))?.en).toMatch(/registration authority/);
  });
});
