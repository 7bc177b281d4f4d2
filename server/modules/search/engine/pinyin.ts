// Pinyin keys for vocabulary terms: full toneless pinyin, initials, and a "fuzzy" key that forgives
// the sounds southern speakers and pinyin typists mix up (zh/z, ch/c, sh/s, n/l, -ng/-n).
import { pinyin } from 'pinyin-pro';

export function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

export function fullKey(sylls: string[]): string {
  return sylls.join('');
}

export function initialsKey(sylls: string[]): string {
  return sylls.map((s) => s[0] ?? '').join('');
}

export function fuzzySyllable(s: string): string {
  return s
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^l/, 'n')
    .replace(/ng$/, 'n');
}

export function fuzzyKey(sylls: string[]): string {
  return sylls.map(fuzzySyllable).join('|');
}
