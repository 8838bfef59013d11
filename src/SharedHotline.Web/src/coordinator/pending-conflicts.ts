import { h } from '../shared/dom';
import { day, span } from '../shared/time';
import type { ShownSlot } from './changes';
import { t } from './texts';

/**
 * The conflicts the unpublished edits would make, found in the page on the week as it will be: a changed shift with
 * nobody or too few on it, or a colleague on two overlapping shifts of this rota. The server's list (with other
 * partnerships' shifts) follows the publish.
 */
export function pendingConflicts(shown: ShownSlot[]): string[] {
  const found: string[] = [];
  const when = (s: ShownSlot) => `${day(s.start)} ${span(s.start, s.end)}`;
  const overlaps = (a: ShownSlot, b: ShownSlot) => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
  for (const slot of shown.filter((s) => s.pending)) {
    if (slot.agents.length === 0) {
      found.push(t('conflictUnstaffed', { when: when(slot) }));
    } else if (slot.agents.length < slot.minAgents) {
      found.push(t('conflictUnderStaffed', { when: when(slot) }));
    }

    for (const other of shown.filter((s) => s.key !== slot.key && overlaps(s, slot))) {
      for (const agent of slot.agents.filter((a) => other.agents.some((o) => o.id === a.id))) {
        found.push(t('conflictDoubleBooked', { agent: agent.name, when: when(slot), other: when(other) }));
      }
    }
  }

  return [...new Set(found)];
}

export function pendingConflictsBox(shown: ShownSlot[]): HTMLElement | null {
  const found = pendingConflicts(shown);
  if (!shown.some((s) => s.pending)) {
    return null;
  }

  return h(
    'div',
    { class: found.length ? 'pending-conflicts notice notice--warning' : 'pending-conflicts' },
    h('h3', null, t('pendingConflicts')),
    found.length ? h('ul', { class: 'conflicts' }, ...found.map((text) => h('li', { class: 'conflict' }, text))) : h('p', { class: 'muted' }, t('noPendingConflicts')),
  );
}
