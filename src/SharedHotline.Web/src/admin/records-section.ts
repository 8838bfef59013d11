import { h, replace } from '../shared/dom';
import { ApiError, api, getJson } from '../shared/http';
import { t } from './texts';

interface Transcript {
  reference: string;
  topic: string;
  createdAt: string;
  messages: { messageId: string; sender: string; senderName: string | null; text: string; sentAt: string }[];
}

interface AccessEntry {
  at: string;
  chatReference: string;
  staffName: string;
  staffKommune: string;
  reason: string;
}

interface PrivacyEntry {
  at: string;
  action: string;
  reason: string;
  chatReference: string | null;
  itemsDeleted: number;
  actorName: string | null;
}

const time = (iso: string) => new Date(iso).toLocaleString();

/** Find a chat by the reference the citizen quotes: read its transcript (logged) or delete it on request; the logs below. */
export async function recordsSection(base: string): Promise<HTMLElement> {
  const query = h('input', { type: 'search', id: 'chat-reference', autocomplete: 'off' });
  const status = h('p', { role: 'status' });
  const result = h('div');
  const logs = h('div');
  const drawLogs = async () => replace(logs, ...(await logTables(base)));
  const reference = () => query.value.trim().toUpperCase();
  const show = async () => {
    try {
      const transcript = (await api<Transcript>(`/api/transcripts/by-reference/${encodeURIComponent(reference())}`)).body;
      status.textContent = '';
      replace(result, transcriptView(transcript));
      await drawLogs();
    } catch (error) {
      replace(result);
      status.textContent = error instanceof ApiError && error.status === 404 ? t('chatNotFound') : t('failed');
    }
  };
  const remove = async () => {
    const value = reference();
    if (!value || !window.confirm(t('confirmDeleteChat', { reference: value }))) {
      return;
    }

    try {
      await api(`${base}/chats/${encodeURIComponent(value)}`, { method: 'DELETE' });
      replace(result);
      status.textContent = t('chatDeleted', { reference: value });
      await drawLogs();
    } catch (error) {
      status.textContent = error instanceof ApiError && error.status === 404 ? t('chatNotFound') : t('failed');
    }
  };
  const form = h(
    'form',
    { class: 'card admin-section', 'aria-labelledby': 'records-heading' },
    h('h2', { id: 'records-heading' }, t('records')),
    h('p', { class: 'muted' }, t('recordsIntro')),
    h('div', { class: 'field' }, h('label', { for: 'chat-reference' }, t('reference')), query),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, t('showTranscript')), h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => void remove() }, t('deleteChat'))),
    status,
    result,
    logs,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (reference()) {
      void show();
    }
  });
  await drawLogs();
  return form;
}

function transcriptView(transcript: Transcript): HTMLElement {
  return h(
    'section',
    { class: 'transcript', 'aria-label': t('transcriptOf', { reference: transcript.reference, topic: transcript.topic, time: time(transcript.createdAt) }) },
    h('h3', null, t('transcriptOf', { reference: transcript.reference, topic: transcript.topic, time: time(transcript.createdAt) })),
    h('ol', { class: 'transcript__messages' }, ...transcript.messages.map((m) => h('li', null, h('strong', null, m.senderName ?? m.sender), ` (${time(m.sentAt)}): `, m.text))),
  );
}

async function logTables(base: string): Promise<HTMLElement[]> {
  const [access, privacy] = await Promise.all([getJson<AccessEntry[]>(`${base}/transcript-access`), getJson<PrivacyEntry[]>(`${base}/privacy-audit`)]);
  return [
    table(t('accessLog'), [t('when'), t('who'), t('reference'), t('reason')], access.slice(0, 25).map((e) => [time(e.at), `${e.staffName} (${e.staffKommune})`, e.chatReference, e.reason])),
    table(t('privacyAudit'), [t('when'), t('what'), t('reference'), t('items'), t('who')], privacy.slice(0, 25).map((e) => [time(e.at), `${e.action} (${e.reason})`, e.chatReference ?? '', String(e.itemsDeleted), e.actorName ?? ''])),
  ];
}

export function table(caption: string, columns: string[], rows: string[][]): HTMLElement {
  return h(
    'table',
    { class: 'admin-table' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, ...(rows.length ? rows.map((r) => h('tr', null, ...r.map((c) => h('td', null, c)))) : [h('tr', null, h('td', { colspan: String(columns.length) }, t('noEntries')))])),
  );
}
