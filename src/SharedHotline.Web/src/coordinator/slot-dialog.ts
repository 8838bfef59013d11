import type { RotaAgent } from '../shared/contracts';
import { h } from '../shared/dom';
import { errorSummary, field, summarise } from '../shared/forms';
import { type ShownSlot, type SlotTimes, whenText } from './changes';
import type { PartnerAgent, ShiftPattern } from './rota-types';
import { t } from './texts';

export interface DialogResult {
  times: SlotTimes;
  agents: RotaAgent[];
  scope: 'day' | 'series';
}

const dayNames: Record<string, string> = {};

function patternDays(pattern: ShiftPattern): string {
  const format = new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'da-DK', { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday; index the .NET day names to a date of that weekday.
  const order = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  order.forEach((name, i) => (dayNames[name] ??= format.format(new Date(Date.UTC(2024, 0, 1 + i)))));
  return pattern.days
    .slice()
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((d) => dayNames[d])
    .join(', ');
}

/**
 * The keyboard-friendly way to edit a slot (and what clicking it opens): date, start and end, the scope
 * for a pattern's slot, and the staff by kommune. A native modal dialog: focus stays inside, Escape closes.
 */
export function editSlot(slot: ShownSlot, scope: 'day' | 'series', agents: PartnerAgent[], pattern: ShiftPattern | undefined, save: (result: DialogResult) => void): void {
  const opener = document.activeElement as HTMLElement | null;
  const times: SlotTimes = { date: slot.date, start: slot.start.slice(11, 16), end: slot.end.slice(11, 16) };
  const date = field(t('date'), h('input', { type: 'date', value: times.date, required: true }));
  const start = field(t('start'), h('input', { type: 'time', value: times.start, required: true, step: '300' }));
  const end = field(t('end'), h('input', { type: 'time', value: times.end, required: true, step: '300' }));
  const dayOnly = h('input', { type: 'radio', name: 'scope', value: 'day', checked: scope === 'day' });
  const series = h('input', { type: 'radio', name: 'scope', value: 'series', checked: scope === 'series' });
  const rostered = new Set(slot.agents.map((a) => a.id));
  const byKommune = new Map<string, PartnerAgent[]>();
  agents.forEach((a) => byKommune.set(a.kommune.name, [...(byKommune.get(a.kommune.name) ?? []), a]));
  const boxes = agents.map((a) => ({ agent: a, box: h('input', { type: 'checkbox', value: a.id, checked: rostered.has(a.id) }) }));
  const summary = errorSummary();
  const headingId = 'slot-dialog-title';
  const dialog = h(
    'dialog',
    { class: 'slot-dialog', 'aria-labelledby': headingId },
    h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h2', { id: headingId }, t('dialogTitle', { when: whenText(times) })),
      h('p', null, t('responsible', { kommune: slot.responsible.name })),
      summary,
      h('p', { class: 'field__hint' }, t('timesHint')),
      h('div', { class: 'slot-dialog__times' }, date.element, start.element, end.element),
      pattern && !slot.extraSlotId
        ? h(
            'fieldset',
            { class: 'field' },
            h('legend', null, t('scope')),
            h('label', { class: 'choice' }, dayOnly, t('scopeDay')),
            h('label', { class: 'choice' }, series, t('scopeSeries', { days: patternDays(pattern), kommune: slot.responsible.name })),
          )
        : null,
      h(
        'fieldset',
        { class: 'field staff' },
        h('legend', null, t('staff')),
        ...[...byKommune.entries()].map(([kommune, list]) =>
          h('fieldset', { class: 'staff__group' }, h('legend', null, kommune), ...list.map((a) => h('label', { class: 'choice' }, boxes.find((b) => b.agent === a)!.box, a.name))),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'btn', value: 'save' }, t('save')),
        h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => dialog.close() }, t('cancel')),
      ),
    ),
  );
  const form = dialog.querySelector('form')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    date.setError(date.control.value ? null : t('dateRequired'));
    end.setError(start.control.value && end.control.value && start.control.value !== end.control.value ? null : t('timesInvalid'));
    if (!summarise(summary, t('errorSummary'), [date, end])) {
      return;
    }

    save({
      times: { date: date.control.value, start: start.control.value.slice(0, 5), end: end.control.value.slice(0, 5) },
      agents: boxes.filter((b) => b.box.checked).map((b) => ({ id: b.agent.id, name: b.agent.name })),
      scope: series.checked ? 'series' : 'day',
    });
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}
