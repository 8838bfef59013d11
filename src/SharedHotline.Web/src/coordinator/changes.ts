import type { RotaAgent, RotaKommune } from '../shared/contracts';
import { day, wallTime } from '../shared/time';
import type { EditOutcome, RotaClient } from './rota-client';
import type { Partnership, ShiftPattern, SlotView } from './rota-types';
import { t } from './texts';
import { addDays, mondayOf, weekdayOf } from './wall-clock';

/** A slot's local date and times ("HH:MM"); an end at or before the start is on the next day. */
export interface SlotTimes {
  date: string;
  start: string;
  end: string;
}

/**
 * An edit of one slot the coordinator has made but not yet published: new times and/or staff, for that day
 * only or for the whole series (the pattern's times, and the staff of the responsible kommune's turn).
 */
export interface SlotEdit {
  key: string;
  patternId: string | null;
  extraSlotId: string | null;
  originalDate: string;
  original: SlotTimes;
  originalAgents: RotaAgent[];
  responsible: RotaKommune;
  times: SlotTimes;
  agents: RotaAgent[];
  scope: 'day' | 'series';
  state: 'pending' | 'stale' | 'refused';
  /** Why the publish was refused, in the coordinator's language, and the server's own words. */
  reason?: string;
  detail?: string;
}

export function keyOf(slot: SlotView): string {
  return slot.extraSlotId ? `x:${slot.extraSlotId}` : `p:${slot.patternId}:${slot.date}`;
}

export function timesOf(slot: SlotView): SlotTimes {
  return { date: slot.date, start: slot.start.slice(11, 16), end: slot.end.slice(11, 16) };
}

export const overnight = (times: SlotTimes) => times.end <= times.start;

export function timesChanged(edit: SlotEdit): boolean {
  return edit.times.date !== edit.original.date || edit.times.start !== edit.original.start || edit.times.end !== edit.original.end;
}

export function staffChanged(edit: SlotEdit): boolean {
  const before = new Set(edit.originalAgents.map((a) => a.id));
  return edit.agents.length !== before.size || edit.agents.some((a) => !before.has(a.id));
}

export function whenText(times: SlotTimes): string {
  return `${day(`${times.date}T12:00:00Z`)} ${wallTime(times.start)}–${wallTime(times.end)}`;
}

/** What the edit does, in words, for the list of unpublished changes. */
export function describe(edit: SlotEdit): string {
  const parts: string[] = [];
  const names = edit.agents.length ? edit.agents.map((a) => a.name).join(', ') : t('staffNone');
  if (timesChanged(edit)) {
    parts.push(t(edit.scope === 'series' ? 'moveSeries' : 'moveDay', { from: whenText(edit.original), to: whenText(edit.times) }));
  }

  if (staffChanged(edit)) {
    parts.push(edit.scope === 'series' ? t('staffSeries', { kommune: edit.responsible.name, names }) : t('staffDay', { when: whenText(edit.times), names }));
  }

  return parts.join('. ');
}

export interface ShownSlot extends SlotView {
  key: string;
  pending: boolean;
}

/** The week's slots as they will be once the edits are published. */
export function preview(slots: SlotView[], edits: SlotEdit[]): ShownSlot[] {
  return slots.map((slot) => {
    const key = keyOf(slot);
    const own = edits.find((e) => e.key === key);
    const series = own ? undefined : edits.find((e) => e.scope === 'series' && e.patternId !== null && e.patternId === slot.patternId);
    let times = timesOf(slot);
    let agents = slot.agents;
    let pending = false;
    if (own) {
      times = own.times;
      agents = own.agents;
      pending = true;
    } else if (series) {
      if (timesChanged(series)) {
        const shift = weekdayOf(slot.date) === weekdayOf(series.original.date) ? dayDifference(series.original.date, series.times.date) : 0;
        times = { date: addDays(slot.date, shift), start: series.times.start, end: series.times.end };
        pending = true;
      }

      if (staffChanged(series) && slot.responsible.kode === series.responsible.kode) {
        agents = series.agents;
        pending = true;
      }
    }

    const endDate = overnight(times) ? addDays(times.date, 1) : times.date;
    return {
      ...slot,
      key,
      pending,
      date: times.date,
      start: `${times.date}T${times.start}:00${slot.start.slice(19)}`,
      end: `${endDate}T${times.end}:00${slot.end.slice(19)}`,
      agents,
    };
  });
}

function dayDifference(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Which turn of the pattern's rotation covers the date (the same rule as the server's Rotation.TurnOn). */
export function turnIndex(pattern: ShiftPattern, date: string): number {
  const turns = pattern.rotation.turns;
  if (pattern.rotation.kind === 'ByWeekday') {
    return turns.findIndex((x) => x.day === weekdayOf(date));
  }

  const weeks = Math.round(dayDifference(mondayOf(pattern.rotation.anchor), mondayOf(date)) / 7);
  return ((weeks % turns.length) + turns.length) % turns.length;
}

function patternRequest(pattern: ShiftPattern, change: { days: string[]; start: string; end: string }) {
  return {
    days: change.days,
    start: change.start,
    end: change.end,
    validFrom: pattern.validFrom,
    validTo: pattern.validTo,
    minAgents: pattern.minAgents,
    overnight: change.end <= change.start,
    rotation: {
      kind: pattern.rotation.kind,
      anchor: pattern.rotation.anchor,
      turns: pattern.rotation.turns.map((x) => ({ kommune: x.kommuneKode, agentIds: x.agentIds, day: x.day })),
    },
  };
}

/**
 * A one-day change of only the staff, one colleague for another, is published as swaps ("X dækker for Y"), which the
 * rota records and shows as the staff change it is. Null when the change is not one-for-one (a colleague added or
 * taken off): then the day is cancelled and an extra slot with the new staff stands in its place.
 */
async function publishAsSwaps(edit: SlotEdit, client: RotaClient, patternId: string): Promise<EditOutcome | null> {
  const removed = edit.originalAgents.filter((a) => !edit.agents.some((b) => b.id === a.id));
  const added = edit.agents.filter((a) => !edit.originalAgents.some((b) => b.id === a.id));
  if (removed.length === 0 || removed.length !== added.length) {
    return null;
  }

  const done: string[] = [];
  for (let i = 0; i < removed.length; i++) {
    const outcome = await client.edit('POST', '/exceptions', { kind: 'Swap', date: edit.originalDate, patternId, fromAgentId: removed[i].id, toAgentId: added[i].id });
    if (!outcome.ok) {
      if (outcome.stale && done.length > 0) {
        await client.rota();
      }

      for (const id of done) {
        await client.edit('DELETE', `/exceptions/${id}`);
      }

      return outcome;
    }

    done.push((outcome.body as { id: string }).id);
  }

  return { ok: true, body: null };
}

/**
 * Publishes one edit against the rota as last read, each request carrying its ETag. A one-day change of a
 * pattern's slot is a cancellation of that day plus an extra slot; if the second step is refused, the first is
 * undone so nothing is half applied.
 */
export async function publish(edit: SlotEdit, client: RotaClient, rota: Partnership): Promise<EditOutcome> {
  const agentIds = edit.agents.map((a) => a.id);
  const times = { date: edit.times.date, start: edit.times.start, end: edit.times.end, overnight: overnight(edit.times) };
  if (edit.extraSlotId) {
    const extra = rota.exceptions.find((x) => x.id === edit.extraSlotId);
    return client.edit('PUT', `/exceptions/${edit.extraSlotId}`, {
      kind: 'ExtraSlot',
      ...times,
      responsibleKommune: extra?.responsibleKommune ?? edit.responsible.kode,
      agentIds,
      note: extra?.note ?? null,
    });
  }

  const pattern = rota.patterns.find((p) => p.id === edit.patternId);
  if (!pattern) {
    return { ok: false, stale: false, refusal: { status: 404, rules: [], fields: ['patternId'], detail: `pattern ${edit.patternId}` } };
  }

  if (edit.scope === 'day' && !timesChanged(edit)) {
    const swapped = await publishAsSwaps(edit, client, pattern.id);
    if (swapped) {
      return swapped;
    }
  }

  if (edit.scope === 'day') {
    const cancelled = await client.edit('POST', '/exceptions', { kind: 'Cancelled', date: edit.originalDate, patternId: pattern.id });
    if (!cancelled.ok) {
      return cancelled;
    }

    const extra = await client.edit('POST', '/exceptions', {
      kind: 'ExtraSlot',
      ...times,
      responsibleKommune: edit.responsible.kode,
      agentIds,
      note: timesChanged(edit) ? t('movedFrom', { when: whenText(edit.original) }) : t('staffChangedNote'),
    });
    if (!extra.ok) {
      const cancelId = (cancelled.body as { id: string }).id;
      if (extra.stale) {
        await client.rota();
      }

      await client.edit('DELETE', `/exceptions/${cancelId}`);
    }

    return extra;
  }

  let outcome: EditOutcome = { ok: true, body: null };
  if (timesChanged(edit)) {
    const from = weekdayOf(edit.original.date);
    const to = weekdayOf(edit.times.date);
    const days = [...new Set(pattern.days.map((d) => (d === from ? to : d)))];
    outcome = await client.edit('PUT', `/patterns/${pattern.id}`, patternRequest(pattern, { days, start: edit.times.start, end: edit.times.end }));
    if (!outcome.ok) {
      return outcome;
    }
  }

  if (staffChanged(edit)) {
    const index = turnIndex(pattern, edit.originalDate);
    const turn = pattern.rotation.turns[index];
    outcome = await client.edit('PUT', `/patterns/${pattern.id}/turns/${index}`, { kommune: turn.kommuneKode, agentIds, day: turn.day });
  }

  return outcome;
}
