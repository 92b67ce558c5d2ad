import { formatDate } from '../../i18n/format.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { Locale } from '../../types.ts';
import type { Eligibility, Explanation } from './types.ts';

/** A translated code; a code the dictionaries do not know yet is shown as the server sends it. */
export function translateCode(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}

/** The name of a key date ("parole" → "Prøveløslatelse"). */
export function keyName(t: Translate, key: string): string {
  return translateCode(t, 'keyDate', key);
}

export function explained(explanation: Explanation, locale: Locale): string {
  return explanation[locale];
}

/** Keys whose value is a number of hours; the other quantities are days. */
const HOUR_KEYS = new Set(['community_hours', 'fine_service']);

export function valueUnit(key: string): 'hour' | 'day' {
  return HOUR_KEYS.has(key) ? 'hour' : 'day';
}

/** The eligibility of a key date in words, with its date ("Oppfylt siden 01.02.2026"). */
export function eligibilityText(eligibility: Eligibility, t: Translate, locale: Locale): string {
  switch (eligibility.status) {
    case 'eligible':
      return eligibility.since
        ? t('eligibility.eligibleSince', { date: formatDate(eligibility.since, locale) })
        : t('eligibility.eligible');
    case 'not_yet':
      return eligibility.from
        ? t('eligibility.notYetFrom', { date: formatDate(eligibility.from, locale) })
        : t('eligibility.notYet');
    default:
      return t('eligibility.notApplicable');
  }
}

export const eligibilityColor: Record<Eligibility['status'], string> = {
  eligible: 'success',
  not_yet: 'info',
  not_applicable: 'neutral',
};
