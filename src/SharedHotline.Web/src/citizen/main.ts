import './citizen.css';
import type { CitizenChat, HotlineStatus, Topic } from '../shared/contracts';
import { appRoot, applyBrand, focusHeading, h, replace } from '../shared/dom';
import { getJson } from '../shared/http';
import { hubErrorCode } from '../shared/hub';
import { topicName } from '../shared/i18n';
import { ChatView } from './chat-view';
import { CitizenLine } from './citizen-line';
import { caseView } from './case-view';
import { bookingView, closedView } from './closed-view';
import { embedShell } from './embed';
import { page, session } from './page';
import { startView } from './start-view';
import { t } from './texts';

applyBrand(page.colour);
const root = appRoot();
const embed = page.embedded ? embedShell(root) : null;
if (embed) {
  embed.onAccept = (topic, invitation) => {
    embed.open();
    void (async () => {
      try {
        await loadStatus();
        watchLine();
        const result = await line.start(page.slug, topic, null, invitation);
        if (result.chat) {
          showChat(result.chat, true);
        } else {
          show(closedView(result.nextOpening, topics), true);
        }
      } catch {
        await showStatus(true);
      }
    })();
  };
}
const body = embed?.body ?? root;
const line = new CitizenLine();
const lineNotice = h('p', { class: 'connection', role: 'status', hidden: true });
let topics: Topic[] = [];

function show(view: HTMLElement, focus: boolean): void {
  replace(body, lineNotice, view);
  if (focus) {
    focusHeading(view.querySelector('h1'));
  }
}

function watchLine(): void {
  line.onLine = (state) => {
    lineNotice.hidden = state !== 'reconnecting';
    lineNotice.textContent = state === 'reconnecting' ? t('reconnecting') : '';
  };
}

function showChat(chat: CitizenChat, focus: boolean): void {
  session.save(chat.sessionToken);
  if (chat.status !== 'Ended' && chat.status !== 'Abandoned') {
    embed?.open();
  }

  const found = topics.find((x) => x.code === chat.topic);
  const shownTopic = found ? topicName(found) : chat.topic;
  const view = new ChatView(line, chat, shownTopic, () => void showStatus(true));
  show(view.element, false);
  if (focus) {
    view.focusComposer();
  }
}

async function loadStatus(): Promise<HotlineStatus | null> {
  try {
    const status = await getJson<HotlineStatus>(`/api/kommuner/${encodeURIComponent(page.slug)}/status`);
    topics = status.topics;
    return status;
  } catch {
    show(
      h(
        'section',
        { class: 'card view', 'aria-labelledby': 'error-heading' },
        h('h1', { id: 'error-heading' }, t('panelTitle', { kommune: page.officialName })),
        h('p', { class: 'notice notice--error', role: 'alert' }, t('statusFailed')),
        h('button', { type: 'button', class: 'btn', onclick: () => void boot() }, t('tryAgain')),
      ),
      false,
    );
    return null;
  }
}

async function showStatus(focus: boolean): Promise<void> {
  const status = await loadStatus();
  if (!status) {
    return;
  }

  watchLine();
  if (!status.open) {
    show(closedView(status.nextOpening, status.topics, status.closedFor), focus);
    return;
  }

  const start = startView(status, async (topic, firstName) => {
      try {
        const result = await line.start(page.slug, topic, firstName);
        if (result.chat) {
          showChat(result.chat, true);
        } else {
          show(closedView(result.nextOpening, topics), true);
        }

        return null;
      } catch (error) {
        return hubErrorCode(error) === 'topic_not_found' ? t('topicRequired') : t('statusFailed');
      }
  });
  start.append(h('p', { class: 'book-instead' }, h('button', { type: 'button', class: 'link-button', onclick: () => show(bookingView(topics, () => void showStatus(true)), true) }, t('bookMeeting'))));
  show(start, focus);
}

/** A chat in progress in this tab is resumed (reload, network drop); otherwise the hotline's status decides. */
async function boot(): Promise<void> {
  const followed = /\/sag\/([^/]+)$/.exec(window.location.pathname);
  if (followed) {
    show(caseView(decodeURIComponent(followed[1]), new URLSearchParams(window.location.search).get('t') ?? ''), false);
    return;
  }

  await embed?.restored;
  const token = session.token;
  if (token) {
    if (!(await loadStatus())) {
      return;
    }

    watchLine();
    try {
      showChat(await line.resume(token, 0), false);
      return;
    } catch (error) {
      const code = hubErrorCode(error);
      if (code === 'session_invalid' || code === 'chat_not_found') {
        session.clear();
      }
    }
  }

  await showStatus(false);
}

void boot();
