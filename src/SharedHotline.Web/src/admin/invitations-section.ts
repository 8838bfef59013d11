import { h, replace } from '../shared/dom';
import { ApiError, api } from '../shared/http';
import { announceChange } from './history-section';
import { ListEditor, clearErrors, showErrors } from './list-editor';
import { t } from './texts';

interface InvitationSettings {
  enabled: boolean;
  pages: { pattern: string; topic: string; delaySeconds: number }[];
  onFailedStep: boolean;
  text: string;
  textEn: string;
  hours: { day: string; from: string; to: string }[];
  maxWaitSeconds: number;
}

interface InvitationSettingsView {
  version: number;
  settings: InvitationSettings;
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Proactive chat: on which pages of the kommune's website the widget may invite, after how long or on a failed
 * self-service step, with which words and at which times. Saved against the settings' version (If-Match), as the
 * settings are; the server only invites when someone is free to answer.
 */
export async function invitationsSection(base: string, topics: { code: string; name: string }[]): Promise<HTMLElement> {
  const section = h('section', { class: 'card admin-section', 'aria-labelledby': 'invitations-heading' });
  await load(section, base, topics);
  return section;
}

async function load(section: HTMLElement, base: string, topics: { code: string; name: string }[]): Promise<void> {
  const { body, etag } = await api<InvitationSettingsView>(`${base}/invitation-settings`);
  const s = body.settings;
  const dayNames = t('days').split(',');
  const enabled = h('input', { type: 'checkbox', id: 'invitations-enabled' });
  enabled.checked = s.enabled;
  const pages = new ListEditor(
    'pages',
    t('invitationPages'),
    t('invitationPage'),
    [
      { key: 'pattern', label: t('invitationPattern') },
      { key: 'topic', label: t('topicHeader'), type: 'select', options: topics.map((x) => [x.code, x.name]) },
      { key: 'delaySeconds', label: t('invitationDelay') },
    ],
    s.pages.map((p) => ({ pattern: p.pattern, topic: p.topic, delaySeconds: String(p.delaySeconds) })),
    t('addInvitationPage'),
    false,
    t('invitationPagesHint'),
  );
  const failed = h('input', { type: 'checkbox', id: 'invitations-failed-step' });
  failed.checked = s.onFailedStep;
  const text = h('textarea', { id: 'invitation-text', rows: '2', 'data-field': 'text' });
  text.value = s.text;
  const textEn = h('textarea', { id: 'invitation-text-en', rows: '2', 'data-field': 'textEn' });
  textEn.value = s.textEn;
  const hours = new ListEditor(
    'hours',
    t('invitationHours'),
    t('invitationHoursItem'),
    [
      { key: 'day', label: t('day'), type: 'select', options: weekdays.map((d, i) => [d, dayNames[i]]) },
      { key: 'from', label: t('from'), type: 'time' },
      { key: 'to', label: t('to'), type: 'time' },
    ],
    s.hours,
    t('addHours'),
    false,
    t('invitationHoursHint'),
  );
  const maxWait = h('input', { type: 'number', id: 'invitation-max-wait', min: '0', max: '600', value: String(s.maxWaitSeconds), 'data-field': 'maxWaitSeconds' });
  const summary = h('div', { class: 'notice notice--error', role: 'alert', hidden: true, tabindex: '-1' });
  const status = h('p', { role: 'status' });
  const save = h('button', { type: 'submit', class: 'btn' }, t('saveInvitations'));
  const form = h(
    'form',
    { novalidate: true },
    summary,
    h('p', { class: 'choice' }, enabled, h('label', { for: 'invitations-enabled' }, t('invitationsEnabled'))),
    pages.element,
    h('p', { class: 'choice' }, failed, h('label', { for: 'invitations-failed-step' }, t('invitationsFailedStep'))),
    h('div', { class: 'field' }, h('label', { for: 'invitation-text' }, t('invitationText')), text),
    h('div', { class: 'field' }, h('label', { for: 'invitation-text-en' }, t('invitationTextEn')), textEn),
    hours.element,
    h('div', { class: 'field' }, h('label', { for: 'invitation-max-wait' }, t('invitationMaxWait')), maxWait),
    status,
    h('div', { class: 'actions' }, save),
  );
  let version = etag;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    status.textContent = t('saving');
    clearErrors(form, summary);
    const document: InvitationSettings = {
      enabled: enabled.checked,
      pages: pages.values().map((r) => ({ pattern: r.pattern, topic: r.topic, delaySeconds: Number(r.delaySeconds || '0') })),
      onFailedStep: failed.checked,
      text: text.value,
      textEn: textEn.value,
      hours: hours.values().map((r) => ({ day: r.day, from: r.from, to: r.to })),
      maxWaitSeconds: Number(maxWait.value),
    };
    try {
      const saved = await api<InvitationSettingsView>(`${base}/invitation-settings`, { method: 'PUT', body: JSON.stringify(document), headers: { 'If-Match': version ?? '*' } });
      version = saved.etag;
      status.textContent = t('invitationsSaved');
      announceChange();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        replace(status, t('settingsStale'), ' ', h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => void load(section, base, topics) }, t('reload')));
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
  replace(section, h('h2', { id: 'invitations-heading' }, t('invitations')), h('p', { class: 'muted' }, t('invitationsIntro')), form);
}
