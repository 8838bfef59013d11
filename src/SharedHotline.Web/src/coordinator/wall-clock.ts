// The calendar runs in UTC and is fed Copenhagen wall-clock times as if they were UTC: a slot of
// 15:00-22:00 local shows as 15:00-22:00 whatever the browser's time zone, across DST changes too.
import { zone } from '../shared/time';

export interface WallTime {
  date: string;
  time: string;
}

/** "2026-11-24T15:00:00+01:00" -> "2026-11-24T15:00:00" (the calendar reads it as UTC). */
export function toCalendar(isoWithOffset: string): string {
  return isoWithOffset.slice(0, 19);
}

/** A calendar date (UTC fields) back to a local date and "HH:MM". */
export function fromCalendar(value: Date): WallTime {
  const iso = value.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The Copenhagen wall clock of an instant, as the calendar's "now". */
export function wallClock(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The .NET DayOfWeek name of a date, as the rota's JSON has it. */
export function weekdayOf(date: string): string {
  return weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** "15:00:00" or "15:00" -> "15:00". */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}

/** The Monday of the ISO week of a date. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}
