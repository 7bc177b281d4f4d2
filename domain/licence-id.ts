// 证照标识: the national identifier of an e-licence (GB/T 36904-2018 《电子证照 标识规范》).
//
//   1.2.156.3005.2.<证照类型代码>.<颁证单位代码>.<流水号>.<版本号>.<校验位>
//
// - root `1.2.156.3005.2` (the OID arc of Chinese e-licences);
// - 证照类型代码: 21 characters [0-9A-Z]. In every published identifier it is the defining authority's
//   统一社会信用代码 followed by a three-character sequence (e.g. 11100000000013338W011), but only the
//   21-character format is enforced here;
// - 颁证单位代码: the issuing department's 18-character 统一社会信用代码, validated with its GB 32100
//   check character (domain/codes.ts);
// - 流水号: assigned by the issuer. Tongban's rule: 1 to 32 characters [0-9A-Z] (published identifiers use
//   9 to 32, e.g. a year plus a sequence, or 32 hex digits of a UUID). Tongban issues YYYYMMDD + a 6-digit
//   per-issuer sequence, but any serial in this format is accepted when parsing;
// - 版本号: three digits, 001 for the first issue, incremented on renewal or change (000 is rejected);
// - 校验位: ISO/IEC 7064 MOD 37,36 over type code + issuer code + serial + version concatenated without
//   the root and without the dots.
//
// ISO/IEC 7064 MOD 37,36 is the hybrid system (designation 8) for the alphabet 0-9A-Z (values 0..35):
//   p = 36; for each character c: s = (p + value(c)) mod 36, taking 36 for 0; p = 2s mod 37;
//   check value = (37 - p) mod 36.
// Sources: the ISO/IEC 7064:2003 designation table as listed by the
// `iso-7064` and `iso_iec_7064` crates on docs.rs; the hybrid recursion as implemented in
// github.com/jacoelho/go-iso7064 (iso7064/hybrid.go) and @konfirm/iso7064 (HybridISO7064.ts), whose test
// suites (and LiosK/cdigit test/mod37_36) supply the vectors in licence-id.test.ts, e.g. A12425GABC1234002 → M.
// The algorithm reproduces the check characters of real identifiers found in public integration code of
// provincial platforms, e.g. 1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S, quoted
// there as the example of the national 建筑施工企业安全生产管理人员考核合格证书 e-licence standard, Annex A.2.
// (GB/T 36904 itself is not freely available; the structure above is as the issue and those sources state it.)
import { isValidUscc } from './codes.ts';
import { invalid } from './errors.ts';

export const LICENCE_ID_ROOT = '1.2.156.3005.2';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TYPE_CODE = /^[0-9A-Z]{21}$/;
const SERIAL = /^[0-9A-Z]{1,32}$/;
const VERSION = /^\d{3}$/;

/** ISO/IEC 7064 MOD 37,36 check character of a non-empty string of 0-9 and A-Z (upper case). */
export function mod3736CheckChar(s: string): string {
  if (s.length === 0) throw new RangeError('MOD 37,36 needs at least one character');
  let p = 36;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`MOD 37,36 input may only contain 0-9 and A-Z, got ${JSON.stringify(ch)}`);
    const sum = (p + v) % 36 || 36;
    p = (sum * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36]!;
}

export interface LicenceIdParts {
  /** 证照类型代码, 21 characters [0-9A-Z]. */
  typeCode: string;
  /** 颁证单位的统一社会信用代码, 18 characters. */
  issuerUscc: string;
  /** 流水号, 1 to 32 characters [0-9A-Z]. */
  serial: string;
  /** 版本号, 1 to 999 (written as three digits). */
  version: number;
}

export type LicenceIdParseResult =
  | { ok: true; id: string; parts: LicenceIdParts; checkChar: string }
  | { ok: false; field: string; error: string };

type PartProblem = { field: keyof LicenceIdParts; error: string };

function partProblem(p: LicenceIdParts): PartProblem | undefined {
  if (!TYPE_CODE.test(p.typeCode)) return { field: 'typeCode', error: '证照类型代码应为 21 位数字或大写字母' };
  if (!isValidUscc(p.issuerUscc) || p.issuerUscc !== p.issuerUscc.toUpperCase())
    return { field: 'issuerUscc', error: '颁证单位代码应为有效的 18 位统一社会信用代码' };
  if (!SERIAL.test(p.serial)) return { field: 'serial', error: '流水号应为 1 至 32 位数字或大写字母' };
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > 999)
    return { field: 'version', error: '版本号应为 001 至 999 的三位数字' };
  return undefined;
}

const versionCode = (v: number) => String(v).padStart(3, '0');
const checkedBody = (p: LicenceIdParts) => p.typeCode + p.issuerUscc + p.serial + versionCode(p.version);

/** The full 证照标识 with its check character; throws a 400 DomainError naming the bad part. */
export function formatLicenceId(parts: LicenceIdParts): string {
  const problem = partProblem(parts);
  if (problem) throw invalid(problem.field, problem.error, 'LICENCE_ID_INVALID');
  const { typeCode, issuerUscc, serial, version } = parts;
  const check = mod3736CheckChar(checkedBody(parts));
  return [LICENCE_ID_ROOT, typeCode, issuerUscc, serial, versionCode(version), check].join('.');
}

/**
 * Splits and checks a 证照标识. Surrounding blanks are ignored and letters are read case-insensitively
 * (people type them); `id` in the result is the canonical upper-case form.
 */
export function parseLicenceId(input: string): LicenceIdParseResult {
  const id = input.trim().toUpperCase();
  if (!id.startsWith(LICENCE_ID_ROOT + '.'))
    return { ok: false, field: 'root', error: `证照标识应以 ${LICENCE_ID_ROOT}. 开头` };
  const rest = id.slice(LICENCE_ID_ROOT.length + 1).split('.');
  if (rest.length !== 5)
    return { ok: false, field: 'id', error: '证照标识应由证照类型代码、颁证单位代码、流水号、版本号和校验位组成，以“.”分隔' };
  const [typeCode, issuerUscc, serial, version, checkChar] = rest as [string, string, string, string, string];
  if (!VERSION.test(version)) return { ok: false, field: 'version', error: '版本号应为 001 至 999 的三位数字' };
  const parts: LicenceIdParts = { typeCode, issuerUscc, serial, version: Number(version) };
  const problem = partProblem(parts);
  if (problem) return { ok: false, ...problem };
  if (!/^[0-9A-Z]$/.test(checkChar) || mod3736CheckChar(checkedBody(parts)) !== checkChar)
    return { ok: false, field: 'checkChar', error: '证照标识校验位不正确，请核对是否输入有误' };
  return { ok: true, id, parts, checkChar };
}

export function isValidLicenceId(input: string): boolean {
  return parseLicenceId(input).ok;
}
