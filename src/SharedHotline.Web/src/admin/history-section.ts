import { h, replace } from '../shared/dom';
import { getJson } from '../shared/http';
import { t } from './texts';

interface AuditEntry {
  at: string;
  action: string;
  target: string;
  changedByName: string;
  before: string | null;
  after: string | null;
}

const settingNames: Record<string, Parameters<typeof t>[0]> = {
  ownHours: 'ownHours',
  websiteOrigins: 'websites',
  colour: 'colour',
  topics: 'topics',
  cannedAnswers: 'canned',
  selfServiceLinks: 'links',
  retentionDays: 'retention',
  queueAtClosing: 'queueAtClosing',
  sharedStaffInOwnHours: 'sharedStaff',
  meetingTopics: 'meetings',
  partnershipHandlesMessages: 'partnership',
};

/** The change in words: the setting's name as the page shows it, or what happened to which account. */
function describe(e: AuditEntry): string {
  const [kind, what] = e.action.split('.');
  if (kind === 'settings' && settingNames[what]) {
    return t(settingNames[what]);
  }

  const staff: Record<string, Parameters<typeof t>[0]> = { created: 'auditCreated', updated: 'auditUpdated', 'password-reset': 'auditPassword', disabled: 'auditDisabled', enabled: 'auditEnabled', unlocked: 'auditUnlocked', onboarded: 'auditOnboarded' };
  return staff[what] ? t(staff[what], { target: e.target }) : `${e.action} · ${e.target}`;
}

/** Who changed which setting or staff account, and when, with the value before and after; drawn again after each change. */
export async function historySection(base: string): Promise<HTMLElement> {
  const section = h('section', { class: 'card admin-section', 'aria-labelledby': 'history-heading' });
  const draw = async () => replace(section, h('h2', { id: 'history-heading' }, t('history')), h('p', { class: 'muted' }, t('historyIntro')), entriesList(await getJson<AuditEntry[]>(`${base}/audit`)));
  document.addEventListener(changedEvent, () => void draw().catch(() => undefined));
  await draw();
  return section;
}

/** Sent by every part of the page after a saved change. */
export const changedEvent = 'admin:changed';

export function announceChange(): void {
  document.dispatchEvent(new Event(changedEvent));
}

function entriesList(entries: AuditEntry[]): HTMLElement {
  return entries.length === 0
    ? h('p', null, t('noEntries'))
    : h(
        'ol',
        { class: 'history-list' },
        ...entries.slice(0, 50).map((e) =>
          h(
            'li',
            null,
            h('p', null, h('strong', null, describe(e)), ` — ${e.changedByName}, ${new Date(e.at).toLocaleString()}`),
            e.before || e.after
              ? h('details', null, h('summary', null, `${t('before')} / ${t('after')}`), h('p', null, `${t('before')}: `, h('code', null, e.before ?? '–')), h('p', null, `${t('after')}: `, h('code', null, e.after ?? '–')))
              : null,
          ),
        ),
      );
}
