import type { QueueOverview } from '../shared/contracts';
import { h, replace } from '../shared/dom';
import type { Lookups } from './lookups';
import { t, waitText } from './texts';

/**
 * The queue of the pool the agent serves now: how many wait, the longest wait (ticking), and each waiting
 * chat's kommune and topic with a button to take it. Waits are counted on the server's clock.
 */
export class QueuePanel {
  readonly element: HTMLElement;
  private readonly summary = h('p', { class: 'queue-summary', 'aria-live': 'polite' }, t('loading'));
  private readonly list = h('ul', { class: 'queue-list' });
  private readonly hint = h('p', { class: 'muted' });
  private readonly feedback = h('p', { class: 'panel-feedback', role: 'status' });
  private queue: QueueOverview = { waiting: 0, longestWaitSeconds: null, chats: [] };
  private offset = 0;

  constructor(
    private readonly lookups: Lookups,
    private readonly take: (chatId: string) => Promise<string | null>,
  ) {
    this.element = h('section', { class: 'card side-section', 'aria-labelledby': 'queue-heading' }, h('h2', { id: 'queue-heading' }, t('queue')), this.summary, this.hint, this.list, this.feedback);
    window.setInterval(() => this.tick(), 1000);
  }

  /** Away or offline the agent gets no chats: she sees how many wait, not the chats to take, and the hint says why. */
  setAvailable(available: boolean): void {
    this.hint.textContent = available ? '' : t('queueAway');
    this.hint.hidden = available;
    this.list.hidden = !available;
    this.feedback.textContent = '';
  }

  show(queue: QueueOverview): void {
    this.queue = queue;
    const oldest = queue.chats.reduce((min, c) => Math.min(min, Date.parse(c.queuedAt)), Number.POSITIVE_INFINITY);
    // The server's "now" when it counted: the oldest chat's arrival plus its wait.
    this.offset = queue.longestWaitSeconds !== null && Number.isFinite(oldest) ? oldest + queue.longestWaitSeconds * 1000 - Date.now() : 0;
    this.summary.textContent =
      queue.waiting === 0 ? t('queueEmpty') : `${t('queueWaiting', { n: queue.waiting })} · ${t('queueLongest', { wait: waitText(queue.longestWaitSeconds ?? 0) })}`;
    replace(
      this.list,
      ...queue.chats.map((c) => {
        const waited = h('span', { class: 'queue-item__wait', 'data-queued-at': c.queuedAt });
        const topic = h('span', null, c.topic);
        const button = h('button', { type: 'button', class: 'btn btn--small', 'aria-label': t('takeLabel', { kommune: this.lookups.kommuneName(c.kommune), topic: c.topic }) }, t('take'));
        void this.lookups.topicName(c.kommune, c.topic).then((name) => {
          topic.textContent = name;
          button.setAttribute('aria-label', t('takeLabel', { kommune: this.lookups.kommuneName(c.kommune), topic: name }));
        });
        button.addEventListener('click', async () => {
          button.disabled = true;
          const error = await this.take(c.chatId);
          this.feedback.textContent = error ?? '';
          button.disabled = false;
        });
        return h('li', { class: 'queue-item' }, h('span', { class: 'queue-item__what' }, h('strong', null, this.lookups.kommuneName(c.kommune)), ' · ', topic, ' · ', waited), button);
      }),
    );
    this.tick();
  }

  private tick(): void {
    if (this.queue.waiting === 0) {
      return;
    }

    const serverNow = Date.now() + this.offset;
    for (const span of this.list.querySelectorAll<HTMLElement>('[data-queued-at]')) {
      span.textContent = t('waited', { wait: waitText((serverNow - Date.parse(span.dataset.queuedAt!)) / 1000) });
    }
  }
}
