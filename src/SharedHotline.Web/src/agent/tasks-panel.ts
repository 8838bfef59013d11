import { h, replace } from '../shared/dom';
import { api, getJson } from '../shared/http';
import type { FreeTime } from '../shared/contracts';
import { clock, day, serverNow } from '../shared/time';
import { t } from './texts';

/** A telefonmøde or message in the agent's task list, as `GET /api/tasks` answers. */
export interface TaskView {
  id: string;
  reference: string;
  kommune: string;
  kind: 'meeting' | 'message';
  topic: string;
  topicName: string;
  state: 'received' | 'assigned' | 'reached' | 'not-reached' | 'closed' | 'cancelled';
  start: string | null;
  minutes: number;
  name: string | null;
  phone: string | null;
  note: string | null;
  containsCpr: boolean;
  takenBy: string | null;
  takenByName: string | null;
  staffNote: string | null;
  createdAt: string;
}

const refreshEvery = 20_000;
const dueSoonMs = 5 * 60_000;

/**
 * "Opgaver": the telefonmøder and messages of the agent's kommune, by time. She takes one (nobody else can then),
 * records whether she reached the citizen, writes an internal note and closes it; the citizen's status page
 * follows each step. A meeting due within five minutes that nobody has taken is called out.
 */
export class TasksPanel {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'task-list' });
  private readonly reminder = h('p', { class: 'notice notice--warning', role: 'alert', hidden: true });
  private readonly status = h('p', { class: 'muted', role: 'status' });
  // Unsaved notes and an open move form survive a refresh: the list is rebuilt whenever a colleague changes a task.
  private readonly drafts = new Map<string, string>();
  private readonly moving = new Set<string>();
  private readonly moveChoice = new Map<string, string>();
  private loading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly me: string) {
    this.element = h(
      'section',
      { class: 'card side-section tasks', 'aria-labelledby': 'tasks-heading' },
      h('h2', { id: 'tasks-heading' }, t('tasks')),
      this.reminder,
      this.status,
      this.list,
    );
    window.setInterval(() => void this.refresh(), refreshEvery);
  }

  /** Fetches the list again; signals arriving meanwhile are folded into one more fetch. */
  async refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }

    this.loading = this.load();
    try {
      await this.loading;
    } finally {
      this.loading = null;
    }

    if (this.again) {
      this.again = false;
      await this.refresh();
    }
  }

  private async load(): Promise<void> {
    let tasks: TaskView[];
    try {
      tasks = await getJson<TaskView[]>('/api/tasks/');
    } catch {
      this.status.textContent = t('tasksFailed');
      return;
    }

    const now = serverNow().getTime();
    const due = tasks.filter((x) => x.kind === 'meeting' && !x.takenBy && x.start && Date.parse(x.start) - now <= dueSoonMs && Date.parse(x.start) + x.minutes * 60_000 > now);
    this.reminder.hidden = due.length === 0;
    this.reminder.textContent = due.length ? t('tasksDue', { when: clock(due[0].start!), topic: due[0].topicName }) : '';
    this.status.textContent = tasks.length ? t('tasksCount', { n: tasks.length }) : t('tasksNone');
    const focused = document.activeElement instanceof HTMLElement && this.list.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
    replace(this.list, ...tasks.map((x) => this.item(x)));
    if (focused) {
      this.list.querySelector<HTMLElement>(`[data-focus-key="${focused}"]`)?.focus();
    }
  }

  private item(task: TaskView): HTMLElement {
    const mine = task.takenBy === this.me;
    const when = task.start ? `${day(task.start)} ${clock(task.start)}` : t('taskMessage');
    const note = h('textarea', { rows: '2', maxlength: '4000', 'aria-label': t('taskNote', { reference: task.reference }), 'data-focus-key': `note-${task.reference}` });
    note.value = this.drafts.get(task.reference) ?? task.staffNote ?? '';
    note.addEventListener('input', () => this.drafts.set(task.reference, note.value));
    const act = (path: string, body?: unknown) => async () => {
      try {
        await api(`/api/tasks/${task.id}/${path}`, { method: path === 'note' ? 'PUT' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
        if (path === 'note') {
          this.drafts.delete(task.reference);
        }
        if (path === 'move') {
          this.moving.delete(task.reference);
          this.moveChoice.delete(task.reference);
        }
      } catch {
        this.status.textContent = path === 'move' ? t('taskMoveTaken') : t('taskChanged');
      }

      await this.refresh();
    };
    return h(
      'li',
      { class: `task task--${task.state}`, 'data-reference': task.reference },
      h('p', { class: 'task__when' }, h('strong', null, when), ' · ', task.topicName, ' · ', task.reference),
      h('p', null, [task.name, task.phone].filter(Boolean).join(', ') || t('taskNoPhone')),
      task.note ? h('p', { class: 'task__note' }, task.note) : null,
      task.containsCpr ? h('p', { class: 'notice notice--warning' }, t('taskCpr')) : null,
      h('p', { class: 'task__state' }, stateText(task.state), task.takenByName && !mine ? ` (${task.takenByName})` : ''),
      mine
        ? h(
            'div',
            { class: 'task__actions' },
            h('button', { type: 'button', class: 'btn btn--small', onclick: act('call', { reached: true }) }, t('taskReached')),
            h('button', { type: 'button', class: 'btn btn--small btn--secondary', onclick: act('call', { reached: false }) }, t('taskNotReached')),
            h('button', { type: 'button', class: 'btn btn--small btn--secondary', onclick: act('close') }, t('taskClose')),
            task.kind === 'meeting' ? this.mover(task, (start) => act('move', { start })()) : null,
            note,
            h('button', { type: 'button', class: 'link-button', onclick: async () => act('note', { note: note.value })() }, t('taskSaveNote')),
          )
        : task.takenBy
          ? null
          : h('div', { class: 'task__actions' }, h('button', { type: 'button', class: 'btn btn--small', onclick: act('take') }, t('taskTake'))),
    );
  }

  /** "Flyt mødet": the topic's free times, for a new time agreed with the citizen on the phone. */
  private mover(task: TaskView, move: (start: string) => Promise<void>): HTMLElement {
    const id = `move-${task.reference}`;
    const select = h('select', { id, 'data-focus-key': id }, h('option', { value: '' }, t('taskMoveLoading')));
    const fill = async () => {
      const free = await getJson<FreeTime[]>(`/api/kommuner/${encodeURIComponent(task.kommune)}/meetings/${encodeURIComponent(task.topic)}/free`).catch(() => []);
      replace(select, h('option', { value: '' }, free.length ? t('taskMoveChoose') : t('taskMoveNone')), ...free.map((x) => h('option', { value: x.start }, `${day(x.start)} ${clock(x.start)}`)));
      select.value = this.moveChoice.get(task.reference) ?? '';
    };
    select.addEventListener('change', () => this.moveChoice.set(task.reference, select.value));
    const form = h(
      'div',
      { class: 'task__move', hidden: !this.moving.has(task.reference) },
      h('label', { for: id }, t('taskMoveTo')),
      select,
      h('button', { type: 'button', class: 'btn btn--small', onclick: () => (select.value ? void move(select.value) : select.focus()) }, t('taskMoveButton')),
    );
    if (this.moving.has(task.reference)) {
      void fill();
    }

    const toggle = h('button', { type: 'button', class: 'btn btn--small btn--secondary', 'aria-expanded': String(this.moving.has(task.reference)), 'data-focus-key': `toggle-${task.reference}` }, t('taskMove'));
    toggle.addEventListener('click', () => {
      const open = !this.moving.has(task.reference);
      if (open) {
        this.moving.add(task.reference);
        void fill();
      } else {
        this.moving.delete(task.reference);
      }
      form.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    return h('div', { class: 'task__moving' }, toggle, form);
  }
}

function stateText(state: TaskView['state']): string {
  switch (state) {
    case 'received':
      return t('taskReceived');
    case 'assigned':
      return t('taskAssigned');
    case 'reached':
      return t('taskWasReached');
    case 'not-reached':
      return t('taskWasNotReached');
    default:
      return t('taskDone');
  }
}
