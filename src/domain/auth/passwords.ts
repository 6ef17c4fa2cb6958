import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// OWASP ASVS 5 appendix C: scrypt N=2^15, r=8, p=3. Memory is 128·N·r = 32 MiB per hash,
// above Node's default maxmem, hence the raise.
const R = 8;
const P = 3;
const KEYLEN = 32;

/** At most two hashes at once: a burst of logins queues instead of starving the server. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return withHashSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

function checkPasswordRules(password: string): void {
  if (password.length < PASSWORD_MIN) {
    throw new AppError('UNPROCESSABLE', `密码至少 ${PASSWORD_MIN} 个字符 / The password needs at least ${PASSWORD_MIN} characters.`);
  }
  if (password.length > PASSWORD_MAX) {
    throw new AppError('UNPROCESSABLE', `密码最多 ${PASSWORD_MAX} 个字符 / The password may have at most ${PASSWORD_MAX} characters.`);
  }
}

/** Format: scrypt$logN$r$p$salt$hash (base64url), so the cost can rise without breaking old hashes. */
export async function hashPassword(password: string, logN: number): Promise<string> {
  checkPasswordRules(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, 2 ** logN, R, P);
  return ['scrypt', logN, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, logN, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash || password.length > PASSWORD_MAX) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), 2 ** Number(logN), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(logN: number): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password', logN);
  return dummyHash;
}
