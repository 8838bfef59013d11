import type { StaffMe } from './contracts';
import { h } from './dom';
import { translator, withLang } from './i18n';

const t = translator(
  { nav: 'Medarbejdersider', agent: 'Chatkonsol', coordinator: 'Vagtplan', admin: 'Indstillinger', statistics: 'Statistik' },
  { nav: 'Staff pages', agent: 'Chat console', coordinator: 'Rota', admin: 'Settings', statistics: 'Statistics' },
);

type StaffPage = 'agent' | 'coordinator' | 'admin' | 'statistics';

const pages: { page: StaffPage; path: string; mayOpen: (roles: string[]) => boolean }[] = [
  { page: 'agent', path: '/agent', mayOpen: (roles) => roles.includes('agent') },
  { page: 'coordinator', path: '/coordinator', mayOpen: (roles) => roles.includes('coordinator') || roles.includes('admin') },
  { page: 'admin', path: '/admin', mayOpen: (roles) => roles.includes('admin') || roles.includes('coordinator') },
  { page: 'statistics', path: '/statistik', mayOpen: (roles) => roles.includes('coordinator') || roles.includes('admin') },
];

/** The staff pages the signed-in account may open, for the page header; the current one is marked. Null when there is only one. */
export function staffNav(me: StaffMe, current: StaffPage): HTMLElement | null {
  const open = pages.filter((p) => p.mayOpen(me.roles));
  if (open.length < 2) {
    return null;
  }

  return h(
    'nav',
    { class: 'staff-nav', 'aria-label': t('nav') },
    h('ul', null, ...open.map((p) => h('li', null, h('a', { href: withLang(p.path), 'aria-current': p.page === current ? 'page' : null }, t(p.page))))),
  );
}

/** Puts the staff navigation into the page header, before what is already there (the sign-out button). */
export function showStaffNav(me: StaffMe, current: StaffPage): void {
  const nav = staffNav(me, current);
  const tools = document.getElementById('header-tools');
  if (nav && tools) {
    tools.prepend(nav);
  }
}
