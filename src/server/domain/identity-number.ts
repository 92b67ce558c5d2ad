import { isValidYmd } from './calendar.ts';

// Norwegian national identity numbers (fødselsnummer), D-numbers and synthetic test numbers.
// Layout DDMMYY III K1 K2; the two check digits are mod-11 sums (Skatteetaten's specification).

export type NationalIdKind = 'fnr' | 'dnr' | 'synthetic';

export type NationalIdError =
  | 'nin_format'
  | 'nin_date'
  | 'nin_century'
  | 'nin_check_digit_1'
  | 'nin_check_digit_2';

export type NationalIdResult =
  | { valid: true; kind: NationalIdKind; birthDate: string; gender: 'female' | 'male' }
  | { valid: false; error: NationalIdError };

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 check digit for the given digits, or null when the remainder makes it 10 (no valid number). */
export function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

/** The four-digit birth year from the two-digit year and the individual number (000–999). */
export function centuryYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual >= 500 && individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

export function parseNationalId(input: string): NationalIdResult {
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return { valid: false, error: 'nin_format' };
  const d = [...value].map(Number);
  let day = (d[0] ?? 0) * 10 + (d[1] ?? 0);
  let month = (d[2] ?? 0) * 10 + (d[3] ?? 0);
  const yy = (d[4] ?? 0) * 10 + (d[5] ?? 0);
  const individual = (d[6] ?? 0) * 100 + (d[7] ?? 0) * 10 + (d[8] ?? 0);

  let kind: NationalIdKind = 'fnr';
  if (day > 40) {
    kind = 'dnr';
    day -= 40;
  }
  if (month > 80) {
    kind = 'synthetic';
    month -= 80;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return { valid: false, error: 'nin_date' };
  const year = centuryYear(yy, individual);
  if (year === null) return { valid: false, error: 'nin_century' };
  if (!isValidYmd(year, month, day)) return { valid: false, error: 'nin_date' };

  if (checkDigit(d, WEIGHTS_1) !== d[9]) return { valid: false, error: 'nin_check_digit_1' };
  if (checkDigit(d, WEIGHTS_2) !== d[10]) return { valid: false, error: 'nin_check_digit_2' };

  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { valid: true, kind, birthDate, gender: (d[8] ?? 0) % 2 === 1 ? 'male' : 'female' };
}

/**
 * Builds a valid number for a birth date and an individual number, or null when that individual
 * number gives a check digit of 10 (the caller tries the next one).
 */
export function makeNationalId(birthDate: string, individual: number, kind: NationalIdKind): string | null {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const dd = kind === 'dnr' ? day + 40 : day;
  const mm = kind === 'synthetic' ? month + 80 : month;
  const base = `${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(individual).padStart(3, '0')}`;
  if (centuryYear(year % 100, individual) !== year) return null;
  const digits = [...base].map(Number);
  const k1 = checkDigit(digits, WEIGHTS_1);
  if (k1 === null) return null;
  const k2 = checkDigit([...digits, k1], WEIGHTS_2);
  if (k2 === null) return null;
  return `${base}${k1}${k2}`;
}

/** What may be shown in lists and logs: the birth date part only. */
export function maskNationalId(value: string): string {
  return `${value.slice(0, 6)}*****`;
}
