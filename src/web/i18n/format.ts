import type { Locale } from '../types.ts';
import type { Translate } from './index.tsx';

// Formatting of dates, numbers and durations for the UI language.
// API dates are calendar dates (YYYY-MM-DD, Europe/Oslo); they are formatted without any time zone shift.

const intlLocale: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: locale === 'nb' ? '2-digit' : 'numeric',
    month: locale === 'nb' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatDateTime(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

export function formatPercent(part: number, whole: number, locale: Locale): string {
  if (whole <= 0) return '–';
  return new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    part / whole,
  );
}

type Unit = 'day' | 'month' | 'year' | 'hour';

export function count(t: Translate, unit: Unit, n: number): string {
  return t(n === 1 ? `unit.${unit}.one` : `unit.${unit}.other`, { n });
}

/**
 * A term in days, readable: "540 dager (om lag 1 år og 6 måneder)". The exact days come first because
 * they are what the service counts with; years and months are an approximation for the reader.
 */
export function formatDays(days: number | null | undefined, t: Translate): string {
  if (days === null || days === undefined) return '–';
  const exact = count(t, 'day', days);
  if (days < 60) return exact;
  const years = Math.floor(days / 365);
  const months = Math.round((days - years * 365) / (365 / 12));
  const wholeYears = months === 12 ? years + 1 : years;
  const restMonths = months === 12 ? 0 : months;
  const parts = [
    wholeYears > 0 ? count(t, 'year', wholeYears) : null,
    restMonths > 0 ? count(t, 'month', restMonths) : null,
  ].filter((part): part is string => part !== null);
  const approx =
    parts.length === 2 ? t('unit.and', { a: parts[0] ?? '', b: parts[1] ?? '' }) : (parts[0] ?? '');
  return approx ? t('unit.approx', { exact, approx }) : exact;
}

/** Today's calendar date in Europe/Oslo as YYYY-MM-DD. */
export function todayInOslo(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}
