// Visiting times are kept as a date and a wall-clock time in Oslo; a visit row stores the instant.

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function osloWallClock(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

/** The instant of a date and HH:MM in Europe/Oslo (summer time included). */
export function osloInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  // The offset at a first guess, then at the corrected instant (differs only around a change of time).
  let utc = wall - (osloWallClock(wall) - wall);
  utc = wall - (osloWallClock(utc) - utc);
  return new Date(utc);
}

/** The Oslo date and HH:MM of an instant. */
export function osloDateTime(at: Date): { date: string; time: string } {
  const wall = new Date(osloWallClock(at.getTime())).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}
