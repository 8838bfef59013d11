import type { InvitationContext } from '../shared/contracts';
import { announce, focusHeading, h, replace } from '../shared/dom';
import { lang } from '../shared/i18n';
import { type HostPage, Invitations } from './invitation';
import { page, replies, session } from './page';
import { t } from './texts';

type ToHost =
  | { type: 'ready' }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'size'; width: number; height: number }
  | { type: 'session'; token: string | null }
  | { type: 'invitation'; shown: boolean; remember: boolean };

/** Tells the widget loader on the kommune's page what the frame needs: its size, and what to keep for a reload. */
function tellHost(message: ToHost): void {
  if (window.parent !== window) {
    window.parent.postMessage({ source: 'sharedhotline', ...message }, '*');
  }
}

/**
 * Asks the host page for what it kept for this kommune's chat (the session token and whether the panel was
 * open), in case this frame may not use storage of its own. Gives up quickly when nobody answers.
 */
function restoreFromHost(): Promise<{ open: boolean; host: HostPage | null }> {
  if (window.parent === window) {
    return Promise.resolve({ open: false, host: null });
  }

  return new Promise((resolve) => {
    const done = (open: boolean, host: HostPage | null) => {
      window.removeEventListener('message', listen);
      resolve({ open, host });
    };
    const listen = (event: MessageEvent) => {
      const message = event.data as { source?: string; type?: string; token?: unknown; open?: unknown; page?: { url?: unknown; title?: unknown; declinedToday?: unknown } };
      if (event.source !== window.parent || message?.source !== 'sharedhotline-host' || message.type !== 'restore') {
        return;
      }

      session.adopt(typeof message.token === 'string' && message.token.length < 2048 ? message.token : null);
      const host = message.page;
      done(
        message.open === true,
        typeof host?.url === 'string' && /^https?:\/\//.test(host.url)
          ? { url: host.url.slice(0, 500), title: typeof host.title === 'string' ? host.title.slice(0, 200) : '', declinedToday: host.declinedToday === true }
          : null,
      );
    };
    window.addEventListener('message', listen);
    window.setTimeout(() => done(false, null), 1000);
    tellHost({ type: 'ready' });
  });
}

export interface EmbedShell {
  body: HTMLElement;
  open: () => void;
  /** Resolves once the host page has said what it kept; opens the panel if it was open. */
  restored: Promise<void>;
  /** Invitations to chat on this page of the kommune's website. */
  invitations: Invitations;
  /** Starts the chat of an accepted invitation (set by the page). */
  onAccept: (topic: string, context: InvitationContext) => void;
}

/**
 * The widget's frame on a kommune's website: a launcher button in the kommune's colour that opens the chat
 * panel. The loader script on the host page (widget.js) sizes the frame when told. The chat's views go in
 * the returned body.
 */
export function embedShell(root: HTMLElement): EmbedShell {
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'chat-panel' });
  let unread = 0;
  // Minimised, the button says whether a chat is going on and whether a reply waits unread.
  const drawLauncher = () => {
    replace(
      launcher,
      h('span', { class: 'launcher__icon', 'aria-hidden': 'true' }),
      t(session.token ? 'launcherOngoing' : 'launcher', { kommune: page.officialName }),
      unread > 0 ? h('span', { class: 'launcher__unread' }, unread === 1 ? t('launcherUnreadOne') : t('launcherUnreadMany', { n: unread })) : null,
    );
    launcher.dataset.state = unread > 0 ? 'unread' : session.token ? 'ongoing' : 'idle';
  };
  drawLauncher();
  const body = h('div', { class: 'embed-panel__body' });
  const close = h('button', { type: 'button', class: 'embed-panel__close', 'aria-label': t('minimise'), title: t('minimise') }, h('span', { 'aria-hidden': 'true' }, '–'));
  const toggle = new URL(window.location.href);
  if (lang === 'en') {
    toggle.searchParams.delete('lang');
  } else {
    toggle.searchParams.set('lang', 'en');
  }

  const panel = h(
    'div',
    { id: 'chat-panel', class: 'embed-panel', hidden: true },
    h(
      'div',
      { class: 'embed-panel__bar' },
      h('p', { class: 'embed-panel__title' }, page.officialName),
      h('a', { class: 'embed-panel__lang', href: toggle.pathname + toggle.search, lang: lang === 'en' ? 'da' : 'en' }, t('otherLanguage')),
      close,
    ),
    body,
  );
  const slot = h('div', { class: 'invitation-slot' });
  root.replaceChildren(slot, launcher, panel);

  const reportSize = () => {
    if (panel.hidden) {
      const box = launcher.getBoundingClientRect();
      const invited = slot.getBoundingClientRect();
      tellHost({ type: 'size', width: Math.ceil(Math.max(box.width, invited.width)) + 24, height: Math.ceil(box.height + invited.height) + 24 });
    }
  };
  const open = () => {
    unread = 0;
    drawLauncher();
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    tellHost({ type: 'open' });
  };
  launcher.addEventListener('click', () => {
    open();
    focusHeading(body.querySelector<HTMLElement>('h1'));
  });
  close.addEventListener('click', () => {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    tellHost({ type: 'close' });
    reportSize();
    launcher.focus();
  });
  new ResizeObserver(reportSize).observe(launcher);
  new ResizeObserver(reportSize).observe(slot);
  const shell: EmbedShell = { body, open, restored: Promise.resolve(), invitations: null!, onAccept: () => undefined };
  shell.invitations = new Invitations({
    slot,
    busy: () => session.token !== null || !panel.hidden,
    accept: (topic, context) => shell.onAccept(topic, context),
    shown: (shown, remember) => tellHost({ type: 'invitation', shown, remember }),
  });
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as { source?: string; type?: string; topic?: unknown };
    if (event.source !== window.parent || message?.source !== 'sharedhotline-host') {
      return;
    }

    if (message.type === 'failed-step') {
      shell.invitations.failedStep(typeof message.topic === 'string' ? message.topic.slice(0, 64) : null);
    } else if (message.type === 'escape') {
      shell.invitations.close();
    }
  });
  session.onChange((token) => {
    tellHost({ type: 'session', token });
    drawLauncher();
  });
  replies.onArrived(() => {
    if (panel.hidden) {
      unread += 1;
      drawLauncher();
      announce(t('launcherUnreadNews', { kommune: page.officialName }));
    }
  });
  shell.restored = restoreFromHost().then(({ open: wasOpen, host }) => {
    drawLauncher();
    if (wasOpen) {
      open();
    } else if (host && !session.token) {
      void shell.invitations.start(host);
    }
  });
  return shell;
}
