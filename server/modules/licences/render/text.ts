// Small text helpers for the licence layout: line breaking for Chinese text, dates as printed on
// certificates, the status watermark.

export interface Measure {
  widthOfTextAtSize(text: string, size: number): number;
}

/** Punctuation that may not start a line (行首禁则): it hangs at the end of the previous one instead. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕…,.;:!?)]}%']);
/** A run that stays together: Latin words, numbers, codes. */
const WORD = /[A-Za-z0-9@#&_+\-./:%]+|[\s\S]/gu;

/**
 * Breaks `text` into lines no wider than `maxWidth` at `size`: between any two Chinese characters,
 * between Latin words, splitting a word only when it alone is too wide. Explicit newlines are kept.
 */
export function wrapText(text: string, font: Measure, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
    };
    for (const token of paragraph.match(WORD) ?? []) {
      if (line === '' && token.trim() === '') continue;
      const candidate = line + token;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth || (line === '' && token.length === 1)) {
        line = candidate;
        continue;
      }
      if (NO_LINE_START.has(token)) {
        line = candidate; // hanging punctuation
        push();
        continue;
      }
      if (font.widthOfTextAtSize(token, size) <= maxWidth) {
        if (line) push();
        line = token.trim() === '' ? '' : token;
        continue;
      }
      // A single word wider than the line: break it by characters.
      for (const ch of token) {
        if (line && font.widthOfTextAtSize(line + ch, size) > maxWidth) push();
        line += ch;
      }
    }
    push();
  }
  return lines;
}

/** Cuts `lines` to at most `max`, ending the last kept line with an ellipsis when something was cut. */
export function clampLines(lines: string[], max: number, font: Measure, size: number, maxWidth: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, Math.max(1, max));
  let last = kept[kept.length - 1]!;
  while (last && font.widthOfTextAtSize(last + '…', size) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[kept.length - 1] = last + '…';
  return kept;
}

/** 2025-03-01 → 2025年03月01日, as certificates print dates. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : isoDate;
}

/** The watermark of a licence that is not valid: 撤销 → 已撤销; no watermark for 有效. */
export function statusWatermark(statusLabel: string): string | undefined {
  if (!statusLabel || statusLabel === '有效') return undefined;
  if (['撤销', '吊销', '注销', '失效'].includes(statusLabel)) return `已${statusLabel}`;
  if (statusLabel === '其他') return '非有效证照';
  return statusLabel;
}
