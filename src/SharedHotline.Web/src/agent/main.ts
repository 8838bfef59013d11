import './agent.css';
import type { AgentChat, AgentSession, Presence, StaffMe } from '../shared/contracts';
import { appRoot, h, replace } from '../shared/dom';
import { api, getJson } from '../shared/http';
import { hubErrorCode } from '../shared/hub';
import { withLang } from '../shared/i18n';
import { showStaffNav } from '../shared/staff-nav';
import { AgentLine } from './agent-line';
import { createAlert } from './alert';
import { ChatPanel } from './chat-panel';
import { Lookups } from './lookups';
import { chosenPresence, PresencePanel } from './presence-panel';
import { QueuePanel } from './queue-panel';
import { ReferenceSearch } from './reference-search';
import { ShiftPanel } from './shift-panel';
import { TasksPanel } from './tasks-panel';
import { reason, t } from './texts';

const root = appRoot();
const line = new AgentLine();
const lookups = new Lookups();
const panels = new Map<string, ChatPanel>();
const alert = createAlert();
const banner = h('p', { class: 'connection', role: 'status', hidden: true });
const grid = h('div', { class: 'chat-grid' });
const empty = h('p', { class: 'muted empty-desk' }, t('noChats'));
const chatsHeading = h('h2', { id: 'chats-heading' }, t('chats'));
let session: AgentSession | null = null;

const presence = new PresencePanel((p) => void choosePresence(p));
let shift: ShiftPanel;
let tasks: TasksPanel;
const queue = new QueuePanel(lookups, async (chatId) => {
  try {
    const chat = await line.accept(chatId);
    alert.clear(chatId);
    open(chat, false).focus();
    return null;
  } catch (error) {
    return t('error', { reason: reason(hubErrorCode(error)) });
  }
});

function activeCount(): number {
  return [...panels.values()].filter((p) => !p.isRemoved).length;
}

function renderDesk(): void {
  chatsHeading.textContent = session ? t('chatsCount', { n: activeCount(), capacity: session.capacity }) : t('chats');
  empty.hidden = panels.size > 0;
  if (session) {
    presence.show(session, activeCount());
  }
}

function open(chat: AgentChat, isNew: boolean): ChatPanel {
  let panel = panels.get(chat.chatId);
  if (panel && !panel.isRemoved) {
    panel.update(chat);
    return panel;
  }

  panel?.element.remove();
  panel = new ChatPanel({ line, lookups, closed: close, accepted: (id) => alert.clear(id) }, chat, isNew);
  panels.set(chat.chatId, panel);
  grid.append(panel.element);
  renderDesk();
  return panel;
}

function close(chatId: string): void {
  alert.clear(chatId);
  panels.get(chatId)?.element.remove();
  panels.delete(chatId);
  renderDesk();
  chatsHeading.focus();
}

async function choosePresence(p: Presence): Promise<void> {
  chosenPresence.set(p);
  session = await line.setPresence(p);
  queue.setAvailable(p === 'Available');
  renderDesk();
}

/** Brings the desk in line with the server: presence re-asserted, every chat of mine shown, others marked. */
async function resync(): Promise<void> {
  const wanted = chosenPresence.get();
  session = await line.session();
  if (wanted && session.presence !== wanted) {
    session = await line.setPresence(wanted);
  }

  const mine = new Set(session.chats.map((c) => c.chatId));
  session.chats.forEach((c) => {
    open(c, false);
    if (c.status !== 'Assigned') {
      alert.clear(c.chatId);
    }
  });
  for (const [id, panel] of panels) {
    if (!mine.has(id) && !panel.isRemoved) {
      panel.markRemoved(null);
      alert.clear(id);
    }
  }

  shift.showServing(session.servingKommuner);
  queue.setAvailable(session.presence === 'Available');
  queue.show(await line.queue());
  renderDesk();
}

function wire(): void {
  line.onOffered = (chat) => {
    const panel = open(chat, true);
    void lookups.topicName(chat.kommune, chat.topic).then((topic) => alert.raise(chat.chatId, t('incoming', { kommune: chat.kommuneName, topic }), () => panel.focus()));
  };
  line.onRemoved = (removed) => {
    panels.get(removed.chatId)?.markRemoved(removed.reason);
    alert.clear(removed.chatId);
    renderDesk();
  };
  line.onMessage = (m) => panels.get(m.chatId)?.receive(m, true);
  line.onTyping = (s) => {
    if (s.sender === 'Citizen') {
      panels.get(s.chatId)?.citizenTyping(s.isTyping);
    }
  };
  line.onQueue = (q) => queue.show(q);
  line.onTasks = () => void tasks.refresh();
  line.onResync = () => void resync();
  line.onLine = (state) => {
    if (state === 'reconnecting') {
      banner.textContent = t('reconnecting');
      banner.hidden = false;
    } else if (!banner.hidden) {
      banner.textContent = t('reconnected');
      window.setTimeout(() => (banner.hidden = true), 4000);
      void resync().catch(() => {});
    }
  };
}

async function signOut(): Promise<void> {
  sessionStorage.removeItem('sharedhotline:presence');
  await line.stop().catch(() => {});
  await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
  window.location.assign(withLang('/login'));
}

async function boot(): Promise<void> {
  const me = await getJson<StaffMe>('/api/auth/me');
  await lookups.load();
  shift = new ShiftPanel(me.id, lookups);
  tasks = new TasksPanel(me.id);
  const search = new ReferenceSearch(lookups);
  document.getElementById('header-tools')?.append(h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => void signOut() }, t('signOut')));
  showStaffNav(me, 'agent');
  replace(
    root,
    h('h1', { class: 'visually-hidden' }, t('heading')),
    banner,
    h(
      'div',
      { class: 'console' },
      h('div', { class: 'console__side' }, presence.element, shift.element, queue.element, search.element, tasks.element),
      h('section', { class: 'console__chats', 'aria-labelledby': 'chats-heading' }, chatsHeading, alert.element, empty, grid),
    ),
  );
  chatsHeading.setAttribute('tabindex', '-1');
  wire();
  await line.start();
  await Promise.all([resync(), shift.refresh(), tasks.refresh()]);
  window.setInterval(() => void shift.refresh(), 60_000);
  // Offline she gets no queue news pushed (only agents available or away do): the summary she still reads is fetched.
  window.setInterval(() => {
    if (presence.current === 'Offline') {
      void line.queue().then((q) => queue.show(q)).catch(() => {});
    }
  }, 15_000);
  window.setInterval(() => line.connected && void line.queue().then((q) => queue.show(q)).catch(() => {}), 20_000);
  document.addEventListener('visibilitychange', () => !document.hidden && void shift.refresh());
}

void boot().catch(() => {
  replace(root, h('p', { class: 'notice notice--error', role: 'alert' }, t('error', { reason: t('errorOther') })));
});
