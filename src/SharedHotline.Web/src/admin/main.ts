import '../shared/base.css';
import './admin.css';
import { type KommuneSummary, officialName, type StaffMe } from '../shared/contracts';
import { appRoot, h, replace } from '../shared/dom';
import { ApiError, api, getJson } from '../shared/http';
import { showStaffNav } from '../shared/staff-nav';
import { announceChange, historySection } from './history-section';
import { invitationsSection } from './invitations-section';
import { onboardingSection } from './onboarding-section';
import { partnershipSection } from './partnership-section';
import { recordsSection } from './records-section';
import { settingsSection } from './settings-form';
import { staffSection } from './staff-section';
import { t } from './texts';

interface TopicSetting {
  code: string;
  name: string;
  booked: boolean;
  minutes: number;
  takenBy: string[];
}

interface MeetingSettings {
  partnershipHandlesMessages: boolean;
  topics: TopicSetting[];
}

interface CaseFound {
  id: string;
  reference: string;
  topic: string;
  createdAt: string;
  name: string | null;
  phone: string | null;
  message: string | null;
  containsCpr: boolean;
}

const root = appRoot();

/**
 * K's Administration page: K's settings, telefonmøder, staff accounts, transcripts and deletions on request, the
 * history of changes; for a platform admin also a new kommune. Every part talks to K's own endpoints only. A coordinator
 * sees the settings of the partnerships she coordinates (with K's when she is also K's admin).
 */
async function boot(): Promise<void> {
  const me = await getJson<StaffMe>('/api/auth/me');
  showStaffNav(me, 'admin');
  const partnerships = await Promise.all(me.coordinatorOf.map((id) => partnershipSection(id)));
  if (!me.roles.includes('admin')) {
    replace(root, h('h1', null, t('coordinatorHeading')), h('p', { class: 'muted' }, t('coordinatorIntro')), ...partnerships);
    return;
  }

  const kommuner = await getJson<KommuneSummary[]>('/api/kommuner');
  const kommune = kommuner.find((k) => k.slug === me.kommune);
  const base = `/api/kommuner/${encodeURIComponent(me.kommune)}`;
  const topics = (await getJson<{ settings: { topics: { code: string; name: string }[] } }>(`${base}/settings`)).settings.topics;
  const sections = await Promise.all([
    settingsSection(base),
    meetingsSection(base),
    invitationsSection(base, topics),
    staffSection(base, topics, me.id),
    recordsSection(base),
    Promise.resolve(privacySection(base)),
    historySection(base),
    me.roles.includes('platform-admin') ? onboardingSection() : Promise.resolve(null),
  ]);
  sections.splice(1, 0, ...partnerships);
  replace(root, h('h1', null, t('heading', { kommune: kommune ? officialName(kommune) : me.kommune })), h('p', { class: 'muted' }, t('pageIntro')), ...sections);
}

async function meetingsSection(base: string): Promise<HTMLElement> {
  const settings = await getJson<MeetingSettings>(`${base}/meeting-settings`);
  const status = h('p', { role: 'status' });
  const partnership = h('input', { type: 'checkbox', id: 'partnership-messages' });
  partnership.checked = settings.partnershipHandlesMessages;
  const rows = settings.topics.map((topic) => {
    const booked = h('input', { type: 'checkbox', 'aria-label': `${t('bookedHeader')}: ${topic.name}` });
    booked.checked = topic.booked;
    booked.disabled = topic.takenBy.length === 0 && !topic.booked;
    const minutes = h('input', { type: 'number', min: '5', max: '120', step: '5', value: String(topic.minutes), 'aria-label': `${t('minutesHeader')}: ${topic.name}` });
    return {
      topic,
      booked,
      minutes,
      row: h('tr', null, h('th', { scope: 'row' }, topic.name), h('td', null, booked), h('td', null, minutes), h('td', null, topic.takenBy.length ? topic.takenBy.join(', ') : t('nobody'))),
    };
  });
  const save = h('button', { type: 'submit', class: 'btn' }, t('save'));
  const form = h(
    'form',
    { class: 'card admin-section', 'aria-labelledby': 'meetings-heading' },
    h('h2', { id: 'meetings-heading' }, t('meetings')),
    h('p', { class: 'muted' }, t('meetingsIntro')),
    h(
      'table',
      { class: 'admin-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('topicHeader')), h('th', { scope: 'col' }, t('bookedHeader')), h('th', { scope: 'col' }, t('minutesHeader')), h('th', { scope: 'col' }, t('takenByHeader')))),
      h('tbody', null, ...rows.map((r) => r.row)),
    ),
    h('p', { class: 'choice' }, partnership, h('label', { for: 'partnership-messages' }, t('partnership'))),
    status,
    h('div', { class: 'actions' }, save),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    save.textContent = t('saving');
    try {
      await api(`${base}/meeting-settings`, {
        method: 'PUT',
        body: JSON.stringify({
          partnershipHandlesMessages: partnership.checked,
          topics: rows.filter((r) => r.booked.checked).map((r) => ({ code: r.topic.code, minutes: Number(r.minutes.value) })),
        }),
      });
      status.textContent = t('saved');
      announceChange();
    } catch (error) {
      const reason = error instanceof ApiError ? Object.values(error.problem.errors ?? {}).flat().join(' ') || error.message : '';
      status.textContent = t('saveFailed', { reason });
    } finally {
      save.disabled = false;
      save.textContent = t('save');
    }
  });
  return form;
}

function privacySection(base: string): HTMLElement {
  const query = h('input', { type: 'search', id: 'privacy-query', autocomplete: 'off' });
  const status = h('p', { role: 'status' });
  const list = h('ul', { class: 'found-list' });
  const search = async () => {
    const value = query.value.trim();
    if (!value) {
      return;
    }

    const parameter = /^[A-Za-z]{3}-/.test(value) ? `reference=${encodeURIComponent(value)}` : `phone=${encodeURIComponent(value)}`;
    try {
      const found = await getJson<CaseFound[]>(`${base}/privacy/callbacks?${parameter}`);
      status.textContent = found.length ? t('found', { n: found.length }) : t('noneFound');
      replace(list, ...found.map((c) => item(c)));
    } catch {
      status.textContent = t('failed');
    }
  };
  const item = (c: CaseFound): HTMLElement => {
    const element = h(
      'li',
      { class: 'found' },
      h('p', null, h('strong', null, c.reference), ' · ', new Date(c.createdAt).toLocaleString(), ' · ', c.topic),
      h('p', null, [c.name, c.phone].filter(Boolean).join(', ')),
      c.message ? h('p', { class: 'found__text' }, c.message) : null,
      c.containsCpr ? h('p', { class: 'notice notice--warning' }, t('containsCpr')) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--secondary btn--small',
          onclick: async () => {
            if (!window.confirm(t('confirmDelete', { reference: c.reference }))) {
              return;
            }

            try {
              await api(`${base}/callbacks/${encodeURIComponent(c.reference)}`, { method: 'DELETE' });
              element.remove();
              status.textContent = t('deleted', { reference: c.reference });
            } catch {
              status.textContent = t('failed');
            }
          },
        },
        t('delete', { reference: c.reference }),
      ),
    );
    return element;
  };
  const form = h(
    'form',
    { class: 'card admin-section', 'aria-labelledby': 'privacy-heading' },
    h('h2', { id: 'privacy-heading' }, t('privacy')),
    h('p', { class: 'muted' }, t('privacyIntro')),
    h('div', { class: 'field' }, h('label', { for: 'privacy-query' }, t('phone')), query),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, t('search'))),
    status,
    list,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  return form;
}

void boot();
