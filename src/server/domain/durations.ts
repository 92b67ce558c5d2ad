import { addDays, daysBetween, daysInMonth } from './calendar.ts';

// Lengths of sentences as judgments state them: years, months and days, counted on the calendar.
// A month is a calendar month, so the number of days a length covers depends on where it starts;
// the caller says where (for a sentence in the queue: the order date), and the sentence
// calculation counts again from the real start date.

export interface Length {
  years?: number | undefined;
  months?: number | undefined;
  days?: number | undefined;
}

/** The date `months` calendar months after `date`; a day past the end of the month is clamped (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a length says nothing in years, months or days. */
export function isEmptyLength(length: Length): boolean {
  return !length.years && !length.months && !length.days;
}

/** A length in days, counted on the calendar from `from`: years and months first, then the days. */
export function lengthInDays(length: Length, from: string): number {
  const months = (length.years ?? 0) * 12 + (length.months ?? 0);
  const end = addDays(addMonths(from, months), length.days ?? 0);
  return daysBetween(from, end);
}
