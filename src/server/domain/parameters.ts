// The law's numbers, each with the period it is valid for and its source. A rule that changes on
// a date is two rows; a calculation "as of" a date uses the row valid on that date.

export interface ParameterRow {
  key: ParameterKey;
  value: number;
  validFrom: string;
  validTo: string | null;
  source: string;
}

export type ParameterKey =
  | 'summons.minimumNoticeDays'
  | 'queue.startWithinDays'
  | 'age.youngAdultBelow'
  | 'age.minorBelow';

export const PARAMETERS: readonly ParameterRow[] = [
  {
    key: 'summons.minimumNoticeDays',
    value: 21,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 første ledd: fremmøte ikke mindre enn tre uker fra innkallingen',
  },
  {
    key: 'queue.startWithinDays',
    value: 60,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 første ledd: normalt påbegynt innen 60 dager etter fullbyrdingsordre',
  },
  {
    key: 'age.youngAdultBelow',
    value: 23,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 annet ledd: domfelte under 23 år prioriteres',
  },
  {
    key: 'age.minorBelow',
    value: 18,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 tredje ledd: under 18 år plass senest innen 60 dager',
  },
];

export function parameter(
  key: ParameterKey,
  asOf: string,
  table: readonly ParameterRow[] = PARAMETERS,
): ParameterRow {
  const row = table.find(
    (r) => r.key === key && r.validFrom <= asOf && (r.validTo === null || asOf < r.validTo),
  );
  if (!row) throw new RangeError(`no value for ${key} on ${asOf}`);
  return row;
}
