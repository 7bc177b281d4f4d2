// Accounts for load: citizens registered over HTTP (as real people would), staff logged in with the demo password.
import { idNumberCheckChar } from '../../domain/codes.ts';
import { DEMO_PASSWORD } from '../../server/seed/index.ts';
import { json, multipartFile, SMALL_PDF, type Client } from './http.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];

/** A valid 18-digit 身份证号 for the i-th bench citizen: 安澜 area code, a birth date in 1960–1999, check char. */
export function benchIdNumber(i: number): string {
  const year = 1960 + (i % 40);
  const month = 1 + (Math.floor(i / 40) % 12);
  const day = 1 + (Math.floor(i / 480) % 28);
  const first17 = `340102${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export interface Citizen { username: string; token: string; userId: string; fileId: string }

/** Registers n citizens through POST /api/auth/register and uploads one small PDF for each. */
export async function registerCitizens(client: Client, n: number, tag: string): Promise<Citizen[]> {
  const out: Citizen[] = [];
  for (let i = 0; i < n; i++) {
    const username = `bench-${tag}-${i}`;
    const reg = json<{ token: string; user: { id: string } }>(await client.request('POST', '/api/auth/register', {
      json: {
        username, password: 'Bench2026pw', kind: 'person',
        realName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`,
        idNumber: benchIdNumber(i), phone: `139${String(10000000 + i).slice(-8)}`,
      },
    }), 201);
    const mp = multipartFile('file', `出生医学证明-${i}.pdf`, SMALL_PDF, 'application/pdf');
    const up = json<{ fileId: string }>(await client.request('POST', '/api/files', { token: reg.token, body: mp.body, headers: mp.headers }), 201);
    out.push({ username, token: reg.token, userId: reg.user.id, fileId: up.fileId });
  }
  return out;
}

export async function loginDemo(client: Client, username: string): Promise<string> {
  return json<{ token: string }>(await client.request('POST', '/api/auth/login', { json: { username, password: DEMO_PASSWORD } }), 200).token;
}
