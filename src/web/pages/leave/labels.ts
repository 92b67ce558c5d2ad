import { formatDate } from '../../i18n/format.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { Locale } from '../../types.ts';
import type { LeaveItem } from './types.ts';

/** A label from a key prefix and a value the server sends ('leave.kind' + 'ordinary'). */
export const label = (t: Translate, prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey);

export function periodText(
  t: Translate,
  locale: Locale,
  a: Pick<LeaveItem, 'fromDate' | 'fromTime' | 'toDate' | 'toTime' | 'days'>,
) {
  return t('leave.period', {
    from: formatDate(a.fromDate, locale),
    fromTime: a.fromTime,
    to: formatDate(a.toDate, locale),
    toTime: a.toTime,
    days: a.days,
  });
}

/** The status shown in lists: the outcome when decided, with the victim, return and appeal states. */
export function statusText(t: Translate, a: LeaveItem): string {
  if (a.status === 'pending' || a.status === 'revoked' || !a.outcome)
    return label(t, 'leave.status', a.status);
  return label(t, 'leave.outcome', a.outcome);
}
