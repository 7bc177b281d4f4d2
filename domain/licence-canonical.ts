// Canonical serialisation of a licence's signed content: the exact bytes that are hashed with SM3 and
// signed with SM2, so that anyone can rebuild them from the published fields and check the signature.
//
// The block between the markers is written to be pasted into docs/LICENCES.md unchanged.
//
// --- spec: tongban-c14n-v1 ---
// ## Canonical serialisation (`tongban-c14n-v1`)
//
// The signed content of a licence is a JSON value. It is serialised to text by the rules below, and the
// text is encoded as UTF-8 (no byte order mark); the SM3 digest and the SM2 signature are computed over
// exactly these bytes.
//
// 1. **Values.** Allowed: `null`, `true`, `false`, strings, finite numbers, arrays, and objects with string
//    keys. Anything else is an error, never silently dropped or converted: missing values (`undefined`,
//    including holes in arrays), functions, symbols, big integers, `NaN`, `Infinity`, `-Infinity`, and
//    objects that are not plain objects or arrays (dates excepted, rule 6).
// 2. **Objects.** Members sorted by key, comparing keys as sequences of UTF-16 code units (RFC 8785
//    §3.2.3; JavaScript's default `sort()`. For keys made of characters up to U+FFFF this is the same as
//    comparing Unicode code points). Written `{"key":value,"key":value}`.
// 3. **Arrays.** Order kept. Written `[value,value]`.
// 4. **Strings.** In double quotes. `"` becomes `\"`, `\` becomes `\\`; U+0008, U+0009, U+000A, U+000C and
//    U+000D become `\b`, `\t`, `\n`, `\f`, `\r`; the other characters below U+0020 become `\u00xx` with
//    lower-case hex digits. Every other character, Chinese included, is written as itself. Strings and
//    keys must be well-formed Unicode (no unpaired surrogates). No Unicode normalisation is applied:
//    the issuer stores text in the form it signs.
// 5. **Numbers.** As ECMAScript `Number.prototype.toString` (RFC 8785 §3.2.2.3): the shortest form that
//    reads back to the same double, `-0` written as `0`, exponent form (`1e+21`, `1e-7`) from 1e21 up and
//    below 1e-6. Licence content uses integers, and strings for decimal quantities (areas, amounts), so
//    that every language reproduces numbers trivially.
// 6. **Dates.** A date-time value is written as the string `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC, milliseconds,
//    as `Date.prototype.toISOString`). Calendar dates such as 发证日期 are plain `"YYYY-MM-DD"` strings.
// 7. **Whitespace.** None outside strings.
// 8. **Limits.** Nesting deeper than 32 levels, and cycles, are errors.
//
// This is the JSON Canonicalization Scheme (RFC 8785) restricted as above: any JCS implementation gives
// the same bytes for every value these rules accept. Example: `{"b":[1,"二"],"a":null}` becomes
// `{"a":null,"b":[1,"二"]}`.
// --- end spec ---
import { invalid } from './errors.ts';

export const CANONICALIZATION = 'tongban-c14n-v1';

const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function fail(path: string, message: string): never {
  throw invalid(path, `签名内容 ${path}：${message}`, 'LICENCE_CONTENT_INVALID');
}

function quote(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) fail(path, '文本含有无效的 Unicode 字符');
  // JSON.stringify of a well-formed string escapes exactly as rule 4 says (ECMAScript QuoteJSONString).
  return JSON.stringify(s);
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      return quote(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, '数字必须是有限值（不能是 NaN 或无穷大）');
      return JSON.stringify(value);
    case 'undefined':
      return fail(path, '缺少值（undefined），无法签名');
    case 'object':
      break;
    default:
      return fail(path, `不支持的值类型（${typeof value}），无法签名`);
  }
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(path, '日期无效');
    return JSON.stringify(value.toISOString());
  }
  if (ancestors.includes(value)) fail(path, '存在循环引用');
  if (ancestors.length >= MAX_DEPTH) fail(path, `嵌套超过 ${MAX_DEPTH} 层`);
  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(write(value[i], `${path}[${i}]`, inner));
    return `[${items.join(',')}]`;
  }
  if (!isPlainObject(value)) fail(path, '只能包含普通对象、数组、文本、数字、布尔值、null 和日期');
  if (Object.getOwnPropertySymbols(value).length > 0) fail(path, '对象的键必须是文本');
  const members = Object.keys(value)
    .sort()
    .map((key) => `${quote(key, `${path}.${key}`)}:${write(value[key], `${path}.${key}`, inner)}`);
  return `{${members.join(',')}}`;
}

/**
 * The canonical text of a licence's signed content (rules above). Throws a 400 DomainError
 * (LICENCE_CONTENT_INVALID) naming the path of the first value that cannot be serialised.
 */
export function canonicalJson(value: unknown, rootName = 'content'): string {
  return write(value, rootName, []);
}

/** The canonical UTF-8 bytes: what is hashed with SM3 and signed with SM2. */
export function canonicalJsonBytes(value: unknown, rootName = 'content'): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value, rootName));
}
