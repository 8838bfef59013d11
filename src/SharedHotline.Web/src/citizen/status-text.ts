import { type HotlineStatus, type OpeningInfo, officialName } from '../shared/contracts';
import { lang, locale } from '../shared/i18n';
import { clock, daysBetween, serverNow, waitInWords, zone } from '../shared/time';
import { t } from './texts';

/** Who answers now: the kommune's own borgerservice, or the shared hotline and which kommune is on duty. */
export function whoAnswers(status: HotlineStatus): string {
  if (status.mode === 'Shared' && status.responsibleKommune) {
    return t('answeredByShared', { kommune: officialName(status.kommune), responsible: officialName(status.responsibleKommune) });
  }

  const kommune = officialName(status.kommune);
  const fallback = status.sharedFallback;
  if (fallback) {
    const responsible = officialName(fallback.responsibleKommune);
    return fallback.afterSeconds === 0
      ? t('answeredByOwnOrShared', { kommune, responsible })
      : t('answeredByOwnThenShared', { kommune, responsible, wait: waitInWords(fallback.afterSeconds, { underMinute: t('underMinute'), minute: t('minute'), minutes: t('minutes') }) });
  }

  return t('answeredByOwn', { kommune });
}

export function estimate(seconds: number | null): string {
  return seconds === null
    ? t('waitUnknown')
    : t('waitEstimate', { wait: waitInWords(seconds, { underMinute: t('underMinute'), minute: t('minute'), minutes: t('minutes') }) });
}

const weekday = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long' });
const dayMonth = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'long' });

/** "Vi åbner igen mandag kl. 09.00" as the server words it; in English the same from the opening's time. */
export function nextOpeningText(info: OpeningInfo): string {
  if (lang === 'da') {
    return info.text;
  }

  const days = daysBetween(serverNow(), info.start);
  const when =
    days === 0 ? 'today' : days === 1 ? 'tomorrow' : days < 7 ? `on ${weekday.format(new Date(info.start))}` : `on ${weekday.format(new Date(info.start))} ${dayMonth.format(new Date(info.start))}`;
  return `We open again ${when} at ${clock(info.start)}`;
}
