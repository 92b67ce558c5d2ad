import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { Factor } from './types.ts';

/** A key built from an enum value; the dictionaries hold every value the API sends. */
export const label = (t: Translate, prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey);

/** The facts of one factor in words. */
export function factorValue(t: Translate, f: Factor): string {
  const v = f.value;
  const yesNo = (b: unknown) => (b ? t('visits.yes') : t('visits.no'));
  switch (f.code) {
    case 'facility_infection':
    case 'visitor_infection':
      return v.municipality
        ? `${v.visitor ? `${v.visitor}: ` : ''}${v.municipality}, ${label(t, 'visits.level', String(v.level))}, ${label(t, 'visits.trend', String(v.trend))}`
        : t('visits.none');
    case 'public_transport':
      return yesNo(v.needed);
    case 'premises':
      return label(t, 'visits.roomKind', String(v.roomKind));
    case 'staffing':
      return `${v.inQuarantine} / ${v.staff}`;
    case 'visits_measure':
      return v.level ? String(v.level) : t('visits.none');
    case 'child_contact':
      return yesNo(v.childVisitor);
    case 'minor_inmate':
      return yesNo(v.minorInmate);
    default:
      return '';
  }
}
