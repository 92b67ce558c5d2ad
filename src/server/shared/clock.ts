// The only place that reads the wall clock. Dates are Europe/Oslo calendar dates.
export interface Clock {
  today(): string;
  now(): Date;
}

const osloDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const systemClock: Clock = {
  today: () => osloDate.format(new Date()),
  now: () => new Date(),
};

export function fixedClock(today: string): Clock {
  return { today: () => today, now: () => new Date(`${today}T10:00:00Z`) };
}
