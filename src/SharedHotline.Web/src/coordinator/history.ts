import { h } from '../shared/dom';
import { translator } from '../shared/i18n';
import { clock, shortDate } from '../shared/time';

const da = {
  history: 'Historik',
  historyHint: 'Hvem der har udgivet hvad, nyeste først.',
  historyNone: 'Ingen ændringer endnu.',
  csv: 'Hent vagtplanen som CSV (regneark)',
  entry: '{when}: {who} {what} (version {version})',
  stalePublished: 'Udgivet imens:',
  'cancel.created': 'aflyste vagten {date}',
  'extra-slot.created': 'lagde en ekstra vagt {date}',
  'swap.created': 'byttede en medarbejder på vagten {date}',
  'open-on-holiday.created': 'åbnede helligdagen {date}',
  'exception.deleted': 'fjernede en aflysning, ekstra vagt eller bytte',
  'pattern.created': 'lagde et nyt vagtmønster',
  'pattern.updated': 'ændrede tiderne i et vagtmønster',
  'pattern.deleted': 'slettede et vagtmønster',
  'turn.created': 'lagde en ny tur i rotationen',
  'turn.updated': 'ændrede medarbejderne i en kommunes uger',
  'turn.deleted': 'slettede en tur i rotationen',
  updated: 'ændrede en undtagelse {date}',
  other: 'ændrede vagtplanen',
} as const;

const en: { [K in keyof typeof da]: string } = {
  history: 'History',
  historyHint: 'Who published what, newest first.',
  historyNone: 'No changes yet.',
  csv: 'Download the rota as CSV (spreadsheet)',
  entry: '{when}: {who} {what} (version {version})',
  stalePublished: 'Published meanwhile:',
  'cancel.created': 'cancelled the shift {date}',
  'extra-slot.created': 'added an extra shift {date}',
  'swap.created': 'swapped a staff member on the shift {date}',
  'open-on-holiday.created': 'opened the holiday {date}',
  'exception.deleted': 'removed a cancellation, extra shift or swap',
  'pattern.created': 'added a shift pattern',
  'pattern.updated': 'changed the times of a shift pattern',
  'pattern.deleted': 'deleted a shift pattern',
  'turn.created': 'added a turn to the rotation',
  'turn.updated': 'changed the staff of a kommune’s weeks',
  'turn.deleted': 'deleted a turn of the rotation',
  updated: 'changed an exception {date}',
  other: 'changed the rota',
};

export const historyText = translator(da, en);

export interface AuditEntry {
  version: number;
  at: string;
  changedByName: string;
  action: string;
  after: { date?: string } | null;
  before: { date?: string } | null;
}

/** One published change in words: "24. nov. 20.31: Karen Østergaard aflyste vagten 11. dec. (version 12)". */
export function auditLine(entry: AuditEntry): string {
  const date = entry.after?.date ?? entry.before?.date;
  const shown = date ? shortDate(`${date}T12:00:00Z`) : '';
  const key = (entry.action in da ? entry.action : entry.action.endsWith('.updated') && date ? 'updated' : 'other') as keyof typeof da;
  return historyText('entry', { when: `${shortDate(entry.at)} ${clock(entry.at)}`, who: entry.changedByName || '?', what: historyText(key, { date: shown }), version: entry.version });
}

export function historyList(entries: AuditEntry[]): HTMLElement {
  return entries.length
    ? h('ol', { class: 'history' }, ...entries.map((e) => h('li', { 'data-version': e.version }, auditLine(e))))
    : h('p', { class: 'muted' }, historyText('historyNone'));
}
