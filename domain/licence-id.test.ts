import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from './errors.ts';
import { usccCheckChar } from './codes.ts';
import {
  LICENCE_ID_ROOT,
  formatLicenceId,
  isValidLicenceId,
  mod3736CheckChar,
  parseLicenceId,
  type LicenceIdParts,
} from './licence-id.ts';
import { mulberry32 } from './random.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** MOD 37,36 written independently, in the reduce form of @konfirm/iso7064's HybridISO7064. */
function referenceMod3736(s: string): string {
  const sum = [...s].map((c) => ALPHABET.indexOf(c)).reduce((carry, v) => (((carry % 37) + v) % 36 || 36) * 2, 36) % 37;
  return ALPHABET[(37 - sum) % 36]!;
}

describe('ISO/IEC 7064 MOD 37,36', () => {
  // Vectors from the test suites of jacoelho/go-iso7064 (iso7064/modulo37_36_test.go) and
  // LiosK/cdigit (test/mod37_36.test.js); the first is the usual ISO 7064 example.
  const vectors: Array<[string, string]> = [
    ['A12425GABC1234002', 'M'],
    ['RABD', 'A'],
    ['X0H', 'X'],
    ['9', 'J'],
    ['OW', 'N'],
    ['TBR', '1'],
    ['1M', 'Q'],
    ['WP8Z0', '9'],
    ['B7Q3SFTUSH2QN7BIXBPMNZAM', 'I'],
    ['ROYL38YZ9TDGPNB5MT40CEWGURAOKF07XEYTV3M', '6'],
    ['UFSYYJO9FCID766EJYAEINTG43UZDD84MT6ZUDH08OM4N1K', 'N'],
    ['F3XDN7WKS3I0R54SLM50C6A00C6GKPCS54ID6HIP1ZB', '0'],
  ];
  for (const [input, check] of vectors) {
    test(`${input} → ${check}`, () => assert.equal(mod3736CheckChar(input), check));
  }

  test('agrees with an independently written reference on 2,000 random strings', () => {
    const rnd = mulberry32(36);
    for (let i = 0; i < 2000; i++) {
      const len = 1 + Math.floor(rnd() * 60);
      let s = '';
      for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(rnd() * 36)];
      assert.equal(mod3736CheckChar(s), referenceMod3736(s), s);
    }
  });

  test('rejects empty input and characters outside 0-9A-Z', () => {
    assert.throws(() => mod3736CheckChar(''), RangeError);
    assert.throws(() => mod3736CheckChar('ab1'), RangeError);
    assert.throws(() => mod3736CheckChar('A.B'), RangeError);
  });
});

// Identifiers of real e-licences found in public integration code of provincial platforms. Their check
// characters were computed by the issuing systems, so they test our reading of the standard end to end.
const PUBLISHED_IDS = [
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S',
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
];

const SAMPLE: LicenceIdParts = {
  typeCode: '11100000000013338W011',
  issuerUscc: '11341100MB1A2B3C4' + usccCheckChar('11341100MB1A2B3C4'),
  serial: '20250315000042',
  version: 1,
};

describe('证照标识 (GB/T 36904)', () => {
  test('published identifiers are valid and parse into their parts', () => {
    for (const id of PUBLISHED_IDS) assert.ok(isValidLicenceId(id), id);
    const r = parseLicenceId(PUBLISHED_IDS[0]!);
    assert.deepEqual(r, {
      ok: true,
      id: PUBLISHED_IDS[0],
      checkChar: 'S',
      parts: { typeCode: '11100000000013338W011', issuerUscc: '11430000006122244L', serial: '20230000403', version: 2 },
    });
  });

  test('formatting a published identifier from its parts gives the same check character', () => {
    for (const id of PUBLISHED_IDS) {
      const r = parseLicenceId(id);
      assert.ok(r.ok);
      assert.equal(formatLicenceId(r.parts), id);
    }
  });

  test('round trip: format → parse → format', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const serialLen = 1 + Math.floor(rnd() * 32);
      let serial = '';
      for (let j = 0; j < serialLen; j++) serial += ALPHABET[Math.floor(rnd() * 36)];
      const parts = { ...SAMPLE, serial, version: 1 + Math.floor(rnd() * 999) };
      const id = formatLicenceId(parts);
      const r = parseLicenceId(id);
      assert.ok(r.ok, id);
      assert.deepEqual(r.parts, parts);
      assert.equal(r.id, id);
    }
  });

  test('the format is root, five dot-separated parts, 3-digit version', () => {
    const id = formatLicenceId(SAMPLE);
    assert.match(id, /^1\.2\.156\.3005\.2\.11100000000013338W011\.11341100MB1A2B3C4.\.20250315000042\.001\.[0-9A-Z]$/);
    assert.ok(id.startsWith(LICENCE_ID_ROOT + '.'));
  });

  test('every single-character substitution of a sample identifier is detected', () => {
    const id = formatLicenceId(SAMPLE);
    let tried = 0;
    for (let i = 0; i < id.length; i++) {
      for (const c of ALPHABET + '.') {
        if (c === id[i]) continue;
        const changed = id.slice(0, i) + c + id.slice(i + 1);
        assert.equal(isValidLicenceId(changed), false, changed);
        tried++;
      }
    }
    assert.ok(tried > 2000);
  });

  test('every adjacent transposition of a sample identifier is detected', () => {
    // MOD 37,36 catches nearly, not strictly, all transpositions: in random trials about 0.16 % of adjacent
    // swaps (check character included) slip through. For this sample every one is caught.
    const id = formatLicenceId(SAMPLE);
    for (let i = 0; i + 1 < id.length; i++) {
      if (id[i] === id[i + 1]) continue;
      const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
      assert.equal(isValidLicenceId(swapped), false, swapped);
    }
  });

  test('the check character alone catches every substitution in the checked string', () => {
    // Independent of the USCC check: the hybrid system detects all single substitution errors.
    const body = 'TYPECODE0123456789ABC' + '11341100MB1A2B3C4X' + '20250315000042' + '001';
    const check = mod3736CheckChar(body);
    for (let i = 0; i < body.length; i++) {
      for (const c of ALPHABET) {
        if (c === body[i]) continue;
        assert.notEqual(mod3736CheckChar(body.slice(0, i) + c + body.slice(i + 1)), check);
      }
    }
  });

  test('lower case and blanks are accepted when parsing and normalised', () => {
    const id = formatLicenceId(SAMPLE);
    const r = parseLicenceId(`  ${id.toLowerCase()}\n`);
    assert.ok(r.ok);
    assert.equal(r.id, id);
  });

  test('malformed identifiers get a Chinese message naming the part', () => {
    const id = formatLicenceId(SAMPLE);
    const cases: Array<[string, string, RegExp]> = [
      ['1.2.156.3005.1' + id.slice(14), 'root', /1\.2\.156\.3005\.2/],
      [id.replace('.001.', '.'), 'id', /分隔/],
      [id.replace('11100000000013338W011', '1110000000013338W011'), 'typeCode', /证照类型代码/],
      [id.replace(SAMPLE.issuerUscc, SAMPLE.issuerUscc.slice(0, 17) + (SAMPLE.issuerUscc.endsWith('1') ? '2' : '1')), 'issuerUscc', /统一社会信用代码/],
      [id.replace('20250315000042', '2025-0315'), 'serial', /流水号/],
      [id.replace('20250315000042', 'A'.repeat(33)), 'serial', /流水号/],
      [id.replace('.001.', '.01.'), 'version', /版本号/],
      [id.replace('.001.', '.000.'), 'version', /版本号/],
      [id.slice(0, -1) + (id.endsWith('0') ? '1' : '0'), 'checkChar', /校验位/],
      [id + 'A', 'checkChar', /校验位/],
    ];
    for (const [bad, field, message] of cases) {
      const r = parseLicenceId(bad);
      assert.equal(r.ok, false, bad);
      if (!r.ok) {
        assert.equal(r.field, field, bad);
        assert.match(r.error, message, bad);
      }
    }
  });

  test('formatLicenceId rejects bad parts with a 400 DomainError', () => {
    const bad: Array<Partial<LicenceIdParts>> = [
      { typeCode: 'short' },
      { typeCode: '11100000000013338w011' },
      { issuerUscc: '913401001234567890' },
      { serial: '' },
      { serial: 'A'.repeat(33) },
      { version: 0 },
      { version: 1000 },
      { version: 1.5 },
    ];
    for (const patch of bad) {
      assert.throws(
        () => formatLicenceId({ ...SAMPLE, ...patch }),
        (e: unknown) => e instanceof DomainError && e.status === 400 && e.code === 'LICENCE_ID_INVALID',
        JSON.stringify(patch),
      );
    }
  });
});
