import { h, replace } from '../shared/dom';
import { ApiError, api } from '../shared/http';
import { announceChange } from './history-section';
import { ListEditor, clearErrors, showErrors } from './list-editor';
import { t } from './texts';

interface Settings {
  ownHours: { day: string; from: string; to: string }[];
  openOnPublicHolidays: boolean;
  websiteOrigins: string[];
  colour: string;
  topics: { code: string; name: string; nameEn: string | null }[];
  cannedAnswers: { title: string; text: string }[];
  selfServiceLinks: { title: string; url: string }[];
  retentionDays: number;
  queueAtClosing: string;
  sharedStaffInOwnHours: boolean;
  sharedStaffInOwnHoursWaitSeconds: number;
}

interface SettingsView {
  version: number;
  settings: Settings;
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The kommune's settings as one form saved against the version it was loaded at (If-Match): a change someone else
 * saved meanwhile is not overwritten; the admin is told and loads the settings again.
 */
export async function settingsSection(base: string): Promise<HTMLElement> {
  const section = h('section', { class: 'card admin-section', 'aria-labelledby': 'settings-heading' });
  await load(section, base);
  return section;
}

async function load(section: HTMLElement, base: string): Promise<void> {
  const { body, etag } = await api<SettingsView>(`${base}/settings`);
  const s = body.settings;
  const dayNames = t('days').split(',');
  const hours = new ListEditor(
    'ownHours',
    t('ownHours'),
    t('ownHours'),
    [
      { key: 'day', label: t('day'), type: 'select', options: weekdays.map((d, i) => [d, dayNames[i]]) },
      { key: 'from', label: t('from'), type: 'time' },
      { key: 'to', label: t('to'), type: 'time' },
    ],
    s.ownHours,
    t('addHours'),
  );
  const holidays = h('input', { type: 'checkbox', id: 'open-on-holidays' });
  holidays.checked = s.openOnPublicHolidays;
  const origins = new ListEditor('websiteOrigins', t('websites'), t('website'), [{ key: 'origin', label: t('website'), type: 'url' }], s.websiteOrigins.map((o) => ({ origin: o })), t('addWebsite'), true, t('websitesHint'));
  const colour = h('input', { type: 'color', id: 'kommune-colour', value: s.colour, 'data-field': 'colour' });
  const topics = new ListEditor(
    'topics',
    t('topics'),
    t('topicHeader'),
    [
      { key: 'code', label: t('topicCode') },
      { key: 'name', label: t('topicName') },
      { key: 'nameEn', label: t('topicNameEn') },
    ],
    s.topics.map((x) => ({ code: x.code, name: x.name, nameEn: x.nameEn ?? '' })),
    t('addTopic'),
  );
  const canned = new ListEditor('cannedAnswers', t('canned'), t('canned'), [{ key: 'title', label: t('cannedTitle') }, { key: 'text', label: t('cannedText'), type: 'textarea' }], s.cannedAnswers, t('addCanned'));
  const links = new ListEditor('selfServiceLinks', t('links'), t('links'), [{ key: 'title', label: t('linkTitle') }, { key: 'url', label: t('linkUrl'), type: 'url' }], s.selfServiceLinks, t('addLink'));
  const retention = h('input', { type: 'number', id: 'retention-days', min: '1', max: '3650', value: String(s.retentionDays), 'data-field': 'retentionDays' });
  const queue = h('select', { id: 'queue-at-closing', 'data-field': 'queueAtClosing' }, h('option', { value: 'End' }, t('queueEnd')), h('option', { value: 'WaitForOpening' }, t('queueWait')));
  queue.value = s.queueAtClosing;
  const shared = h('input', { type: 'checkbox', id: 'shared-staff-own-hours' });
  shared.checked = s.sharedStaffInOwnHours;
  const sharedWait = h('input', { type: 'number', id: 'shared-staff-wait', min: '0', max: '120', step: 'any', value: String(s.sharedStaffInOwnHoursWaitSeconds / 60), 'data-field': 'sharedStaffInOwnHoursWaitSeconds' });
  const summary = h('div', { class: 'notice notice--error', role: 'alert', hidden: true });
  const status = h('p', { role: 'status' });
  const save = h('button', { type: 'submit', class: 'btn' }, t('saveSettings'));
  const form = h(
    'form',
    { novalidate: true },
    summary,
    hours.element,
    h('p', { class: 'choice' }, holidays, h('label', { for: 'open-on-holidays' }, t('holidays'))),
    origins.element,
    h('div', { class: 'field' }, h('label', { for: 'kommune-colour' }, t('colour')), colour),
    topics.element,
    canned.element,
    links.element,
    h('div', { class: 'field' }, h('label', { for: 'retention-days' }, t('retention')), retention),
    h('div', { class: 'field' }, h('label', { for: 'queue-at-closing' }, t('queueAtClosing')), queue),
    h('p', { class: 'choice' }, shared, h('label', { for: 'shared-staff-own-hours' }, t('sharedStaff'))),
    h('div', { class: 'field' }, h('label', { for: 'shared-staff-wait' }, t('sharedStaffWait')), sharedWait),
    status,
    h('div', { class: 'actions' }, save),
  );
  let version = etag;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    status.textContent = t('saving');
    clearErrors(form, summary);
    const document: Settings = {
      ownHours: hours.values().map((r) => ({ day: r.day, from: r.from, to: r.to })),
      openOnPublicHolidays: holidays.checked,
      websiteOrigins: origins.singles(),
      colour: colour.value,
      topics: topics.values().map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn || null })),
      cannedAnswers: canned.values().map((r) => ({ title: r.title, text: r.text })),
      selfServiceLinks: links.values().map((r) => ({ title: r.title, url: r.url })),
      retentionDays: Number(retention.value),
      queueAtClosing: queue.value,
      sharedStaffInOwnHours: shared.checked,
      sharedStaffInOwnHoursWaitSeconds: Math.round(Number(sharedWait.value) * 60),
    };
    try {
      const saved = await api<SettingsView>(`${base}/settings`, { method: 'PUT', body: JSON.stringify(document), headers: { 'If-Match': version ?? '*' } });
      version = saved.etag;
      status.textContent = t('settingsSaved');
      announceChange();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        replace(status, t('settingsStale'), ' ', h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => void load(section, base) }, t('reload')));
      } else if (error instanceof ApiError && error.problem.errors) {
        status.textContent = '';
        showErrors(form, summary, error.problem.errors);
        summary.focus();
      } else {
        status.textContent = t('failed');
      }
    } finally {
      save.disabled = false;
    }
  });
  summary.tabIndex = -1;
  replace(section, h('h2', { id: 'settings-heading' }, t('settings')), h('p', { class: 'muted' }, t('settingsIntro')), form);
}
