import { h } from '../shared/dom';
import { lang } from '../shared/i18n';
import { page } from './page';
import { t } from './texts';

const openKey = `sharedhotline:open:${page.slug}`;

/** Tells the widget loader on the kommune's page to resize the frame. */
function tellHost(message: { type: 'open' | 'close' | 'size'; width?: number; height?: number }): void {
  if (window.parent !== window) {
    window.parent.postMessage({ source: 'sharedhotline', ...message }, '*');
  }
}

function remember(open: boolean): void {
  try {
    if (open) {
      sessionStorage.setItem(openKey, '1');
    } else {
      sessionStorage.removeItem(openKey);
    }
  } catch {
    // Storage may be blocked in a third-party frame; the panel then starts closed.
  }
}

function remembered(): boolean {
  try {
    return sessionStorage.getItem(openKey) === '1';
  } catch {
    return false;
  }
}

/**
 * The widget's frame on a kommune's website: a launcher button in the kommune's colour that opens the chat
 * panel. The loader script on the host page (widget.js) sizes the frame when told. Returns the panel's body,
 * where the chat's views go.
 */
export function embedShell(root: HTMLElement): { body: HTMLElement; open: () => void } {
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'chat-panel' }, h('span', { class: 'launcher__icon', 'aria-hidden': 'true' }), t('launcher', { kommune: page.name }));
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
      h('p', { class: 'embed-panel__title' }, `${page.name} Kommune`),
      h('a', { class: 'embed-panel__lang', href: toggle.pathname + toggle.search, lang: lang === 'en' ? 'da' : 'en' }, t('otherLanguage')),
      close,
    ),
    body,
  );
  root.replaceChildren(launcher, panel);

  const reportSize = () => {
    if (panel.hidden) {
      const box = launcher.getBoundingClientRect();
      tellHost({ type: 'size', width: Math.ceil(box.width) + 24, height: Math.ceil(box.height) + 24 });
    }
  };
  const open = () => {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    remember(true);
    tellHost({ type: 'open' });
  };
  launcher.addEventListener('click', () => {
    open();
    (body.querySelector('h1') as HTMLElement | null)?.focus();
  });
  close.addEventListener('click', () => {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    remember(false);
    tellHost({ type: 'close' });
    reportSize();
    launcher.focus();
  });
  new ResizeObserver(reportSize).observe(launcher);
  if (remembered()) {
    open();
  }

  return { body, open };
}
