// 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet
// (no I, O, S, V, Z); the last one is a check character over the first 17.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns null when valid, or the reason it is not (bilingual). */
export function creditCodeProblem(raw: string): { zh: string; en: string } | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { zh: '统一社会信用代码应为18位', en: 'The unified social credit code must have 18 characters' };
  if (![...code].every((ch) => ALPHABET.includes(ch))) {
    return { zh: '统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）', en: 'The code contains invalid characters (I, O, S, V and Z are not used)' };
  }
  if (!/^[1-9AGNY]/.test(code)) return { zh: '登记管理部门代码无效', en: 'The registration authority code (1st character) is invalid' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { zh: '行政区划码（第3-8位）应为数字', en: 'Characters 3–8 (administrative division code) must be digits' };
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (check !== code[17]) return { zh: '校验码不正确，请核对统一社会信用代码', en: 'The check character is wrong; please check the code' };
  return null;
}

export function normaliseCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}
