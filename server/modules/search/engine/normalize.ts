// Text normalisation shared by indexing and querying: full-width → half-width (NFKC), lower case,
// traditional → simplified (Taiwan and Hong Kong character variants; no phrase rewriting, which would also
// change mainland words such as 程序 → 进程), punctuation → spaces.
import * as OpenCC from 'opencc-js';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;

export function toSimplified(text: string): string {
  return fromHongKong(fromTaiwan(text));
}

export function normalizeText(text: string): string {
  const half = text.normalize('NFKC').toLowerCase();
  return toSimplified(half).replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
}

const CJK = /\p{Script=Han}/u;
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Runs of Han characters in a normalised string. */
export function cjkRuns(text: string): string[] {
  return text.match(/\p{Script=Han}+/gu) ?? [];
}

/** Share of the letters that are Latin (for telling pinyin/English queries apart). */
export function latinShare(text: string): number {
  const letters = text.replace(/[\s\d]/g, '');
  if (letters.length === 0) return 0;
  const latin = letters.match(/[a-z]/g)?.length ?? 0;
  return latin / letters.length;
}
