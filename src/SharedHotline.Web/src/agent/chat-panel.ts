import type { ChatRemovedReason } from '../shared/codes';
import type { AgentChat, ChatMessage } from '../shared/contracts';
import { announce, focusHeading, h, replace, uid } from '../shared/dom';
import { hubErrorCode, newClientMessageId } from '../shared/hub';
import { clock } from '../shared/time';
import type { AgentLine } from './agent-line';
import type { Lookups } from './lookups';
import { NotesBox } from './notes-box';
import { reason, t } from './texts';
import { TransferForm } from './transfer-form';

export interface PanelContext {
  line: AgentLine;
  lookups: Lookups;
  closed: (chatId: string) => void;
  /** The chat is mine now (accepted): its incoming alert has done its work. */
  accepted: (chatId: string) => void;
}

interface Shown {
  seq: number | null;
  element: HTMLLIElement;
}

/**
 * One chat on the agent's desk: the citizen's kommune, topic and reference, the conversation with the
 * citizen's typing, the kommune's canned answers and self-service links, internal notes, transfer and end.
 */
export class ChatPanel {
  readonly element: HTMLElement;
  readonly chatId: string;
  private chat: AgentChat;
  private readonly shown = new Map<string, Shown>();
  private readonly headingId = uid('chat');
  private readonly heading: HTMLHeadingElement;
  private readonly badge = h('span', { class: 'badge' }, t('newBadge'));
  private readonly acceptBar = h('div', { class: 'accept-bar' });
  private readonly list: HTMLOListElement;
  private readonly typingLine = h('p', { class: 'typing' });
  private readonly input: HTMLTextAreaElement;
  private readonly composer: HTMLFormElement;
  private readonly feedback = h('p', { class: 'panel-feedback', role: 'status' });
  private readonly footer = h('div', { class: 'panel-actions' });
  private readonly notes: NotesBox;
  private removed = false;
  private typingSentAt = 0;
  private typingStop = 0;
  private citizenTypingTimeout = 0;

  constructor(
    private readonly ctx: PanelContext,
    chat: AgentChat,
    isNew: boolean,
  ) {
    this.chat = chat;
    this.chatId = chat.chatId;
    this.notes = new NotesBox(ctx.line, chat.chatId, (action, done) => this.act(action, done));
    const kommune = ctx.lookups.officialName(chat.kommune);
    const name = chat.citizenName ?? t('citizen');
    this.heading = h('h3', { id: this.headingId, tabindex: '-1' }, t('chatTitle', { name, kommune }));
    const meta = h('p', { class: 'panel-meta' }, t('chatMeta', { topic: chat.topic, reference: chat.reference, time: clock(chat.createdAt) }));
    void ctx.lookups.topicName(chat.kommune, chat.topic).then((topic) => {
      meta.textContent = t('chatMeta', { topic, reference: chat.reference, time: clock(chat.createdAt) });
      meta.dataset.topic = topic;
    });
    this.list = h('ol', { class: 'messages', tabindex: '0', 'aria-label': t('messages', { name }) });
    const inputId = uid('reply');
    this.input = h('textarea', { id: inputId, rows: '3', maxlength: '4000' });
    this.input.addEventListener('input', () => this.typed());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        void this.submit();
      }
    });
    this.composer = h(
      'form',
      { class: 'composer' },
      h('label', { for: inputId }, t('replyLabel')),
      h('div', { class: 'composer__row' }, this.input, h('button', { type: 'submit', class: 'btn' }, t('send'))),
    );
    this.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });

    this.element = h(
      'article',
      { class: 'agent-chat', 'aria-labelledby': this.headingId, 'data-chat-id': chat.chatId, 'data-kommune': chat.kommune },
      h('header', { class: 'agent-chat__head' }, h('div', null, this.heading, meta, invitedFrom(chat)), isNew ? this.badge : null),
      this.acceptBar,
      this.list,
      this.typingLine,
      this.composer,
      this.feedback,
      h('div', { class: 'panel-tools' }, this.cannedAnswers(), this.selfService(), this.notes.element),
      this.footer,
    );
    const colour = ctx.lookups.colour(chat.kommune);
    if (colour) {
      this.element.style.setProperty('--kommune', colour);
    }

    for (const m of chat.messages) {
      this.receive(m, false);
    }

    this.renderState();
    void this.notes.load(isNew);
  }

  focus(): void {
    focusHeading(this.heading);
  }

  /** A newer view of the chat (after a reconnect): its state and any messages not yet shown. */
  update(chat: AgentChat): void {
    this.chat = chat;
    chat.messages.forEach((m) => this.receive(m, false));
    this.renderState();
  }

  receive(m: ChatMessage, live: boolean): void {
    if (m.chatId !== this.chatId) {
      return;
    }

    const known = this.shown.get(m.clientMessageId);
    if (known?.seq !== undefined && known.seq !== null) {
      return;
    }

    const mine = m.sender === 'Agent';
    const element = known?.element ?? h('li');
    element.className = `msg msg--${m.sender.toLowerCase()}${mine ? ' msg--mine' : ''}`;
    const who = m.sender === 'Citizen' ? (this.chat.citizenName ?? t('citizen')) : m.sender === 'Agent' ? (m.senderName ?? t('you')) : this.chat.kommuneName;
    replace(
      element,
      h('p', { class: 'msg__meta' }, `${who} · ${clock(m.sentAt)}`),
      h('p', { class: 'msg__text' }, m.text),
      m.containsCpr && m.sender !== 'System' ? h('p', { class: 'msg__cpr notice notice--warning' }, mine ? t('messageCprMine') : t('messageCpr')) : null,
    );
    this.shown.set(m.clientMessageId, { seq: m.seq, element });
    this.arrange();
    if (m.sender === 'Citizen') {
      this.citizenTyping(false);
      if (live) {
        announce(t('newMessage', { name: who, kommune: this.chat.kommuneName, text: m.text }));
      }
    }
  }

  citizenTyping(typing: boolean): void {
    window.clearTimeout(this.citizenTypingTimeout);
    this.typingLine.textContent = typing ? t('typing') : '';
    if (typing) {
      this.citizenTypingTimeout = window.setTimeout(() => this.citizenTyping(false), 15_000);
    }
  }

  /** The chat left my desk (ended, transferred, back in the queue): keep it readable, offer to close it. */
  markRemoved(why: ChatRemovedReason | null): void {
    this.removed = true;
    this.stopTyping();
    this.citizenTyping(false);
    this.element.classList.add('agent-chat--removed');
    this.feedback.textContent =
      why === 'ended'
        ? t('removedEnded')
        : why === 'transferred'
          ? t('removedTransferred')
          : why === 'returned_to_queue' || why === 'reclaimed'
            ? t('removedQueue')
            : t('removedOther');
    this.renderState();
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  private renderState(): void {
    const assigned = this.chat.status === 'Assigned' && !this.removed;
    replace(this.acceptBar, assigned ? h('button', { type: 'button', class: 'btn', onclick: () => void this.accept() }, t('accept')) : null);
    this.acceptBar.hidden = !assigned;
    if (!assigned) {
      this.badge.remove();
    }

    // An offered chat is accepted before the agent writes (the server refuses with chat_not_accepted).
    this.composer.hidden = this.removed || assigned;
    this.renderFooter();
  }

  private renderFooter(confirming = false): void {
    if (this.removed) {
      replace(this.footer, h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => this.ctx.closed(this.chatId) }, t('close')));
      return;
    }

    if (confirming) {
      const no = h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => this.renderFooter() }, t('endNo'));
      const confirmId = uid('confirm');
      replace(
        this.footer,
        h('p', { class: 'confirm', id: confirmId }, t('endConfirm')),
        h('button', { type: 'button', class: 'btn btn--danger', 'aria-describedby': confirmId, onclick: () => void this.end() }, t('endYes')),
        no,
      );
      no.focus();
      return;
    }

    const transfer = new TransferForm(this.ctx.line, this.ctx.lookups, this.chatId, this.chat.kommune, (to, note) => void this.transfer(to, note));
    replace(this.footer, transfer.element, h('button', { type: 'button', class: 'btn btn--secondary end-chat', onclick: () => this.renderFooter(true) }, t('end')));
  }

  private arrange(): void {
    const ordered = [...this.shown.values()].sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
    const current = Array.from(this.list.children);
    if (ordered.length !== current.length || ordered.some((s, i) => current[i] !== s.element)) {
      this.list.append(...ordered.map((s) => s.element));
      this.list.scrollTop = this.list.scrollHeight;
    }
  }

  private async act(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    try {
      await action();
      if (done) {
        this.feedback.textContent = done;
      }

      return true;
    } catch (error) {
      this.feedback.textContent = t('error', { reason: reason(hubErrorCode(error)) });
      return false;
    }
  }

  private async accept(): Promise<void> {
    if (await this.act(async () => (this.chat = await this.ctx.line.accept(this.chatId)), t('accepted', { kommune: this.chat.kommuneName }))) {
      this.chat.messages.forEach((m) => this.receive(m, false));
      this.ctx.accepted(this.chatId);
      this.renderState();
      this.input.focus();
    }
  }

  private async submit(): Promise<void> {
    const text = this.input.value;
    if (!text.trim() || this.removed) {
      return;
    }

    this.input.value = '';
    this.stopTyping();
    const clientMessageId = newClientMessageId();
    const element = h('li', { class: 'msg msg--agent msg--mine' }, h('p', { class: 'msg__meta' }, t('you')), h('p', { class: 'msg__text' }, text), h('p', { class: 'msg__state' }, t('stateSending')));
    this.shown.set(clientMessageId, { seq: null, element });
    this.arrange();
    const send = async (): Promise<void> => {
      try {
        const ack = await this.ctx.line.send(this.chatId, clientMessageId, text);
        const shown = this.shown.get(clientMessageId);
        if (shown && shown.seq === null) {
          shown.seq = ack.seq;
          element.querySelector('.msg__state')?.remove();
          element.querySelector('.msg__meta')!.textContent = `${t('you')} · ${clock(ack.sentAt)}`;
          this.arrange();
        }

        if (this.chat.status === 'Assigned') {
          this.chat = { ...this.chat, status: 'Active' };
          this.renderState();
        }
      } catch (error) {
        element.classList.add('msg--failed');
        replace(
          element.querySelector('.msg__state')!,
          t('stateFailed', { reason: reason(hubErrorCode(error)) }),
          ' ',
          h('button', { type: 'button', class: 'link-button', onclick: () => { replace(element.querySelector('.msg__state')!, t('stateSending')); element.classList.remove('msg--failed'); void send(); } }, t('retry')),
        );
      }
    };
    await send();
  }

  private typed(): void {
    if (!this.input.value.trim()) {
      this.stopTyping();
      return;
    }

    const now = Date.now();
    if (now - this.typingSentAt > 3000) {
      this.typingSentAt = now;
      this.ctx.line.typing(this.chatId, true).catch(() => {});
    }

    window.clearTimeout(this.typingStop);
    this.typingStop = window.setTimeout(() => this.stopTyping(), 4000);
  }

  private stopTyping(): void {
    window.clearTimeout(this.typingStop);
    if (this.typingSentAt !== 0) {
      this.typingSentAt = 0;
      this.ctx.line.typing(this.chatId, false).catch(() => {});
    }
  }

  private insert(text: string): void {
    const { selectionStart, selectionEnd, value } = this.input;
    this.input.value = value.slice(0, selectionStart) + text + value.slice(selectionEnd);
    this.input.focus();
    const caret = selectionStart + text.length;
    this.input.setSelectionRange(caret, caret);
    this.typed();
  }

  private cannedAnswers(): HTMLElement {
    const answers = this.chat.cannedAnswers;
    return h(
      'details',
      { class: 'tool' },
      h('summary', null, t('canned', { n: answers.length })),
      answers.length === 0
        ? h('p', { class: 'muted' }, t('noCanned'))
        : h('ul', { class: 'tool__list' }, ...answers.map((a) => h('li', null, h('button', { type: 'button', class: 'link-button', title: a.text, onclick: () => this.insert(a.text) }, t('cannedInsert', { title: a.title }))))),
    );
  }

  private selfService(): HTMLElement {
    const links = this.chat.selfServiceLinks;
    return h(
      'details',
      { class: 'tool' },
      h('summary', null, t('links', { kommune: this.chat.kommuneName, n: links.length })),
      links.length === 0
        ? h('p', { class: 'muted' }, t('noLinks'))
        : h(
            'ul',
            { class: 'tool__list' },
            ...links.map((l) =>
              h('li', null, h('a', { href: l.url, target: '_blank', rel: 'noopener noreferrer' }, l.title), ' ', h('button', { type: 'button', class: 'link-button', 'aria-label': `${t('insertLink')}: ${l.title}`, onclick: () => this.insert(l.url) }, t('insertLink'))),
            ),
          ),
    );
  }

  private async transfer(toAgentId: string | null, note: string): Promise<void> {
    await this.act(() => (note.trim() ? this.ctx.line.transferWithNote(this.chatId, toAgentId, note) : this.ctx.line.transfer(this.chatId, toAgentId)), t('transferred'));
  }

  private async end(): Promise<void> {
    if (!(await this.act(() => this.ctx.line.end(this.chatId)))) {
      this.renderFooter();
    }
  }
}

/** An invited chat says from which page of the kommune's website the citizen accepted the invitation. */
function invitedFrom(chat: AgentChat): HTMLElement | null {
  const from = chat.invitedFrom;
  if (!from) {
    return null;
  }

  return h('p', { class: 'panel-meta invited-from' }, t('invitedFrom'), ' ', h('a', { href: from.url, target: '_blank', rel: 'noopener noreferrer' }, from.title || from.url), from.title ? h('span', { class: 'muted' }, ` (${from.url})`) : null);
}
