// The what-if takes custody as ISO date-times. A <input type="datetime-local"> gives the wall-clock time
// without a zone; the service reads such a time as UTC, so the Norwegian time is sent with its offset.

const osloParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Oslo wall-clock time of an instant, written as if it were UTC (milliseconds). */
function osloWall(ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of osloParts.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** "2024-03-01T14:30" (Oslo time) → "2024-03-01T14:30:00+01:00". Anything else is returned unchanged. */
export function osloDateTime(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) return local;
  const withSeconds = `${match[1]}${match[2] ?? ':00'}`;
  const asUtc = Date.parse(`${withSeconds}Z`);
  if (Number.isNaN(asUtc)) return local;
  // The offset at the instant the wall-clock time names; twice, to land right around the DST change.
  let offset = osloWall(asUtc) - asUtc;
  offset = osloWall(asUtc - offset) - (asUtc - offset);
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${withSeconds}${sign}${hh}:${mm}`;
}
