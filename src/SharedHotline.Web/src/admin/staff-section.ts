import { h, replace, uid } from '../shared/dom';
import { ApiError, api, getJson } from '../shared/http';
import { announceChange } from './history-section';
import { clearErrors, showErrors } from './list-editor';
import { t } from './texts';

interface StaffAccount {
  id: string;
  userName: string;
  displayName: string;
  roles: string[];
  skills: string[];
  capacity: number;
  disabled: boolean;
  lockedUntil: string | null;
}

interface Topic {
  code: string;
  name: string;
}

type Mode = { kind: 'create' } | { kind: 'edit'; account: StaffAccount } | { kind: 'password'; account: StaffAccount };

/** K's staff accounts: a table with an action per account, and one form below for creating, editing or a new password. */
export async function staffSection(base: string, topics: Topic[], meId: string): Promise<HTMLElement> {
  const section = h('section', { class: 'card admin-section', 'aria-labelledby': 'staff-heading' });
  const table = h('div');
  const panel = h('div', { class: 'staff-panel' });
  const status = h('p', { role: 'status' });
  const draw = async () => {
    const accounts = await getJson<StaffAccount[]>(`${base}/staff`);
    replace(table, staffTable(accounts, topics, (mode) => showPanel(mode), async (account, action) => {
      try {
        await api(`${base}/staff/${account.id}/${action}`, { method: 'POST' });
        announceChange();
        await draw();
      } catch {
        status.textContent = t('failed');
      }
    }));
  };
  const showPanel = (mode: Mode) => {
    replace(panel, staffForm(base, topics, mode, meId, async (message) => {
      status.textContent = message;
      announceChange();
      replace(panel, createButton());
      await draw();
    }, () => replace(panel, createButton())));
    panel.querySelector('input')?.focus();
  };
  const createButton = () => h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => showPanel({ kind: 'create' }) }, t('createStaff'));
  replace(panel, createButton());
  await draw();
  replace(section, h('h2', { id: 'staff-heading' }, t('staff')), h('p', { class: 'muted' }, t('staffIntro')), table, status, panel);
  return section;
}

/** A list rather than a table, one card per account, with the account's actions on it. */
function staffTable(accounts: StaffAccount[], topics: Topic[], open: (mode: Mode) => void, act: (account: StaffAccount, action: string) => Promise<void>): HTMLElement {
  const topicName = (code: string) => topics.find((x) => x.code === code)?.name ?? code;
  const roleName = (role: string) => (role === 'agent' ? 'Agent' : role === 'admin' ? t('roleAdmin') : role);
  return h(
    'ul',
    { class: 'staff-list' },
    ...accounts.map((a) => {
      const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
      const state = a.disabled ? t('disabled') : locked ? t('locked', { time: new Date(a.lockedUntil!).toLocaleTimeString() }) : t('active');
      const button = (label: string, onclick: () => void) => h('button', { type: 'button', class: 'link-button', onclick }, label);
      const fact = (label: string, value: string) => h('span', { class: 'staff-fact' }, `${label}: `, value || '–');
      return h(
        'li',
        { class: 'staff-card' },
        h('p', null, h('strong', null, a.displayName), ` (${a.userName}) · `, state),
        h('p', null, fact(t('roles'), a.roles.map(roleName).join(', ')), ' · ', fact(t('capacity'), String(a.capacity)), ' · ', fact(t('skills'), a.skills.map(topicName).join(', '))),
        h(
          'p',
          { class: 'staff-actions' },
          button(t('edit', { name: a.displayName }), () => open({ kind: 'edit', account: a })),
          button(t('newPassword', { name: a.displayName }), () => open({ kind: 'password', account: a })),
          button(a.disabled ? t('enable', { name: a.displayName }) : t('disable', { name: a.displayName }), () => void act(a, a.disabled ? 'enable' : 'disable')),
          locked ? button(t('unlock', { name: a.displayName }), () => void act(a, 'unlock')) : null,
        ),
      );
    }),
  );
}

function staffForm(base: string, topics: Topic[], mode: Mode, meId: string, done: (message: string) => Promise<void>, cancel: () => void): HTMLElement {
  const account = mode.kind === 'create' ? null : mode.account;
  const field = (label: string, input: HTMLElement) => {
    const id = uid('staff');
    input.id = id;
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  };
  const userName = h('input', { type: 'text', autocomplete: 'off', 'data-field': 'userName' });
  const displayName = h('input', { type: 'text', autocomplete: 'off', 'data-field': 'displayName', value: account?.displayName ?? '' });
  const password = h('input', { type: 'password', autocomplete: 'new-password', 'data-field': 'password' });
  const capacity = h('input', { type: 'number', min: '1', max: '10', 'data-field': 'capacity', value: String(account?.capacity ?? 3) });
  const check = (name: string, value: string, label: string, checked: boolean) => {
    const id = uid('staff');
    const box = h('input', { type: 'checkbox', id, name, value });
    box.checked = checked;
    box.disabled = name === 'roles' && value === 'admin' && account?.id === meId;
    return h('span', { class: 'choice' }, box, h('label', { for: id }, label));
  };
  const roles = h('fieldset', { 'data-field': 'roles' }, h('legend', null, t('roles')), check('roles', 'agent', t('roleAgent'), account ? account.roles.includes('agent') : true), check('roles', 'admin', t('roleAdmin'), account?.roles.includes('admin') ?? false));
  const skills = h('fieldset', { 'data-field': 'skills' }, h('legend', null, t('skills')), ...topics.map((x) => check('skills', x.code, x.name, account?.skills.includes(x.code) ?? false)));
  const summary = h('div', { class: 'notice notice--error', role: 'alert', hidden: true, tabindex: '-1' });
  const heading = mode.kind === 'create' ? t('createStaff') : mode.kind === 'edit' ? t('editStaff', { name: account!.displayName }) : t('passwordFor', { name: account!.displayName });
  const fields = mode.kind === 'password' ? [field(t('password'), password)]
    : [...(mode.kind === 'create' ? [field(t('userName'), userName)] : []), field(t('name'), displayName), ...(mode.kind === 'create' ? [field(t('password'), password)] : []), roles, skills, field(t('capacity'), capacity)];
  const form = h('form', { class: 'staff-form', novalidate: true, 'aria-label': heading }, h('h3', null, heading), summary, ...fields,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, t('save')), h('button', { type: 'button', class: 'btn btn--secondary', onclick: cancel }, t('cancel'))));
  const checked = (group: HTMLElement) => [...group.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const body = { displayName: displayName.value, roles: checked(roles).concat(account?.id === meId ? ['admin'] : []), skills: checked(skills), capacity: Number(capacity.value) };
    try {
      if (mode.kind === 'create') {
        await api(`${base}/staff`, { method: 'POST', body: JSON.stringify({ ...body, userName: userName.value, password: password.value }) });
      } else if (mode.kind === 'edit') {
        await api(`${base}/staff/${mode.account.id}`, { method: 'PUT', body: JSON.stringify(body) });
      } else {
        await api(`${base}/staff/${mode.account.id}/password`, { method: 'POST', body: JSON.stringify({ password: password.value }) });
      }

      await done(mode.kind === 'password' ? t('passwordSaved', { name: mode.account.displayName }) : t('staffSaved', { name: displayName.value }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) {
        showErrors(form, summary, error.problem.errors);
        summary.focus();
      } else {
        replace(summary, t('failed'));
        summary.hidden = false;
      }
    }
  });
  return form;
}
