import { locale } from '../shared/i18n';
import { t } from './texts';

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
const slotFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Copenhagen' });
const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const count = (n: number): string => integer.format(n);

export const number = (n: number): string => decimal.format(n);

export const share = (value: number | null): string => (value === null ? t('none') : percent.format(value));

/** A duration in seconds as people read it: "45 s", "2 min 5 s", "12 min". */
export function duration(seconds: number | null): string {
  if (seconds === null) {
    return t('none');
  }

  const s = Math.round(seconds);
  if (s < 60) {
    return t('seconds', { n: s });
  }

  const m = Math.floor(s / 60);
  const rest = s % 60;
  return m >= 10 || rest === 0 ? t('minutes', { n: Math.round(s / 60) }) : t('minutesSeconds', { m, s: rest });
}

/** 1 = Monday … 7 = Sunday (1 January 2024 was a Monday). */
const weekday = (day: number) => new Date(Date.UTC(2024, 0, day));

export const dayShort = (day: number): string => weekdayShort.format(weekday(day)).replace(/\.$/, '');

export const dayLong = (day: number): string => {
  const name = weekdayLong.format(weekday(day));
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** A calendar date (yyyy-mm-dd) as "24. nov. 2026" / "24 Nov 2026". */
export const date = (iso: string): string => dateFormat.format(new Date(`${iso}T00:00:00Z`));

/** The date `days` after the calendar date `iso` (yyyy-mm-dd). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** A slot's start for a chart's axis: "man. 30.11. 15.00". */
export const slotStart = (instant: string): string => slotFormat.format(new Date(instant));

/** A histogram bin: "0–5 s", "45–60 s", "1–1,5 min", "over 60 min". */
export function binRange(from: number, upTo: number | null): string {
  if (upTo === null) {
    return t('overHour');
  }

  return upTo <= 60 ? t('seconds', { n: `${from}–${upTo}` }) : t('minutes', { n: `${decimal.format(from / 60)}–${decimal.format(upTo / 60)}` });
}
