import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from './errors.ts';
import { CANONICALIZATION, canonicalJson, canonicalJsonBytes } from './licence-canonical.ts';

function rejects(value: unknown, path: string, message: RegExp) {
  assert.throws(
    () => canonicalJson(value),
    (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.status, 400);
      assert.equal(e.code, 'LICENCE_CONTENT_INVALID');
      assert.deepEqual((e.details as { fields: Array<{ field: string }> }).fields[0]!.field, path);
      assert.match(e.message, message);
      return true;
    },
  );
}

describe('canonical serialisation (tongban-c14n-v1)', () => {
  test('has a stable name to record next to signatures', () => {
    assert.equal(CANONICALIZATION, 'tongban-c14n-v1');
  });

  test('the example in the spec', () => {
    assert.equal(canonicalJson({ b: [1, '二'], a: null }), '{"a":null,"b":[1,"二"]}');
  });

  test('sorts keys recursively and writes no whitespace', () => {
    const value = { z: { y: 1, b: [{ d: true, c: false }] }, a: 'x', m: [] as unknown[], k: {} };
    assert.equal(canonicalJson(value), '{"a":"x","k":{},"m":[],"z":{"b":[{"c":false,"d":true}],"y":1}}');
  });

  test('does not depend on the order members were added in', () => {
    const one = { holder: { name: '张三', idNumber: '340104199001011234' }, type: '结婚证', no: 7 };
    const two = { no: 7, type: '结婚证', holder: { idNumber: '340104199001011234', name: '张三' } };
    assert.equal(canonicalJson(one), canonicalJson(two));
  });

  test('RFC 8785 §3.2.2 sample gives the RFC output', () => {
    const value = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    assert.equal(
      canonicalJson(value),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test('RFC 8785 §3.2.3 key order: UTF-16 code units', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const expectedOrder = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const;
    const expected = `{${expectedOrder.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`).join(',')}}`;
    assert.equal(canonicalJson(value), expected);
  });

  test('strings: escapes as JSON, non-ASCII written as itself, bytes are UTF-8', () => {
    assert.equal(canonicalJson('a"b\\c\b\t\n\f\r\u0001\u001f'), '"a\\"b\\\\c\\b\\t\\n\\f\\r\\u0001\\u001f"');
    assert.equal(canonicalJson('安澜市示范区 \u2028 😀'), '"安澜市示范区 \u2028 😀"');
    assert.deepEqual(Buffer.from(canonicalJsonBytes({ 名称: '证' })), Buffer.from('{"名称":"证"}', 'utf8'));
  });

  test('numbers follow ECMAScript Number::toString', () => {
    assert.equal(canonicalJson([0, -0, 1, -12, 0.1, 1e21, 1e20, 1e-6, 1e-7, 2 ** 53]), '[0,0,1,-12,0.1,1e+21,100000000000000000000,0.000001,1e-7,9007199254740992]');
  });

  test('dates are written as ISO UTC strings', () => {
    assert.equal(canonicalJson({ at: new Date(Date.UTC(2025, 2, 15, 8, 0, 0)) }), '{"at":"2025-03-15T08:00:00.000Z"}');
    rejects({ at: new Date('not a date') }, 'content.at', /日期无效/);
  });

  test('missing values are rejected, not dropped', () => {
    rejects({ a: 1, b: undefined }, 'content.b', /undefined/);
    rejects({ list: [1, undefined] }, 'content.list[1]', /undefined/);
    // eslint-disable-next-line no-sparse-arrays
    rejects({ list: [1, , 3] }, 'content.list[1]', /undefined/);
    rejects(undefined, 'content', /undefined/);
  });

  test('functions, symbols, big integers, NaN and infinities are rejected', () => {
    rejects({ f: () => 1 }, 'content.f', /function/);
    rejects({ s: Symbol('x') }, 'content.s', /symbol/);
    rejects({ n: 10n }, 'content.n', /bigint/);
    rejects({ n: NaN }, 'content.n', /有限/);
    rejects({ deep: { n: [Infinity] } }, 'content.deep.n[0]', /有限/);
    rejects({ n: -Infinity }, 'content.n', /有限/);
  });

  test('objects other than plain objects, arrays and dates are rejected', () => {
    class Point { x = 1; }
    rejects({ p: new Point() }, 'content.p', /普通对象/);
    rejects({ m: new Map([['a', 1]]) }, 'content.m', /普通对象/);
    rejects({ b: new Uint8Array([1]) }, 'content.b', /普通对象/);
    rejects({ [Symbol('k')]: 1, a: 1 }, 'content', /键/);
    assert.equal(canonicalJson(Object.assign(Object.create(null) as object, { b: 1, a: 2 })), '{"a":2,"b":1}');
  });

  test('unpaired surrogates are rejected in values and keys', () => {
    rejects({ s: 'ab\ud800' }, 'content.s', /Unicode/);
    rejects({ s: '\udc00x' }, 'content.s', /Unicode/);
    rejects({ ['k\ud83d']: 1 }, 'content.k\ud83d', /Unicode/);
  });

  test('cycles and nesting past 32 levels are rejected', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    rejects(loop, 'content.self', /循环/);
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = [deep];
    assert.throws(() => canonicalJson(deep), /32/);
    let ok: unknown = 1;
    for (let i = 0; i < 32; i++) ok = [ok];
    assert.equal(canonicalJson(ok), '['.repeat(32) + '1' + ']'.repeat(32));
  });

  test('a shared (non-cyclic) sub-object is fine', () => {
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: shared }), '{"a":{"x":1},"b":{"x":1}}');
  });

  test('the output parses back to an equal value', () => {
    const value = { id: '1.2.156.3005.2.x', fields: { 面积: '120.5', 层数: 3, 共有: false, 备注: null, 人: ['甲', '乙'] } };
    assert.deepEqual(JSON.parse(canonicalJson(value)), value);
  });
});
