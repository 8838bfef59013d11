import type { CallbackReceipt, OpeningInfo, Topic } from '../shared/contracts';
import { focusHeading, h } from '../shared/dom';
import { errorSummary, field, summarise, type Field } from '../shared/forms';
import { ApiError, postJson } from '../shared/http';
import { lang } from '../shared/i18n';
import { page } from './page';
import { nextOpeningText } from './status-text';
import { t } from './texts';

const phonePattern = /^(\+45)?\d{8}$/;

/**
 * When the hotline is closed: when it opens next, in plain words, and a form to book a call-back
 * (telefonmøde) or leave a message, answered with a receipt and a reference.
 */
export function closedView(nextOpening: OpeningInfo | null, topics: Topic[]): HTMLElement {
  const view = h('section', { class: 'card view view--closed', 'aria-labelledby': 'closed-heading' });
  const heading = h('h1', { id: 'closed-heading' }, t('closedNow'));
  view.append(
    heading,
    h('p', { class: 'next-opening' }, nextOpening ? `${nextOpeningText(nextOpening)}.` : t('nextOpeningUnknown')),
    h('p', null, t('closedIntro', { kommune: page.name })),
    callbackForm(topics, (receipt) => {
      view.replaceChildren(receiptView(receipt, () => view.replaceWith(closedView(nextOpening, topics))));
      focusHeading(view.querySelector('h1'));
    }),
  );
  return view;
}

function callbackForm(topics: Topic[], done: (receipt: CallbackReceipt) => void): HTMLFormElement {
  const callback = h('input', { type: 'radio', name: 'kind', value: 'callback', checked: true });
  const message = h('input', { type: 'radio', name: 'kind', value: 'message' });
  const topic = field(t('topic'), h('select', { required: true }, h('option', { value: '' }, t('chooseTopic')), ...topics.map((x) => h('option', { value: x.code }, x.name))));
  const name = field(`${t('name')} ${t('optional')}`, h('input', { type: 'text', autocomplete: 'name', maxlength: '100' }));
  const phone = field(t('phone'), h('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '20' }), t('phoneHint'));
  const when = field(`${t('preferredTime')} ${t('optional')}`, h('input', { type: 'text', maxlength: '100' }), t('preferredTimeHint'));
  const text = field(t('message'), h('textarea', { rows: '4', maxlength: '4000' }), t('messageHint'));
  const summary = errorSummary();
  const failure = h('div', { class: 'notice notice--error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn' }, t('send'));
  const isCallback = () => callback.checked;
  const arrange = () => {
    when.element.hidden = !isCallback();
    phone.element.querySelector('label')!.textContent = isCallback() ? t('phone') : t('phoneOptional');
    text.element.querySelector('label')!.textContent = isCallback() ? `${t('message')} ${t('optional')}` : t('message');
  };
  callback.addEventListener('change', arrange);
  message.addEventListener('change', arrange);
  arrange();

  const form = h(
    'form',
    { class: 'callback-form', novalidate: true },
    summary,
    h('fieldset', { class: 'field' }, h('legend', null, t('leaveWhat')), h('label', { class: 'choice' }, callback, t('bookCallback')), h('label', { class: 'choice' }, message, t('leaveMessage'))),
    topic.element,
    name.element,
    phone.element,
    when.element,
    text.element,
    failure,
    h('div', { class: 'actions' }, submit),
  );
  const fields: Field[] = [topic, name, phone, when, text];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = phone.control.value.replace(/[\s-]/g, '');
    topic.setError(topic.control.value ? null : t('topicRequired'));
    phone.setError(number ? (phonePattern.test(number) ? null : t('phoneInvalid')) : isCallback() ? t('phoneRequired') : null);
    text.setError(!isCallback() && !text.control.value.trim() ? t('messageRequired') : null);
    name.setError(null);
    when.setError(null);
    if (!summarise(summary, t('errorSummary'), fields)) {
      return;
    }

    submit.disabled = true;
    submit.textContent = t('sending');
    failure.hidden = true;
    try {
      const { body } = await postJson<CallbackReceipt>(`/api/kommuner/${encodeURIComponent(page.slug)}/callbacks`, {
        topic: topic.control.value,
        name: name.control.value.trim() || null,
        phone: number || null,
        preferredTime: isCallback() ? when.control.value.trim() || null : null,
        message: text.control.value.trim() || null,
      });
      done(body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
        // The server's words are English; say it in the page's language, per field.
        const byField: Record<string, Field> = { topic, name, phone, preferredTime: when, message: text };
        for (const key of Object.keys(error.problem.errors)) {
          const target = byField[key];
          target?.setError(key === 'phone' ? t('phoneInvalid') : key === 'topic' ? t('topicRequired') : t('tooLong'));
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

function receiptView(receipt: CallbackReceipt, again: () => void): HTMLElement {
  return h(
    'div',
    { class: 'receipt' },
    h('h1', { id: 'closed-heading' }, t('receiptTitle')),
    // The server's receipt is Danish; the English page says the same with the reference.
    h('p', null, lang === 'da' ? receipt.text : t('receiptReference', { reference: receipt.reference })),
    h('p', { class: 'reference' }, h('strong', null, receipt.reference)),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn btn--secondary', onclick: again }, t('newRequest'))),
  );
}
