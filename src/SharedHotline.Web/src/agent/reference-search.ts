import type { TranscriptView } from '../shared/contracts';
import { h, replace, uid } from '../shared/dom';
import { ApiError, getJson } from '../shared/http';
import { clock, shortDate } from '../shared/time';
import type { Lookups } from './lookups';
import { t } from './texts';

/**
 * Finds an earlier chat by the reference a citizen quotes (SOR-4K7Q2M) and shows its transcript, as far as the
 * server lets this agent read it: the kommune's own staff, or the agent who handled the chat.
 */
export class ReferenceSearch {
  readonly element: HTMLElement;
  private readonly result = h('div', { class: 'reference-result' });

  constructor(private readonly lookups: Lookups) {
    const inputId = uid('reference');
    const input = h('input', { id: inputId, type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: '32', 'aria-describedby': `${inputId}-hint` });
    const form = h(
      'form',
      { class: 'reference-search', role: 'search' },
      h('label', { for: inputId }, t('searchLabel')),
      h('span', { id: `${inputId}-hint`, class: 'field__hint' }, t('searchHint')),
      h('div', { class: 'transfer__row' }, input, h('button', { type: 'submit', class: 'btn btn--secondary btn--small' }, t('searchButton'))),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.find(input.value.trim());
    });
    this.element = h('section', { class: 'card side-section', 'aria-labelledby': 'search-heading' }, h('h2', { id: 'search-heading' }, t('search')), form, this.result);
  }

  private async find(reference: string): Promise<void> {
    if (!reference) {
      return;
    }

    replace(this.result, h('p', { class: 'muted', role: 'status' }, t('loading')));
    try {
      this.show(await getJson<TranscriptView>(`/api/transcripts/by-reference/${encodeURIComponent(reference)}`));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      const text = status === 404 ? t('searchNotFound', { reference }) : status === 403 ? t('searchForbidden', { reference }) : t('searchFailed');
      replace(this.result, h('p', { class: 'notice notice--error', role: 'alert' }, text));
    }
  }

  private show(chat: TranscriptView): void {
    const kommune = this.lookups.kommuneName(chat.kommune);
    const topic = h('span', null, chat.topic);
    void this.lookups.topicName(chat.kommune, chat.topic).then((name) => (topic.textContent = name));
    const who = (sender: string, name: string | null) => (sender === 'Citizen' ? (chat.citizenName ?? t('citizen')) : sender === 'Agent' ? (name ?? t('colleague')) : kommune);
    replace(
      this.result,
      h(
        'article',
        { class: 'transcript', 'aria-labelledby': 'transcript-heading', 'data-reference': chat.reference },
        h('h3', { id: 'transcript-heading', tabindex: '-1' }, t('transcriptTitle', { reference: chat.reference, kommune })),
        h('p', { class: 'panel-meta' }, topic, ' · ', t('transcriptWhen', { date: shortDate(chat.createdAt), time: clock(chat.createdAt) }), ' · ', chat.endedAt ? t('transcriptEnded') : t('transcriptOpen')),
        chat.containsCpr ? h('p', { class: 'notice' }, t('taskCpr')) : null,
        h('ol', { class: 'messages messages--transcript', tabindex: '0', 'aria-label': t('transcriptMessages', { reference: chat.reference }) },
          ...chat.messages.map((m) => h('li', { class: `msg msg--${m.sender.toLowerCase()}` }, h('p', { class: 'msg__meta' }, `${who(m.sender, m.senderName)} · ${clock(m.sentAt)}`), h('p', { class: 'msg__text' }, m.text)))),
      ),
    );
    this.result.querySelector<HTMLElement>('h3')?.focus();
  }
}
