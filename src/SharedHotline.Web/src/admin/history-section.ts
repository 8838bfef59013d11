import { h } from '../shared/dom';
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

/** Who changed which setting or staff account, and when, with the value before and after. */
export async function historySection(base: string): Promise<HTMLElement> {
  const entries = await getJson<AuditEntry[]>(`${base}/audit`);
  return h(
    'section',
    { class: 'card admin-section', 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, t('history')),
    h('p', { class: 'muted' }, t('historyIntro')),
    entries.length === 0
      ? h('p', null, t('noEntries'))
      : h(
          'ol',
          { class: 'history-list' },
          ...entries.slice(0, 50).map((e) =>
            h(
              'li',
              null,
              h('p', null, h('strong', null, `${e.action} · ${e.target}`), ` — ${e.changedByName}, ${new Date(e.at).toLocaleString()}`),
              e.before || e.after
                ? h('details', null, h('summary', null, `${t('before')} / ${t('after')}`), h('p', null, `${t('before')}: `, h('code', null, e.before ?? '–')), h('p', null, `${t('after')}: `, h('code', null, e.after ?? '–')))
                : null,
            ),
          ),
        ),
  );
}
