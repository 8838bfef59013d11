import '../shared/base.css';
import type { StaffMe } from '../shared/contracts';
import { appRoot, focusHeading, h, replace } from '../shared/dom';
import { errorSummary, field, summarise } from '../shared/forms';
import { ApiError, api, getJson, postJson } from '../shared/http';
import { withLang } from '../shared/i18n';
import { t } from './texts';

const root = appRoot();

/**
 * The return address if it stays on this site, else null. Parsed as the browser will follow it (which drops tabs
 * and newlines and reads a backslash as a slash), so `/%09/evil.example` cannot slip through as a path.
 */
function sameSitePath(raw: string | null): string | null {
  if (!raw || !raw.startsWith('/')) {
    return null;
  }

  try {
    const url = new URL(raw, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

/** Where to go after signing in: the page that sent us here (same site only), else the account's own page. */
function destination(me: StaffMe): string {
  const back = sameSitePath(new URLSearchParams(window.location.search).get('returnUrl'));
  if (back) {
    return back;
  }

  return withLang(me.roles.includes('coordinator') ? '/coordinator' : me.roles.includes('admin') ? '/admin' : '/agent');
}

function signedIn(me: StaffMe): void {
  const links = [
    me.roles.includes('agent') ? h('a', { class: 'btn', href: withLang('/agent') }, t('toConsole')) : null,
    me.roles.includes('coordinator') || me.roles.includes('admin') ? h('a', { class: 'btn btn--secondary', href: withLang('/coordinator') }, t('toRota')) : null,
    me.roles.includes('admin') ? h('a', { class: 'btn btn--secondary', href: withLang('/admin') }, t('toAdmin')) : null,
    me.roles.includes('coordinator') || me.roles.includes('admin') ? h('a', { class: 'btn btn--secondary', href: withLang('/statistik') }, t('toStatistics')) : null,
  ];
  replace(
    root,
    h(
      'section',
      { class: 'card login', 'aria-labelledby': 'login-heading' },
      h('h1', { id: 'login-heading' }, t('heading')),
      h('p', null, t('signedInAs', { name: me.displayName })),
      h(
        'div',
        { class: 'actions' },
        ...links,
        h('button', {
          type: 'button',
          class: 'btn btn--secondary',
          onclick: async () => {
            await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
            form(t('signedOut'));
          },
        }, t('signOut')),
      ),
    ),
  );
}

function form(notice?: string): void {
  const userName = field(t('userName'), h('input', { type: 'text', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true }));
  const password = field(t('password'), h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }));
  const summary = errorSummary();
  const failure = h('div', { class: 'notice notice--error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn' }, t('signIn'));
  const element = h('form', { novalidate: true }, summary, userName.element, password.element, failure, h('div', { class: 'actions' }, submit));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    userName.setError(userName.control.value.trim() ? null : t('required'));
    password.setError(password.control.value ? null : t('required'));
    if (!summarise(summary, t('errorSummary'), [userName, password])) {
      return;
    }

    submit.disabled = true;
    submit.textContent = t('signingIn');
    failure.hidden = true;
    try {
      await postJson('/api/auth/login', { userName: userName.control.value.trim(), password: password.control.value });
      window.location.assign(destination(await getJson<StaffMe>('/api/auth/me')));
    } catch (error) {
      failure.textContent = error instanceof ApiError && error.status === 401 ? t('refused') : t('failed');
      failure.hidden = false;
      password.control.value = '';
      password.control.focus();
      submit.disabled = false;
      submit.textContent = t('signIn');
    }
  });

  replace(
    root,
    h(
      'section',
      { class: 'card login', 'aria-labelledby': 'login-heading' },
      h('h1', { id: 'login-heading' }, t('heading')),
      notice ? h('p', { class: 'notice notice--success', role: 'status' }, notice) : h('p', { class: 'muted' }, t('intro')),
      element,
    ),
  );
  if (notice) {
    focusHeading(root.querySelector('h1'));
  }
}

async function boot(): Promise<void> {
  try {
    signedIn(await getJson<StaffMe>('/api/auth/me'));
  } catch {
    form();
  }
}

void boot();
