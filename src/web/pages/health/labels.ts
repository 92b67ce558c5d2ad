import { formatDate } from '../../i18n/format.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { Locale } from '../../types.ts';
import type { HealthStatus } from './types.ts';

export const statusLabel = (t: Translate, status: string) => t(`health.status.${status}` as MessageKey);
export const contactLabel = (t: Translate, kind: string) => t(`health.contact.${kind}` as MessageKey);
export const shiftLabel = (t: Translate, shift: string) => t(`roster.shift.${shift}` as MessageKey);
export const flagLabel = (t: Translate, flag: string) => t(`roster.flag.${flag}` as MessageKey);

export function periodLabel(t: Translate, locale: Locale, s: Pick<HealthStatus, 'fromDate' | 'toDate'>) {
  return s.toDate
    ? t('health.periodClosed', { from: formatDate(s.fromDate, locale), to: formatDate(s.toDate, locale) })
    : t('health.periodOpen', { from: formatDate(s.fromDate, locale) });
}
