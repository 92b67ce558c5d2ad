// Names are searched in a normalised form, so that "Odegard", "Ødegård" and "ödegard" meet:
// æ, ø and å have no decomposition in Unicode and are spelled out the way Norwegians type them
// on a keyboard without them; other accents are stripped.
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

export function normaliseName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
