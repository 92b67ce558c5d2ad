// Calendar days as integers (days since 1970-01-01), so the engine adds and compares numbers and
// only formats at the edge. The conventions of counting are in one place, here:
//
// - A day on which the person is deprived of liberty counts as a served day, the day of admission
//   and the day of release included. The n-th day served from a start S is S + n - 1, and a term of
//   T days from S ends (and the person is released) on S + T - 1.
// - "m months from K" ends on the day before the same day-of-month m months later; when that month
//   has no such day (31 January + 1 month), it ends on the last day of that month.

export type Day = number;

// Civil-calendar conversions after Howard Hinnant's days_from_civil / civil_from_days: integer
// arithmetic only, because formatting through Date was most of the engine's time.
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(day: Day): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toDay(date: string): Day {
  const m = ISO_DATE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return daysFromCivil(year, month, day);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function fromDay(day: Day): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** [year, month 1–12, day]. */
function parts(day: Day): [number, number, number] {
  return civilFromDays(day);
}

/** Year and month `months` after (year, month), month 1–12. */
function shiftMonth(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The same day-of-month `months` later (or earlier), clamped to the last day of a shorter month. */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = parts(day);
  const [ty, tm] = shiftMonth(y, m, months);
  return daysFromCivil(ty, tm, Math.min(d, lastDayOfMonth(ty, tm)));
}

/** The last day of a period of `months` calendar months that starts on (and counts) `start`. */
export function monthsEnd(start: Day, months: number): Day {
  const [y, m, d] = parts(start);
  const [ty, tm] = shiftMonth(y, m, months);
  const last = lastDayOfMonth(ty, tm);
  return d > last ? daysFromCivil(ty, tm, last) : daysFromCivil(ty, tm, d) - 1;
}

/** How many days `months` calendar months are when counted from `start`. */
export function monthsInDays(start: Day, months: number): number {
  return monthsEnd(start, months) - start + 1;
}

/** The earliest day d from which d..end (both counted) is at most `months` months. */
export function monthsBefore(end: Day, months: number): Day {
  let d = addMonths(end + 1, -months);
  while (monthsEnd(d - 1, months) >= end) d -= 1;
  while (monthsEnd(d, months) < end) d += 1;
  return d;
}

/** Whole years of age on `on`; a birthday on 29 February falls on 1 March in common years. */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Fraction p/q of `days`, rounded up: "has served 2/3" is met only when at least that much is served. */
export function fractionOf(days: number, numerator: number, denominator = 1): number {
  return Math.ceil((days * numerator) / denominator);
}
