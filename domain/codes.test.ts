import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  idNumberCheckChar,
  isValidIdNumber,
  usccCheckChar,
  isValidUscc,
  maskIdNumber,
  maskPhone,
  maskName,
  PHONE_PATTERN,
} from './codes.ts';

/** mulberry32: small seeded PRNG so the random cases are reproducible. */
function mulberry32(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * GB 11643 check character written independently of codes.ts: ISO 7064 MOD 11-2, weights 2^(17-i) mod 11,
 * check value (12 - sum mod 11) mod 11, 10 written as X.
 */
function referenceIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

const USCC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100 check character written independently of codes.ts: weights 3^i mod 31. */
function referenceUsccCheck(first17: string): string {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_SET.indexOf(first17[i]!) * w;
    w = (w * 3) % 31;
  }
  return USCC_SET[(31 - (sum % 31)) % 31]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A random valid-looking 17-digit 身份证 body with a real birth date between 1920 and 2019. */
function randomIdBody(rnd: () => number): string {
  const area = pad(110000 + Math.floor(rnd() * 540000), 6);
  const birth = new Date(Date.UTC(1920, 0, 1) + Math.floor(rnd() * 36500) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const seq = pad(Math.floor(rnd() * 1000), 3);
  return area + ymd + seq;
}

// ---------------------------------------------------------------------------
// 身份证号 (GB 11643)
// ---------------------------------------------------------------------------

describe('身份证号 (GB 11643)', () => {
  test('accepts the published example 11010519491231002X (checked by hand: sum 167, 167 mod 11 = 2 -> X)', () => {
    assert.equal(isValidIdNumber('11010519491231002X'), true);
    assert.equal(idNumberCheckChar('11010519491231002'), 'X');
  });

  test('accepts a lower-case x as the check character', () => {
    assert.equal(isValidIdNumber('11010519491231002x'), true);
  });

  test('idNumberCheckChar agrees with an independent MOD 11-2 implementation on 1000 random bodies', () => {
    const rnd = mulberry32(11643);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const body = randomIdBody(rnd);
      const c = idNumberCheckChar(body);
      seen.add(c);
      assert.equal(c, referenceIdCheck(body), body);
    }
    assert.equal(seen.size, 11, 'all eleven check characters 0-9 and X should occur');
  });

  test('accepts numbers built with the computed check character', () => {
    const rnd = mulberry32(42);
    for (let i = 0; i < 200; i++) {
      const body = randomIdBody(rnd);
      const id = body + idNumberCheckChar(body);
      assert.equal(isValidIdNumber(id), true, id);
    }
  });

  test('rejects every wrong check character', () => {
    const body = '34010419900101123';
    const right = idNumberCheckChar(body);
    for (const c of '0123456789X') {
      assert.equal(isValidIdNumber(body + c), c === right, body + c);
    }
  });

  test('rejects impossible birth dates even with a correct check character', () => {
    for (const ymd of ['19990230', '20010229', '19901301', '19900001', '19900100', '19900132', '18991231']) {
      const body = `340104${ymd}123`;
      const id = body + idNumberCheckChar(body);
      assert.equal(isValidIdNumber(id), false, id);
    }
  });

  test('accepts 29 February in a leap year', () => {
    const body = '34010420000229123';
    assert.equal(isValidIdNumber(body + idNumberCheckChar(body)), true);
  });

  test('rejects wrong length, a leading zero, letters and X anywhere but last', () => {
    const good = '11010519491231002X';
    for (const bad of [
      '',
      good.slice(0, 17),
      good + '1',
      '01010519491231002X', // leading zero
      '1101051949123100X2',
      '11010519491231A02X',
      ' 11010519491231002X',
      '11010519491231002Y',
    ]) {
      assert.equal(isValidIdNumber(bad), false, JSON.stringify(bad));
    }
  });
});

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100)
// ---------------------------------------------------------------------------

describe('统一社会信用代码 (GB 32100)', () => {
  test('accepts 91350100M000100Y43 (checked by hand: sum 1640, 1640 mod 31 = 28, 31 - 28 = 3)', () => {
    assert.equal(usccCheckChar('91350100M000100Y4'), '3');
    assert.equal(isValidUscc('91350100M000100Y43'), true);
  });

  test('usccCheckChar agrees with an independent 3^i mod 31 implementation on 1000 random bodies', () => {
    const rnd = mulberry32(32100);
    const pick = () => USCC_SET[Math.floor(rnd() * 31)]!;
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      let body = pick() + pick();
      for (let j = 0; j < 6; j++) body += String(Math.floor(rnd() * 10));
      for (let j = 0; j < 9; j++) body += pick();
      const c = usccCheckChar(body);
      assert.equal(c, referenceUsccCheck(body), body);
      seen.add(c!);
      assert.equal(isValidUscc(body + c), true, body + c);
    }
    assert.ok(seen.size > 25, `only ${seen.size} distinct check characters`);
  });

  test('rejects every wrong check character', () => {
    const body = '91350100M000100Y4';
    for (const c of USCC_SET) {
      assert.equal(isValidUscc(body + c), c === '3', body + c);
    }
  });

  test('rejects the forbidden letters I O Z S V whatever the check character', () => {
    for (const letter of 'IOZSV') {
      const body = `91350100${letter}000100Y4`;
      assert.equal(usccCheckChar(body), undefined, body);
      for (const c of USCC_SET) assert.equal(isValidUscc(body + c), false, body + c);
      // a forbidden letter as the check character itself
      assert.equal(isValidUscc(`91350100M000100Y4${letter}`), false);
    }
  });

  test('rejects a letter in the six-digit administrative division code', () => {
    const body = '9135A100M000100Y4';
    const c = usccCheckChar(body)!; // the charset allows A, so a check character exists
    assert.equal(isValidUscc(body + c), false);
  });

  test('rejects the wrong length', () => {
    assert.equal(isValidUscc('91350100M000100Y4'), false);
    assert.equal(isValidUscc('91350100M000100Y430'), false);
    assert.equal(isValidUscc(''), false);
  });
});

// ---------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------

describe('masking', () => {
  test('身份证号 keeps the first and last four: 3401**********1234', () => {
    assert.equal(maskIdNumber('340104199001011234'), '3401**********1234');
  });

  test('身份证号 masking keeps an X check character visible', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '1101**********002X');
  });

  test('phone keeps the first three and last four: 138****5678', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
  });

  test('null and undefined pass through as null', () => {
    assert.equal(maskIdNumber(null), null);
    assert.equal(maskIdNumber(undefined), null);
    assert.equal(maskPhone(null), null);
    assert.equal(maskPhone(undefined), null);
    assert.equal(maskName(null), null);
  });

  test('short values are fully masked rather than revealed', () => {
    assert.equal(maskIdNumber('12345678'), '********');
    assert.equal(maskPhone('123456'), '******');
  });

  test('a name keeps only its first character', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('李'), '李*');
  });
});

describe('PHONE_PATTERN', () => {
  test('accepts mainland mobile numbers and rejects others', () => {
    assert.equal(PHONE_PATTERN.test('13812345678'), true);
    assert.equal(PHONE_PATTERN.test('19912345678'), true);
    assert.equal(PHONE_PATTERN.test('12812345678'), false);
    assert.equal(PHONE_PATTERN.test('1381234567'), false);
    assert.equal(PHONE_PATTERN.test('138123456789'), false);
  });
});
