import type { ChatStateReason } from '../shared/codes';
import type { ChatMessage, CitizenChat, Sender } from '../shared/contracts';
import { announce, h, replace } from '../shared/dom';
import { hubErrorCode, isTransient, newClientMessageId } from '../shared/hub';
import { clock } from '../shared/time';
import type { CitizenLine, LineState } from './citizen-line';
import { page, replies, session } from './page';
import { estimate } from './status-text';
import { systemText } from './system-texts';
import { t } from './texts';
import { downloadTranscript } from './transcript';

type Delivery = 'sending' | 'sent' | 'waiting' | 'failed';

/** One message on screen. The citizen's own messages carry their delivery state until the server has stored them. */
interface Line {
  clientMessageId: string;
  seq: number | null;
  sender: Sender;
  senderName: string | null;
  text: string;
  sentAt: string | null;
  delivery: Delivery;
  error: string | null;
  element: HTMLLIElement;
  order: number;
}

const cprLike = /(^|\D)\d{6}[- ]?\d{4}(\D|$)/;

/**
 * The chat itself: the receipt and reference, place in the queue with an honest estimate, messages with
 * delivery state, the member of staff's typing, a reconnecting state that recovers by itself (replaying what
 * was missed and resending what was not yet stored), ending the chat and downloading the transcript.
 */
export class ChatView {
  readonly element: HTMLElement;
  private chat: CitizenChat;
  private readonly lines = new Map<string, Line>();
  /** Every message up to this number has been seen: the replay point after a reconnect (not the highest seen). */
  private contiguousSeq = 0;
  private readonly seenSeqs = new Set<number>();
  private created = 0;
  private readonly status = h('p', { class: 'chat-status', role: 'status', tabindex: '-1' });
  private readonly banner = h('p', { class: 'connection', role: 'status', hidden: true });
  private readonly list = h('ol', { class: 'messages', tabindex: '0', 'aria-label': t('chatHeading') });
  private readonly typingLine = h('p', { class: 'typing' });
  private readonly input = h('textarea', { id: 'compose', rows: '2', maxlength: '4000', 'aria-describedby': 'compose-hint compose-warning' });
  private readonly warning = h('p', { id: 'compose-warning', class: 'compose__warning', 'aria-live': 'polite' });
  private readonly composer: HTMLFormElement;
  private readonly actions = h('div', { class: 'actions chat-actions' });
  private typingSentAt = 0;
  private typingStop = 0;
  private agentTypingTimeout = 0;
  private bannerTimeout = 0;
  // Why the status last changed by itself (closing time, gone too long, the agent's console dropped); cleared by the next change.
  private reason: ChatStateReason | null = null;

  constructor(
    private readonly line: CitizenLine,
    chat: CitizenChat,
    private readonly topicName: string,
    private readonly startAgain: () => void,
  ) {
    this.chat = chat;
    this.composer = h(
      'form',
      { class: 'composer' },
      h('label', { for: 'compose' }, t('composeLabel')),
      h('span', { id: 'compose-hint', class: 'visually-hidden' }, t('composeHint')),
      h('div', { class: 'composer__row' }, this.input, h('button', { type: 'submit', class: 'btn' }, t('send'))),
      this.warning,
    );
    this.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        void this.submit();
      }
    });
    this.input.addEventListener('input', () => this.typed());

    this.element = h(
      'section',
      { class: 'card view view--chat', 'aria-labelledby': 'chat-heading' },
      h('div', { class: 'chat-head' }, h('h1', { id: 'chat-heading' }, t('chatHeading')), h('p', { class: 'reference' }, t('reference', { reference: chat.reference }))),
      this.status,
      this.banner,
      this.list,
      this.typingLine,
      this.composer,
      this.actions,
    );

    line.onMessage = (m) => this.receive(m, true);
    line.onQueue = (q) => {
      if (q.chatId === this.chat.chatId) {
        this.chat = { ...this.chat, queue: q };
        this.renderStatus();
      }
    };
    line.onState = (c) => {
      if (c.chatId === this.chat.chatId) {
        this.chat = { ...this.chat, status: c.status, agentName: c.agentName ?? (c.status === 'Active' ? this.chat.agentName : null) };
        this.reason = c.reason ?? null;
        this.renderStatus();
      }
    };
    line.onTyping = (s) => {
      if (s.chatId === this.chat.chatId && s.sender === 'Agent') {
        this.showAgentTyping(s.isTyping);
      }
    };
    line.onResync = () => void this.catchUp();
    line.onLine = (state) => this.showLine(state);

    for (const m of chat.messages) {
      this.receive(m, false);
    }

    this.renderStatus();
  }

  focusComposer(): void {
    if (!this.input.disabled) {
      this.input.focus();
    }
  }

  private get over(): boolean {
    return this.chat.status === 'Ended' || this.chat.status === 'Abandoned';
  }

  private renderStatus(): void {
    const c = this.chat;
    let text: string;
    switch (c.status) {
      case 'Queued': {
        if (this.reason === 'held_over') {
          text = t('heldOver');
          break;
        }

        const place = c.queue ? (c.queue.position <= 1 ? t('queuedAlone') : t('queued', { position: c.queue.position })) : '';
        text = [t('received'), place, c.queue ? estimate(c.queue.estimatedWaitSeconds) : ''].filter(Boolean).join(' ');
        break;
      }
      case 'Assigned':
        text = t('assigned');
        break;
      case 'Active':
        text = this.reason === 'agent_away' && c.agentName ? t('agentAway', { name: c.agentName }) : c.agentName ? t('active', { name: c.agentName }) : t('activeNoName');
        break;
      case 'Ended':
        text = this.reason === 'closing' ? t('endedClosing') : t('ended');
        break;
      default:
        text = this.reason === 'closing' ? t('endedClosing') : this.reason === 'citizen_gone' ? t('endedGone') : t('abandoned');
    }

    if (this.status.textContent !== text) {
      this.status.textContent = text;
    }

    this.status.dataset.status = c.status;
    this.composer.hidden = this.over;
    this.input.disabled = this.over;
    if (this.over) {
      this.showAgentTyping(false);
    }

    this.renderActions();
  }

  private renderActions(confirming = false): void {
    const download = h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => void this.download() }, t('download'));
    if (this.over) {
      replace(this.actions, download, h('button', { type: 'button', class: 'btn', onclick: () => this.newChat() }, this.reason === 'closing' ? t('bookInstead') : t('newChat')));
      return;
    }

    if (confirming) {
      const no = h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => this.renderActions() }, t('endNo'));
      replace(
        this.actions,
        h('p', { class: 'confirm', id: 'end-confirm' }, t('endConfirm')),
        h('button', { type: 'button', class: 'btn btn--danger', 'aria-describedby': 'end-confirm', onclick: () => void this.end() }, t('endYes')),
        no,
      );
      no.focus();
      return;
    }

    replace(this.actions, download, h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => this.renderActions(true) }, t('endChat')));
  }

  private observe(seq: number): void {
    if (seq <= this.contiguousSeq) {
      return;
    }

    this.seenSeqs.add(seq);
    while (this.seenSeqs.delete(this.contiguousSeq + 1)) {
      this.contiguousSeq++;
    }
  }

  private receive(m: ChatMessage, live: boolean): void {
    if (m.chatId !== this.chat.chatId) {
      return;
    }

    this.observe(m.seq);
    const known = this.lines.get(m.clientMessageId);
    if (known) {
      if (known.seq === null) {
        Object.assign(known, { seq: m.seq, sentAt: m.sentAt, delivery: 'sent', error: null });
        this.draw(known);
        this.arrange();
      }

      return;
    }

    const line = this.add({ clientMessageId: m.clientMessageId, seq: m.seq, sender: m.sender, senderName: m.senderName, text: m.text, sentAt: m.sentAt, delivery: 'sent', error: null });
    if (m.sender === 'Agent') {
      this.showAgentTyping(false);
    }

    if (live && m.sender !== 'Citizen') {
      announce(t('newMessage', { name: this.nameOf(line), text: m.sender === 'System' ? systemText(m.text, this.topicName) : m.text }));
    }

    if (live && m.sender === 'Agent') {
      replies.arrived();
    }
  }

  private add(fields: Omit<Line, 'element' | 'order'>): Line {
    const line: Line = { ...fields, element: h('li'), order: this.created++ };
    this.lines.set(line.clientMessageId, line);
    this.draw(line);
    this.arrange();
    return line;
  }

  private nameOf(line: Line): string {
    return line.sender === 'Citizen' ? t('you') : line.sender === 'Agent' ? (line.senderName ?? t('staff')) : t('system', { kommune: page.officialName });
  }

  private draw(line: Line): void {
    const mine = line.sender === 'Citizen';
    line.element.className = `msg msg--${line.sender.toLowerCase()}${mine ? ' msg--mine' : ''}${line.delivery === 'failed' ? ' msg--failed' : ''}`;
    line.element.dataset.delivery = line.delivery;
    const state = mine ? h('p', { class: 'msg__state' }, this.deliveryText(line)) : null;
    if (state && line.delivery === 'failed' && line.error === null) {
      state.append(' ', h('button', { type: 'button', class: 'link-button', onclick: () => void this.deliver(line) }, t('retry')));
    }

    replace(
      line.element,
      h('p', { class: 'msg__meta' }, `${this.nameOf(line)}${line.sentAt ? ` · ${clock(line.sentAt)}` : ''}`),
      h('p', { class: 'msg__text' }, line.sender === 'System' ? systemText(line.text, this.topicName) : line.text),
      state,
    );
  }

  private deliveryText(line: Line): string {
    switch (line.delivery) {
      case 'sending':
        return t('stateSending');
      case 'sent':
        return t('stateSent', { time: line.sentAt ? clock(line.sentAt) : '' }).trim();
      case 'waiting':
        return t('stateWaiting');
      default:
        return t('stateFailed', { reason: line.error ?? t('reconnecting') });
    }
  }

  /** Stored messages by sequence number, then the ones still on their way in the order they were written. */
  private arrange(): void {
    const ordered = [...this.lines.values()].sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) || a.order - b.order);
    const current = Array.from(this.list.children);
    if (ordered.length !== current.length || ordered.some((line, i) => current[i] !== line.element)) {
      const nearBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
      this.list.append(...ordered.map((l) => l.element));
      if (nearBottom || current.length === 0) {
        this.list.scrollTop = this.list.scrollHeight;
      }
    }
  }

  private async submit(): Promise<void> {
    const text = this.input.value;
    if (!text.trim()) {
      this.warning.textContent = t('messageEmpty');
      return;
    }

    this.input.value = '';
    this.warning.textContent = '';
    this.stopTyping();
    const line = this.add({ clientMessageId: newClientMessageId(), seq: null, sender: 'Citizen', senderName: null, text, sentAt: null, delivery: 'sending', error: null });
    this.list.scrollTop = this.list.scrollHeight;
    await this.deliver(line);
  }

  /** Sends (or resends, with the same client id) until the server has stored the message. */
  private async deliver(line: Line): Promise<void> {
    if (line.seq !== null) {
      return;
    }

    line.delivery = this.line.connected ? 'sending' : 'waiting';
    line.error = null;
    this.draw(line);
    if (!this.line.connected) {
      return;
    }

    try {
      const ack = await this.line.send(this.chat.sessionToken, line.clientMessageId, line.text);
      this.observe(ack.seq);
      Object.assign(line, { seq: ack.seq, sentAt: ack.sentAt, delivery: 'sent' });
    } catch (error) {
      const code = hubErrorCode(error);
      if (isTransient(code)) {
        line.delivery = this.line.connected ? 'failed' : 'waiting';
      } else {
        line.delivery = 'failed';
        line.error = refusal(code);
        if (code === 'chat_ended') {
          this.chat = { ...this.chat, status: 'Ended' };
          this.renderStatus();
        }
      }
    }

    this.draw(line);
    this.arrange();
  }

  private typed(): void {
    this.warning.textContent = cprLike.test(this.input.value) ? t('cprWarning') : '';
    if (!this.input.value.trim()) {
      this.stopTyping();
      return;
    }

    const now = Date.now();
    if (now - this.typingSentAt > 3000) {
      this.typingSentAt = now;
      this.line.typing(this.chat.sessionToken, true).catch(() => {});
    }

    window.clearTimeout(this.typingStop);
    this.typingStop = window.setTimeout(() => this.stopTyping(), 4000);
  }

  private stopTyping(): void {
    window.clearTimeout(this.typingStop);
    if (this.typingSentAt !== 0) {
      this.typingSentAt = 0;
      this.line.typing(this.chat.sessionToken, false).catch(() => {});
    }
  }

  private showAgentTyping(typing: boolean): void {
    window.clearTimeout(this.agentTypingTimeout);
    this.typingLine.textContent = typing ? t('typing', { name: this.chat.agentName ?? t('staff') }) : '';
    if (typing) {
      this.agentTypingTimeout = window.setTimeout(() => this.showAgentTyping(false), 15_000);
    }
  }

  private showLine(state: LineState): void {
    window.clearTimeout(this.bannerTimeout);
    if (state === 'reconnecting') {
      this.banner.textContent = t('reconnecting');
      this.banner.hidden = false;
      this.banner.dataset.state = 'reconnecting';
      for (const line of this.lines.values()) {
        if (line.delivery === 'sending') {
          line.delivery = 'waiting';
          this.draw(line);
        }
      }

      return;
    }

    if (state === 'connected' && !this.banner.hidden) {
      this.banner.textContent = t('reconnected');
      this.banner.dataset.state = 'connected';
      this.bannerTimeout = window.setTimeout(() => (this.banner.hidden = true), 4000);
      void this.catchUp();
    }
  }

  /** After a reconnect (or when the server asks): fetch what was missed, then resend what is not yet stored. */
  private async catchUp(): Promise<void> {
    try {
      const chat = await this.line.resume(this.chat.sessionToken, this.contiguousSeq);
      this.chat = { ...chat, sessionToken: this.chat.sessionToken };
      const missed = chat.messages.filter((m) => !this.lines.has(m.clientMessageId));
      chat.messages.forEach((m) => this.receive(m, false));
      const lastIncoming = missed.filter((m) => m.sender !== 'Citizen').at(-1);
      if (lastIncoming) {
        announce(t('newMessage', { name: lastIncoming.senderName ?? t('staff'), text: lastIncoming.text }));
      }

      this.renderStatus();
      for (const line of this.lines.values()) {
        if (line.seq === null && line.delivery !== 'failed') {
          await this.deliver(line);
        }
      }
    } catch (error) {
      if (hubErrorCode(error) === 'session_invalid' || hubErrorCode(error) === 'chat_not_found') {
        this.status.textContent = t('sessionLost');
        this.chat = { ...this.chat, status: 'Ended' };
        this.renderActions();
      }
    }
  }

  private async end(): Promise<void> {
    try {
      await this.line.end(this.chat.sessionToken);
      this.chat = { ...this.chat, status: this.chat.status === 'Queued' ? 'Abandoned' : 'Ended' };
      this.renderStatus();
      this.status.focus();
    } catch (error) {
      this.warning.textContent = refusal(hubErrorCode(error));
      this.renderActions();
    }
  }

  private async download(): Promise<void> {
    try {
      downloadTranscript(this.chat.reference, this.topicName, await this.line.history(this.chat.sessionToken));
      announce(t('transcriptSaved'));
    } catch {
      this.warning.textContent = t('reconnecting');
    }
  }

  private newChat(): void {
    this.stopTyping();
    session.clear();
    const noop = () => {};
    Object.assign(this.line, { onMessage: noop, onQueue: noop, onState: noop, onTyping: noop, onResync: noop, onLine: noop });
    this.startAgain();
  }
}

function refusal(code: string | null): string {
  switch (code) {
    case 'message_empty':
      return t('messageEmpty');
    case 'message_too_long':
      return t('messageTooLong');
    case 'message_invalid':
      return t('messageInvalid');
    case 'chat_ended':
      return t('chatEndedError');
    case 'session_invalid':
    case 'chat_not_found':
      return t('sessionLost');
    default:
      return t('reconnecting');
  }
}
