import { lang, locale } from './i18n';

/** Rota times are Copenhagen wall-clock times, wherever the browser is. */
export const zone = 'Europe/Copenhagen';

const loadedAt = Date.now();
const serverAtLoad = Date.parse(document.body.dataset.serverNow ?? '') || loadedAt;

/**
 * The server's clock: the page shell carries the server's "now", and the browser's clock only measures
 * the time since. (A demo or test server may run on a clock of its own.)
 */
export function serverNow(): Date {
  return new Date(serverAtLoad + (Date.now() - loadedAt));
}

const timeFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' });
const shortDateFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' });
const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "20.30" in Danish, "20:30" in English, in Copenhagen time. */
export function clock(value: string | Date): string {
  return timeFormat.format(new Date(value)).replace(':', lang === 'da' ? '.' : ':');
}

/** A wall-clock "HH:MM" as the page's language writes it: "15.00" in Danish, "15:00" in English. */
export function wallTime(hhmm: string): string {
  return lang === 'da' ? hhmm.replace(':', '.') : hhmm;
}

/** "tirsdag 24. november" / "Tuesday 24 November". */
export function day(value: string | Date): string {
  return dayFormat.format(new Date(value));
}

/** "24.11.2026" / "24/11/2026". */
export function shortDate(value: string | Date): string {
  return shortDateFormat.format(new Date(value));
}

/** The Copenhagen calendar date of an instant, as YYYY-MM-DD. */
export function localDate(value: string | Date): string {
  return isoDateFormat.format(new Date(value));
}

/** "15.00–22.00". */
export function span(start: string, end: string): string {
  return `${clock(start)}–${clock(end)}`;
}

/** Whole days from the Copenhagen date of `from` to that of `to`. */
export function daysBetween(from: string | Date, to: string | Date): number {
  return Math.round((Date.parse(localDate(to)) - Date.parse(localDate(from))) / 86_400_000);
}

/** A wait in words: "under 1 minut", "ca. 4 minutter" (rounded up: never promise less than we know). */
export function waitInWords(seconds: number, words: { underMinute: string; minute: string; minutes: string }): string {
  if (seconds < 60) {
    return words.underMinute;
  }

  const minutes = Math.ceil(seconds / 60);
  return (minutes === 1 ? words.minute : words.minutes).replace('{n}', String(minutes));
}

/** "3:07" minutes and seconds, for a ticking wait. */
export function minutesSeconds(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
