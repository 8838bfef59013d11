import type { HotlineStatus } from '../shared/contracts';
import { h } from '../shared/dom';
import { errorSummary, field, summarise } from '../shared/forms';
import { topicName } from '../shared/i18n';
import { page } from './page';
import { estimate, whoAnswers } from './status-text';
import { t } from './texts';

/** What the start form asks for; the promise resolves to an error to show, or null when the chat started. */
export type StartChat = (topic: string, firstName: string | null) => Promise<string | null>;

/** Before the chat: open now, who answers, the wait, topic, optional first name and the privacy note. */
export function startView(status: HotlineStatus, start: StartChat): HTMLElement {
  const topic = field(
    t('topic'),
    h('select', { name: 'topic', required: true }, h('option', { value: '' }, t('chooseTopic')), ...status.topics.map((x) => h('option', { value: x.code }, topicName(x)))),
  );
  const firstName = field(
    `${t('firstName')} ${t('optional')}`,
    h('input', { type: 'text', name: 'firstName', autocomplete: 'given-name', maxlength: '50' }),
    t('firstNameHint'),
  );
  const summary = errorSummary();
  const failure = h('div', { class: 'notice notice--error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn' }, t('startChat'));
  const form = h(
    'form',
    { class: 'start-form', novalidate: true },
    summary,
    topic.element,
    firstName.element,
    h('div', { class: 'notice notice--warning privacy' }, h('h2', { class: 'privacy__title' }, t('privacyTitle')), h('p', null, t('privacy', { kommune: page.officialName }))),
    failure,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = firstName.control.value.trim();
    topic.setError(topic.control.value ? null : t('topicRequired'));
    firstName.setError(name.length > 50 ? t('firstNameTooLong') : null);
    if (!summarise(summary, t('errorSummary'), [topic, firstName])) {
      return;
    }

    submit.disabled = true;
    submit.textContent = t('starting');
    failure.hidden = true;
    const error = await start(topic.control.value, name || null);
    if (error) {
      failure.textContent = t('startFailed', { reason: error });
      failure.hidden = false;
      submit.disabled = false;
      submit.textContent = t('startChat');
    }
  });

  const queue = status.queueLength > 0 ? t('waitingNow', { n: status.queueLength }) : t('waitingNone');
  // What is true now: someone free answers at once; all busy gives the queue and the estimate; nobody signed in yet says so.
  const staffed =
    status.staffing === 'free' ? t('staffedFree') : status.staffing === 'unstaffed' ? t('staffedNobody') : `${queue} ${estimate(status.estimatedWaitSeconds)}`;
  return h(
    'section',
    { class: 'card view view--start', 'aria-labelledby': 'start-heading' },
    h('h1', { id: 'start-heading' }, t('panelTitle', { kommune: page.officialName })),
    h('p', { class: 'open-badge', 'data-staffing': status.staffing }, h('span', { class: 'dot', 'aria-hidden': 'true' }), status.staffing === 'unstaffed' ? t('openUnstaffed') : t('openNow')),
    h('p', null, whoAnswers(status)),
    h('p', { class: 'muted staffing' }, staffed),
    form,
  );
}
