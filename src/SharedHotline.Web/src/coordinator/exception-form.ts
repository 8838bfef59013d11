import { h, replace } from '../shared/dom';
import { field } from '../shared/forms';
import { translator } from '../shared/i18n';
import { wallTime } from '../shared/time';
import { refusalText } from './refusals';
import type { RotaClient } from './rota-client';
import type { Partnership, PartnerAgent } from './rota-types';
import { hhmm } from './wall-clock';

const da = {
  add: 'Tilføj en lukning, åbning eller et bytte',
  kind: 'Hvad skal ske?',
  Cancelled: 'Luk: ingen vagter den dag (eller kun én vagt)',
  OpenOnHoliday: 'Åbn på en helligdag eller lukkedag',
  Swap: 'Byt: en kollega dækker for en anden',
  date: 'Dato',
  pattern: 'Vagt',
  allPatterns: 'Alle vagter den dag',
  from: 'Medarbejder, der får fri',
  to: 'Medarbejder, der dækker',
  note: 'Note (valgfri, vises for medarbejderne)',
  submit: 'Udgiv',
  done: 'Udgivet. Vagtplanen er opdateret for alle.',
  stale: 'En anden har ændret vagtplanen imens. Den nyeste er hentet; tjek, og udgiv igen.',
  dateRequired: 'Vælg en dato.',
  agentsRequired: 'Vælg begge medarbejdere.',
} as const;

const en: { [K in keyof typeof da]: string } = {
  add: 'Add a closure, an opening or a swap',
  kind: 'What should happen?',
  Cancelled: 'Close: no shifts that day (or only one shift)',
  OpenOnHoliday: 'Open on a public holiday or closed day',
  Swap: 'Swap: one colleague covers for another',
  date: 'Date',
  pattern: 'Shift',
  allPatterns: 'Every shift that day',
  from: 'Staff member who gets the time off',
  to: 'Staff member who covers',
  note: 'Note (optional, shown to the staff)',
  submit: 'Publish',
  done: 'Published. The rota is updated for everyone.',
  stale: 'Someone else changed the rota meanwhile. The latest is loaded; check it and publish again.',
  dateRequired: 'Choose a date.',
  agentsRequired: 'Choose both staff members.',
};

const t = translator(da, en);
type Kind = 'Cancelled' | 'OpenOnHoliday' | 'Swap';

/**
 * Closures (a cancelled day or shift), openings on a holiday and swaps, published at once as one exception each,
 * against the rota as last read; a refusal is said in the coordinator's language.
 */
export class ExceptionForm {
  readonly element: HTMLElement;

  constructor(client: RotaClient, rota: () => Partnership, agents: PartnerAgent[], published: () => void) {
    const kind = field(t('kind'), h('select', null, ...(['Cancelled', 'OpenOnHoliday', 'Swap'] as const).map((k) => h('option', { value: k }, t(k)))));
    const date = field(t('date'), h('input', { type: 'date', required: true }));
    const pattern = field(t('pattern'), h('select'));
    const people = (label: string) => field(label, h('select', null, h('option', { value: '' }, '–'), ...agents.map((a) => h('option', { value: a.id }, `${a.name} (${a.kommune.name})`))));
    const from = people(t('from'));
    const to = people(t('to'));
    const note = field(t('note'), h('input', { type: 'text', maxlength: '200' }));
    const feedback = h('p', { class: 'panel-feedback', role: 'status' });
    const fillPatterns = () =>
      replace(
        pattern.control,
        h('option', { value: '' }, t('allPatterns')),
        ...rota().patterns.map((p) => h('option', { value: p.id }, `${wallTime(hhmm(p.start))}–${wallTime(hhmm(p.end))}`)),
      );
    const show = () => {
      from.element.hidden = to.element.hidden = kind.control.value !== 'Swap';
    };
    kind.control.addEventListener('change', show);
    fillPatterns();
    show();

    const form = h('form', { class: 'exception-form', novalidate: true }, kind.element, date.element, pattern.element, from.element, to.element, note.element, h('button', { type: 'submit', class: 'btn btn--secondary' }, t('submit')), feedback);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const k = kind.control.value as Kind;
      date.setError(date.control.value ? null : t('dateRequired'));
      from.setError(k === 'Swap' && !(from.control.value && to.control.value) ? t('agentsRequired') : null);
      if (date.error || from.error) {
        (date.error ? date.control : from.control).focus();
        return;
      }

      const outcome = await client.edit('POST', '/exceptions', {
        kind: k,
        date: date.control.value,
        patternId: pattern.control.value || null,
        fromAgentId: k === 'Swap' ? from.control.value : null,
        toAgentId: k === 'Swap' ? to.control.value : null,
        note: note.control.value.trim() || null,
      });
      if (outcome.ok) {
        feedback.textContent = t('done');
        form.reset();
        show();
        published();
      } else if (outcome.stale) {
        feedback.textContent = t('stale');
        published();
      } else {
        feedback.textContent = refusalText(outcome.refusal, date.control.value);
      }

      fillPatterns();
    });
    this.element = h('details', { class: 'exception-add' }, h('summary', null, t('add')), form);
  }
}
