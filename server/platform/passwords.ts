// scrypt password hashes: scrypt$N$r$p$salt$hash (base64url).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pw, salt, len, opts, (e, k) => (e ? rej(e) : res(k))));

const STRONG = { N: 16384, r: 8, p: 1 };
/** Only for tests and benchmarks (TONGBAN_FAST_HASH=1 outside production). */
const FAST = { N: 1024, r: 8, p: 1 };

export async function hashPassword(password: string, fast = false): Promise<string> {
  const o = fast ? FAST : STRONG;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { ...o, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', o.N, o.r, o.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** At least 8 characters with letters and digits. Returns a Chinese message when too weak. */
export function passwordProblem(pw: string): string | undefined {
  if (pw.length < 8) return '密码至少 8 位';
  if (pw.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return '密码须同时包含字母和数字';
  return undefined;
}
