import type { CaseReceipt, FreeTime, MeetingTopic, OpeningInfo, Topic } from '../shared/contracts';
import { focusHeading, h, replace } from '../shared/dom';
import { errorSummary, field, summarise, type Field } from '../shared/forms';
import { ApiError, getJson, postJson } from '../shared/http';
import { lang, topicName } from '../shared/i18n';
import { clock, day } from '../shared/time';
import { page } from './page';
import { nextOpeningText } from './status-text';
import { t } from './texts';

const phonePattern = /^(\+45)?\d{8}$/;

/**
 * When the hotline is closed: when it opens next, in plain words, and a form to book a telefonmøde at one of the
 * kommune's free times or leave a message, answered with a receipt, a reference and a private status link.
 */
export function closedView(nextOpening: OpeningInfo | null, topics: Topic[], closedFor: string | null = null): HTMLElement {
  const view = h('section', { class: 'card view view--closed', 'aria-labelledby': 'closed-heading' });
  const heading = h('h1', { id: 'closed-heading' }, t('closedNow'));
  view.append(heading);
  if (closedFor) {
    view.append(h('p', { class: 'closed-for' }, t('closedFor', { day: closedDayName(closedFor) })));
  }

  view.append(
    h('p', { class: 'next-opening' }, nextOpening ? `${nextOpeningText(nextOpening)}.` : t('nextOpeningUnknown')),
    h('p', null, t('closedIntro', { kommune: page.officialName })),
    caseForm(topics, (receipt) => {
      view.replaceChildren(receiptView(receipt, () => view.replaceWith(closedView(nextOpening, topics, closedFor))));
      focusHeading(view.querySelector('h1'));
    }),
  );
  return view;
}

const englishDayNames: Record<string, string> = {
  Nytårsdag: "New Year's Day",
  Skærtorsdag: 'Maundy Thursday',
  Langfredag: 'Good Friday',
  Påskedag: 'Easter Sunday',
  '2. påskedag': 'Easter Monday',
  'Kristi himmelfartsdag': 'Ascension Day',
  Pinsedag: 'Whit Sunday',
  '2. pinsedag': 'Whit Monday',
  Grundlovsdag: 'Constitution Day',
  Juleaften: 'Christmas Eve',
  Juledag: 'Christmas Day',
  '2. juledag': 'Boxing Day',
  Nytårsaften: "New Year's Eve",
};

/** The holiday's name in the page's language: Danish as the rota names it ("juleaften"), or its English name. */
function closedDayName(name: string): string {
  return lang === 'en' ? (englishDayNames[name] ?? name) : name.toLowerCase();
}

/** The booking form on its own, for the chat page while the hotline is open. */
export function bookingView(topics: Topic[], back: () => void): HTMLElement {
  const view = h('section', { class: 'card view view--closed', 'aria-labelledby': 'closed-heading' });
  view.append(
    h('h1', { id: 'closed-heading' }, t('bookHeading')),
    caseForm(topics, (receipt) => {
      view.replaceChildren(receiptView(receipt, back));
      focusHeading(view.querySelector('h1'));
    }),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn btn--secondary', onclick: back }, t('backToChat'))),
  );
  return view;
}

function caseForm(topics: Topic[], done: (receipt: CaseReceipt) => void): HTMLFormElement {
  const base = `/api/kommuner/${encodeURIComponent(page.slug)}`;
  const meeting = h('input', { type: 'radio', name: 'kind', value: 'meeting', checked: true });
  const message = h('input', { type: 'radio', name: 'kind', value: 'message' });
  const topic = field(t('topic'), h('select', { required: true }, h('option', { value: '' }, t('chooseTopic'))));
  const time = field(t('meetingTime'), h('select', { required: true }, h('option', { value: '' }, t('chooseTopicFirst'))), t('meetingTimeHint'));
  const name = field(`${t('name')} ${t('optional')}`, h('input', { type: 'text', autocomplete: 'name', maxlength: '100' }));
  const phone = field(t('phone'), h('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '20' }), t('phoneHint'));
  const text = field(t('message'), h('textarea', { rows: '4', maxlength: '4000' }), t('messageHint'));
  const summary = errorSummary();
  const failure = h('div', { class: 'notice notice--error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn' }, t('send'));
  let meetingTopics: MeetingTopic[] = [];
  const isMeeting = () => meeting.checked;
  const topicSelect = topic.control as HTMLSelectElement;
  const timeSelect = time.control as HTMLSelectElement;

  const fillTopics = () => {
    const choices = isMeeting() ? meetingTopics.map((m) => ({ code: m.code, name: `${topicName(m)} (${t('meetingMinutes', { n: m.minutes })})` })) : topics.map((x) => ({ code: x.code, name: topicName(x) }));
    replace(topicSelect, h('option', { value: '' }, t('chooseTopic')), ...choices.map((x) => h('option', { value: x.code }, x.name)));
  };
  const fillTimes = async () => {
    if (!isMeeting() || !topicSelect.value) {
      replace(timeSelect, h('option', { value: '' }, t('chooseTopicFirst')));
      return;
    }

    replace(timeSelect, h('option', { value: '' }, t('loadingTimes')));
    try {
      const free = await getJson<FreeTime[]>(`${base}/meetings/${encodeURIComponent(topicSelect.value)}/free`);
      replace(
        timeSelect,
        h('option', { value: '' }, free.length ? t('chooseTime') : t('noFreeTimes')),
        ...groupByDay(free).map(([d, times]) => h('optgroup', { label: d }, ...times.map((x) => h('option', { value: x.start }, `${day(x.start)} ${clock(x.start)}`)))),
      );
    } catch {
      replace(timeSelect, h('option', { value: '' }, t('timesFailed')));
    }
  };
  const arrange = () => {
    time.element.hidden = !isMeeting();
    phone.element.querySelector('label')!.textContent = isMeeting() ? t('phone') : t('phoneOptional');
    text.element.querySelector('label')!.textContent = isMeeting() ? `${t('meetingNote')} ${t('optional')}` : t('message');
    fillTopics();
    void fillTimes();
  };
  meeting.addEventListener('change', arrange);
  message.addEventListener('change', arrange);
  topicSelect.addEventListener('change', () => void fillTimes());
  void getJson<MeetingTopic[]>(`${base}/meetings`).then((m) => {
    meetingTopics = m;
    arrange();
  }, () => arrange());

  const form = h(
    'form',
    { class: 'callback-form', novalidate: true },
    summary,
    h('fieldset', { class: 'field' }, h('legend', null, t('leaveWhat')), h('label', { class: 'choice' }, meeting, t('bookCallback')), h('label', { class: 'choice' }, message, t('leaveMessage'))),
    topic.element,
    time.element,
    name.element,
    phone.element,
    text.element,
    failure,
    h('div', { class: 'actions' }, submit),
  );
  const fields: Field[] = [topic, time, name, phone, text];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = phone.control.value.replace(/[\s-]/g, '');
    topic.setError(topicSelect.value ? null : t('topicRequired'));
    time.setError(isMeeting() && !timeSelect.value ? t('timeRequired') : null);
    phone.setError(number ? (phonePattern.test(number) ? null : t('phoneInvalid')) : isMeeting() ? t('phoneRequired') : null);
    text.setError(!isMeeting() && !text.control.value.trim() ? t('messageRequired') : null);
    name.setError(null);
    if (!summarise(summary, t('errorSummary'), fields)) {
      return;
    }

    submit.disabled = true;
    submit.textContent = t('sending');
    failure.hidden = true;
    try {
      const { body } = await postJson<CaseReceipt>(`${base}/cases`, {
        topic: topicSelect.value,
        start: isMeeting() ? timeSelect.value : null,
        name: name.control.value.trim() || null,
        phone: number || null,
        note: text.control.value.trim() || null,
      });
      done(body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        time.setError(t('timeTaken'));
        summarise(summary, t('errorSummary'), fields);
        void fillTimes();
      } else if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
        // The server's words are English; say it in the page's language, per field.
        const byField: Record<string, [Field, string]> = { topic: [topic, t('topicRequired')], start: [time, t('timeRequired')], name: [name, t('tooLong')], phone: [phone, t('phoneInvalid')], note: [text, t('tooLong')] };
        for (const key of Object.keys(error.problem.errors)) {
          const target = byField[key];
          target?.[0].setError(target[1]);
        }

        summarise(summary, t('errorSummary'), fields);
      } else {
        failure.textContent = t('sendFailed');
        failure.hidden = false;
      }
    } finally {
      submit.disabled = false;
      submit.textContent = t('send');
    }
  });
  return form;
}

function groupByDay(times: FreeTime[]): [string, FreeTime[]][] {
  const days = new Map<string, FreeTime[]>();
  for (const x of times) {
    const d = day(x.start);
    days.set(d, [...(days.get(d) ?? []), x]);
  }

  return [...days.entries()];
}

function receiptView(receipt: CaseReceipt, again: () => void): HTMLElement {
  return h(
    'div',
    { class: 'receipt' },
    h('h1', { id: 'closed-heading' }, t('receiptTitle')),
    // The server's receipt is Danish; the English page says the same with the reference.
    h('p', null, lang === 'da' ? receipt.text : t('receiptReference', { reference: receipt.reference })),
    h('p', { class: 'reference' }, h('strong', null, receipt.reference)),
    h('p', null, h('a', { href: receipt.statusUrl, class: 'status-link' }, t('followCase'))),
    receipt.calendarUrl ? h('p', null, h('a', { href: receipt.calendarUrl, download: `telefonmoede-${receipt.reference}.ics` }, t('addToCalendar'))) : null,
    h('p', { class: 'muted' }, t('keepLink')),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn btn--secondary', onclick: again }, t('newRequest'))),
  );
}
