import type { RotaAgent } from '../shared/contracts';
import { h } from '../shared/dom';
import { day, span, wallTime } from '../shared/time';
import { describe, type ShownSlot, type SlotEdit } from './changes';
import type { ClosedDayView, ConflictView, Partnership, PartnerAgent } from './rota-types';
import { refusalTexts } from './refusals';
import { t } from './texts';
import { hhmm } from './wall-clock';

const shortDay = (date: string) => day(`${date}T12:00:00Z`);

/** The unpublished changes with their state, the publish button and what publishing said. */
export function changesList(edits: SlotEdit[], discard: (key: string) => void): HTMLElement {
  if (edits.length === 0) {
    return h('p', { class: 'muted' }, t('noChanges'));
  }

  return h(
    'ul',
    { class: 'changes' },
    ...edits.map((e) => {
      const what = describe(e);
      return h(
        'li',
        { class: `change change--${e.state}`, 'data-key': e.key },
        h('p', { class: 'change__what' }, what),
        e.state === 'stale' ? h('p', { class: 'change__state' }, t('stateStale')) : null,
        e.state === 'refused' ? h('p', { class: 'change__state' }, t('stateRefused', { reason: e.reason ?? '' })) : null,
        e.state === 'refused' && e.detail ? h('details', { class: 'change__detail' }, h('summary', null, refusalTexts('detail')), h('p', { lang: 'en' }, e.detail)) : null,
        h('button', { type: 'button', class: 'link-button', 'aria-label': t('discardLabel', { what }), onclick: () => discard(e.key) }, t('discard')),
      );
    }),
  );
}

export function conflictsList(conflicts: ConflictView[]): HTMLElement {
  if (conflicts.length === 0) {
    return h('p', { class: 'muted' }, t('noConflicts'));
  }

  return h(
    'ul',
    { class: 'conflicts' },
    ...conflicts.map((c) => {
      const when = `${day(c.slot.start)} ${span(c.slot.start, c.slot.end)}`;
      const agent = c.agent?.name ?? '';
      const text =
        c.kind === 'DoubleBooked'
          ? t('conflictDoubleBooked', { agent, when, other: c.other ? `${day(c.other.start)} ${span(c.other.start, c.other.end)} (${c.other.partnershipId})` : '' })
          : c.kind === 'Unstaffed'
            ? t('conflictUnstaffed', { when })
            : c.kind === 'AgentOutsidePartnership'
              ? t('conflictOutside', { agent, when })
              : c.kind === 'BelowForecast'
                ? t('conflictBelowForecast', { when, needed: c.needed ?? 0 })
                : t('conflictUnderStaffed', { when });
      return h('li', { class: `conflict conflict--${c.kind}` }, text);
    }),
  );
}

/** Holidays, closed days and the rota's dated exceptions in the shown week. */
export function exceptionsList(rota: Partnership, closedDays: ClosedDayView[], from: string, to: string, agents: PartnerAgent[], kommuneName: (kode: number) => string): HTMLElement {
  const name = (id: string | null) => agents.find((a) => a.id === id)?.name ?? id ?? '';
  const items: { date: string; text: string; kind: string }[] = closedDays.map((d) => ({
    date: d.date,
    kind: 'holiday',
    text: d.publicHoliday
      ? t('holiday', { date: shortDay(d.date), name: d.name })
      : d.closedFrom
        ? t('closedFrom', { time: wallTime(hhmm(d.closedFrom)), date: shortDay(d.date), name: d.name })
        : t('closedDay', { date: shortDay(d.date), name: d.name }),
  }));
  const inWeek = rota.exceptions.filter((e) => e.date >= from && e.date <= to);
  // A day whose staff changed by a colleague more or less is a cancellation and an extra slot: shown as one staff change.
  const staffChanges = inWeek.filter((x) => x.kind === 'ExtraSlot' && x.note === t('staffChangedNote'));
  const partOfStaffChange = (x: (typeof inWeek)[number]) =>
    x.kind === 'Cancelled' && staffChanges.some((s) => s.date === x.date && rota.patterns.some((p) => p.id === x.patternId && hhmm(p.start) === hhmm(s.start ?? '') && hhmm(p.end) === hhmm(s.end ?? '')));
  for (const x of inWeek.filter((e) => !partOfStaffChange(e))) {
    const pattern = rota.patterns.find((p) => p.id === x.patternId);
    const from = x.start ?? pattern?.start;
    const to = x.end ?? pattern?.end;
    const times = from && to ? `${wallTime(hhmm(from))}–${wallTime(hhmm(to))}` : '';
    const text =
      x.kind === 'Cancelled'
        ? t('cancelled', { date: shortDay(x.date), span: times })
        : x.kind === 'ExtraSlot' && staffChanges.includes(x)
          ? t('staffChange', { date: shortDay(x.date), span: times, names: x.agentIds.map((id) => name(id)).join(', ') || t('staffNone') })
          : x.kind === 'ExtraSlot'
          ? t('extraSlot', { date: shortDay(x.date), span: times, kommune: x.responsibleKommune ? kommuneName(x.responsibleKommune) : '' })
          : x.kind === 'Swap'
            ? t('swap', { date: shortDay(x.date), from: name(x.fromAgentId), to: name(x.toAgentId) })
            : t('openOnHoliday', { date: shortDay(x.date) });
    items.push({ date: x.date, kind: x.kind, text: x.note && !staffChanges.includes(x) ? `${text} – ${x.note}` : text });
  }

  items.sort((a, b) => a.date.localeCompare(b.date));
  return items.length
    ? h('ul', { class: 'exceptions' }, ...items.map((i) => h('li', { class: `exception exception--${i.kind}` }, i.text)))
    : h('p', { class: 'muted' }, t('noExceptions'));
}

/** The week's slots as a list: the same edits as the calendar, for keyboard and screen-reader users. */
export function slotList(slots: ShownSlot[], open: (key: string) => void, colour: (kode: number) => string | undefined): HTMLElement {
  if (slots.length === 0) {
    return h('p', { class: 'muted' }, t('noSlots'));
  }

  const names = (agents: RotaAgent[]) => (agents.length ? agents.map((a) => a.name).join(', ') : t('staffNone'));
  return h(
    'ul',
    { class: 'slot-list' },
    ...slots.map((s) => {
      const when = `${day(s.start)} ${span(s.start, s.end)}`;
      const swatch = h('span', { class: 'slot-item__swatch', 'aria-hidden': 'true' });
      swatch.style.background = colour(s.responsible.kode) ?? 'transparent';
      return h(
        'li',
        { class: s.pending ? 'slot-item slot-item--pending' : 'slot-item', 'data-key': s.key },
        swatch,
        h('span', { class: 'slot-item__text' }, h('strong', null, when), ` · ${s.responsible.name} · ${names(s.agents)}`, s.pending ? h('em', null, ` (${t('pendingMark')})`) : null),
        h('button', { type: 'button', class: 'btn btn--secondary btn--small', 'aria-label': t('editLabel', { when }), onclick: () => open(s.key) }, t('edit')),
      );
    }),
  );
}

export function legend(kommuner: { name: string; colour: string }[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('legend') },
    ...kommuner.map((k) => {
      const swatch = h('span', { class: 'legend__swatch', 'aria-hidden': 'true' });
      swatch.style.background = k.colour;
      return h('li', null, swatch, k.name);
    }),
  );
}
