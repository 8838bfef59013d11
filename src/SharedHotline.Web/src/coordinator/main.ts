import './coordinator.css';
import type { KommuneSummary, StaffMe } from '../shared/contracts';
import { announce, appRoot, h, replace } from '../shared/dom';
import { api, getJson } from '../shared/http';
import { withLang } from '../shared/i18n';
import { showStaffNav } from '../shared/staff-nav';
import { RotaCalendar } from './calendar';
import { describe, keyOf, preview, publish, type SlotEdit, staffChanged, timesChanged, timesOf, whenText } from './changes';
import { ExceptionForm } from './exception-form';
import { auditLine, historyList, historyText } from './history';
import { pendingConflictsBox } from './pending-conflicts';
import { refusalText } from './refusals';
import { changesList, conflictsList, exceptionsList, legend, slotList } from './panels';
import { RotaClient } from './rota-client';
import type { ClosedDayView, ConflictView, PartnerAgent, RotaDocument, SlotView } from './rota-types';
import { editSlot, type DialogResult } from './slot-dialog';
import { t } from './texts';
import { addDays } from './wall-clock';

const root = appRoot();

/** The coordinator's rota editor for one partnership: see the week, edit, publish with the version check. */
class Editor {
  private doc!: RotaDocument;
  private agents: PartnerAgent[] = [];
  private kommuner: KommuneSummary[] = [];
  private range = { from: '', to: '' };
  private slots: SlotView[] = [];
  private conflicts: ConflictView[] = [];
  private closedDays: ClosedDayView[] = [];
  private edits: SlotEdit[];
  private readonly storageKey: string;
  private calendar!: RotaCalendar;
  private readonly heading = h('h1', null, t('heading'));
  private readonly changesBox = h('div');
  private readonly conflictsBox = h('div');
  private readonly exceptionsBox = h('div');
  private readonly listBox = h('div');
  private readonly historyBox = h('div');
  private readonly status = h('p', { class: 'publish-status', role: 'status' });
  private readonly staleBox = h('div', { class: 'notice notice--error stale', role: 'alert', hidden: true });
  private readonly publishButton = h('button', { type: 'button', class: 'btn publish' });

  constructor(private readonly client: RotaClient) {
    this.storageKey = `sharedhotline:rota-edits:${client.partnershipId}`;
    this.edits = this.restore();
    this.publishButton.addEventListener('click', () => void this.publishAll());
  }

  async start(): Promise<void> {
    [this.doc, this.agents, this.kommuner] = await Promise.all([this.client.rota(), this.client.agents(), getJson<KommuneSummary[]>('/api/kommuner')]);
    this.heading.textContent = `${t('heading')}: ${this.doc.rota.name}`;
    const calendarHost = h('div');
    const members = this.kommuner.filter((k) => this.doc.rota.members.includes(k.kommunekode));
    replace(
      root,
      this.heading,
      h(
        'div',
        { class: 'editor' },
        h(
          'section',
          { class: 'card editor__calendar', 'aria-labelledby': 'calendar-heading' },
          h('h2', { id: 'calendar-heading', class: 'visually-hidden' }, t('calendar')),
          h('p', { class: 'muted', id: 'calendar-hint' }, t('calendarHint')),
          legend(members),
          h('div', { class: 'calendar', 'aria-describedby': 'calendar-hint' }, calendarHost),
          h('h2', { class: 'list-heading' }, t('list')),
          this.listBox,
        ),
        h(
          'div',
          { class: 'editor__side' },
          h('section', { class: 'card side-section', 'aria-labelledby': 'changes-heading' }, h('h2', { id: 'changes-heading' }, t('changes')), this.staleBox, this.changesBox, h('div', { class: 'actions' }, this.publishButton), this.status),
          h('section', { class: 'card side-section', 'aria-labelledby': 'conflicts-heading' }, h('h2', { id: 'conflicts-heading' }, t('conflicts')), this.conflictsBox),
          h('section', { class: 'card side-section', 'aria-labelledby': 'exceptions-heading' }, h('h2', { id: 'exceptions-heading' }, t('exceptions')), this.exceptionsBox, new ExceptionForm(this.client, () => this.doc.rota, this.agents, () => void this.afterDirectEdit()).element),
          h(
            'section',
            { class: 'card side-section', 'aria-labelledby': 'history-heading' },
            h('h2', { id: 'history-heading' }, historyText('history')),
            h('p', { class: 'muted' }, historyText('historyHint')),
            this.historyBox,
            h('p', null, h('a', { href: this.client.csvUrl(), download: '' }, historyText('csv'))),
          ),
        ),
      ),
    );
    this.calendar = new RotaCalendar(calendarHost, {
      range: (from, to) => void this.load(from, to),
      open: (key) => this.open(key),
      moved: (key, times) => this.change(key, (e) => ({ ...e, times })),
    });
  }

  private colour = (kode: number) => this.kommuner.find((k) => k.kommunekode === kode)?.colour;

  private async load(from: string, to: string): Promise<void> {
    this.range = { from, to };
    [this.slots, this.conflicts, this.closedDays] = await Promise.all([this.client.slots(from, to), this.client.conflicts(from, to), this.client.closedDays(from, to)]);
    this.render();
    void this.client.audit(8).then((entries) => replace(this.historyBox, historyList(entries))).catch(() => {});
  }

  /** An exception added from the form is published at once: read the rota and the week again. */
  private async afterDirectEdit(): Promise<void> {
    this.doc = await this.client.rota();
    await this.load(this.range.from, this.range.to);
  }

  private render(): void {
    const shown = preview(this.slots, this.edits.filter((e) => e.state !== 'refused'));
    const cancelled = this.doc.rota.exceptions
      .filter((x) => x.kind === 'Cancelled' && x.date >= this.range.from && x.date <= this.range.to)
      .flatMap((x) => this.doc.rota.patterns.filter((p) => !x.patternId || p.id === x.patternId).map((p) => ({ start: `${x.date}T${p.start.slice(0, 8)}+00:00`, end: `${p.end <= p.start ? addDays(x.date, 1) : x.date}T${p.end.slice(0, 8)}+00:00` })));
    this.calendar.show(shown, this.colour, this.closedDays, cancelled);
    replace(this.listBox, slotList(shown, (key) => this.open(key), this.colour));
    replace(this.changesBox, changesList(this.edits, (key) => this.discard(key)), pendingConflictsBox(shown));
    replace(this.conflictsBox, conflictsList(this.conflicts));
    replace(this.exceptionsBox, exceptionsList(this.doc.rota, this.closedDays, this.range.from, this.range.to, this.agents, (kode) => this.kommuner.find((k) => k.kommunekode === kode)?.name ?? String(kode)));
    this.publishButton.textContent = t('publish', { n: this.edits.length });
    this.publishButton.disabled = this.edits.length === 0;
    localStorage.setItem(this.storageKey, JSON.stringify(this.edits));
  }

  private restore(): SlotEdit[] {
    try {
      return JSON.parse(localStorage.getItem(this.storageKey) ?? '[]') as SlotEdit[];
    } catch {
      return [];
    }
  }

  private open(key: string): void {
    const shown = preview(this.slots, this.edits).find((s) => s.key === key);
    const slot = this.slots.find((s) => keyOf(s) === key);
    if (!shown || !slot) {
      return;
    }

    const existing = this.edits.find((e) => e.key === key);
    const pattern = this.doc.rota.patterns.find((p) => p.id === slot.patternId);
    editSlot(shown, existing?.scope ?? 'day', this.agents, pattern, (result: DialogResult) => this.change(key, (e) => ({ ...e, ...result })));
  }

  /** Records an edit of the slot (merged with an earlier one); an edit back to the original is dropped. */
  private change(key: string, update: (edit: SlotEdit) => SlotEdit): void {
    const slot = this.slots.find((s) => keyOf(s) === key);
    if (!slot) {
      return;
    }

    const base: SlotEdit = this.edits.find((e) => e.key === key) ?? {
      key,
      patternId: slot.patternId,
      extraSlotId: slot.extraSlotId,
      originalDate: slot.date,
      original: timesOf(slot),
      originalAgents: slot.agents,
      responsible: slot.responsible,
      times: timesOf(slot),
      agents: slot.agents,
      scope: 'day',
      state: 'pending',
    };
    const edit = { ...update(base), state: 'pending' as const, reason: undefined };
    this.edits = this.edits.filter((e) => e.key !== key);
    if (timesChanged(edit) || staffChanged(edit)) {
      this.edits.push(edit);
      announce(describe(edit));
    } else {
      announce(t('noEdit'));
    }

    this.status.textContent = '';
    this.render();
  }

  private discard(key: string): void {
    this.edits = this.edits.filter((e) => e.key !== key);
    this.render();
    this.publishButton.focus();
  }

  /** Publishes the edits one by one against the version last read; a stale version stops and keeps them. */
  private async publishAll(): Promise<void> {
    this.publishButton.disabled = true;
    this.publishButton.textContent = t('publishing');
    this.staleBox.hidden = true;
    for (const edit of [...this.edits]) {
      const outcome = await publish(edit, this.client, this.doc.rota);
      if (outcome.ok) {
        this.edits = this.edits.filter((e) => e !== edit);
        this.doc = await this.client.rota();
        continue;
      }

      if (outcome.stale) {
        edit.state = 'stale';
        // Who published what since this page read the rota, so the coordinator knows what to look at.
        const since = await this.client.audit(20).then((entries) => entries.filter((e) => e.version > this.doc.version)).catch(() => []);
        replace(
          this.staleBox,
          h('p', null, t('staleAlert', { version: outcome.currentVersion ?? '?' })),
          since.length ? h('p', null, historyText('stalePublished')) : null,
          since.length ? h('ul', { class: 'stale__who' }, ...since.reverse().map((e) => h('li', null, auditLine(e)))) : null,
          h('button', { type: 'button', class: 'btn', onclick: () => void this.reloadLatest() }, t('reload')),
        );
        this.staleBox.hidden = false;
        this.render();
        return;
      }

      edit.state = 'refused';
      edit.reason = refusalText(outcome.refusal, whenText(edit.original));
      edit.detail = outcome.refusal.detail;
    }

    await this.load(this.range.from, this.range.to);
    if (this.edits.length === 0) {
      this.status.textContent = t('published');
    }
  }

  private async reloadLatest(): Promise<void> {
    this.doc = await this.client.rota();
    this.edits = this.edits.map((e) => ({ ...e, state: 'pending' as const }));
    this.staleBox.hidden = true;
    await this.load(this.range.from, this.range.to);
    this.status.textContent = t('reloaded');
    this.publishButton.focus();
  }
}

async function signOut(): Promise<void> {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
  window.location.assign(withLang('/login'));
}

async function boot(): Promise<void> {
  const me = await getJson<StaffMe>('/api/auth/me');
  document.getElementById('header-tools')?.append(h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => void signOut() }, t('signOut')));
  showStaffNav(me, 'coordinator');
  const partnership = me.coordinatorOf[0];
  if (!partnership) {
    replace(root, h('h1', null, t('heading')), h('p', { class: 'notice' }, t('noPartnership')));
    return;
  }

  await new Editor(new RotaClient(partnership)).start();
}

void boot().catch(() => replace(root, h('h1', null, t('heading')), h('p', { class: 'notice notice--error', role: 'alert' }, t('loadFailed'))));
