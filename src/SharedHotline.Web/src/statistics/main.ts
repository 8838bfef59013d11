import '../shared/base.css';
import './statistics.css';
import type { StaffMe } from '../shared/contracts';
import { appRoot, h, replace } from '../shared/dom';
import { ApiError, api, getJson } from '../shared/http';
import { lang, withLang } from '../shared/i18n';
import { showStaffNav } from '../shared/staff-nav';
import { day, localDate, serverNow, span } from '../shared/time';
import { Charts, colours } from './charts';
import * as f from './format';
import { t } from './texts';
import type {
  Figures,
  InvitationFigures,
  KommuneStatistics,
  PartnershipStatistics,
  ScopeKommune,
  ScopePartnership,
  SettlementView,
  StaffingView,
  StatisticsReport,
  StatisticsScope,
  WaitBin,
} from './types';

const root = appRoot();

/** What the page shows: a partnership's members (all or one of them), or a kommune the user is admin of. */
type Choice = { kind: 'partnership'; partnership: ScopePartnership; member: ScopeKommune | null } | { kind: 'kommune'; kommune: ScopeKommune };

interface Option {
  value: string;
  label: string;
  group: string | null;
  choice: Choice;
}

/** The figures of one choice and period, as fetched. */
interface Shown {
  choice: Choice;
  what: string;
  from: string;
  to: string;
  threshold: number;
  kommuner: KommuneStatistics[];
  settlement: SettlementView | null;
  staffing: StaffingView | null;
}

/** The choices the scope offers: per partnership all its members and each of them, then any other kommune the user is admin of. */
function optionsOf(scope: StatisticsScope): Option[] {
  const options: Option[] = scope.partnerships.flatMap((p) => [
    { value: `p:${p.id}`, label: t('allMembers', { name: p.name }), group: p.name, choice: { kind: 'partnership' as const, partnership: p, member: null } },
    ...p.members.map((m) => ({ value: `p:${p.id}:${m.slug}`, label: m.name, group: p.name, choice: { kind: 'partnership' as const, partnership: p, member: m } })),
  ]);
  const covered = new Set(scope.partnerships.flatMap((p) => p.members.map((m) => m.slug)));
  for (const k of scope.kommuner.filter((k) => !covered.has(k.slug))) {
    options.push({ value: `k:${k.slug}`, label: t('ownKommune', { name: k.name }), group: null, choice: { kind: 'kommune', kommune: k } });
  }

  return options;
}

const query = (from: string, to: string) => `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

const reasonOf = (error: unknown): string =>
  error instanceof ApiError ? Object.values(error.problem.errors ?? {}).flat().join(' ') || (error.problem.detail ?? error.message) : '';

/** The statistics page: the period and kommune form, then the figures, charts and tables of what was chosen. */
class StatisticsPage {
  private readonly charts = new Charts();
  private readonly staffing = new Map<string, Promise<StaffingView>>();
  private readonly today = localDate(serverNow());
  private readonly heading = h('h1', null, t('heading'));
  private readonly fromInput = h('input', { type: 'date', id: 'period-from', name: 'from', required: true });
  private readonly toInput = h('input', { type: 'date', id: 'period-to', name: 'to', required: true });
  private readonly select = h('select', { id: 'period-kommune', name: 'vis' });
  private readonly error = h('p', { class: 'field__error', id: 'period-error', role: 'alert', hidden: true });
  private readonly status = h('p', { class: 'results-status', role: 'status' });
  private readonly results = h('div', { class: 'results' });
  private sequence = 0;

  constructor(private readonly options: Option[]) {}

  start(): void {
    const params = new URLSearchParams(window.location.search);
    const from = params.get('from');
    const to = params.get('to');
    const [defaultFrom, defaultTo] = this.preset('last28');
    this.fromInput.value = from && f.isIsoDate(from) ? from : defaultFrom;
    this.toInput.value = to && f.isIsoDate(to) ? to : defaultTo;
    this.fromInput.max = this.today;
    this.toInput.max = this.today;
    this.fillSelect(params.get('vis'));
    replace(root, this.heading, this.form(), this.status, this.results);
    void this.show();
  }

  private fillSelect(wanted: string | null): void {
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const option of this.options) {
      const element = h('option', { value: option.value }, option.label);
      if (!option.group) {
        this.select.append(element);
        continue;
      }

      let group = groups.get(option.group);
      if (!group) {
        group = h('optgroup', { label: option.group });
        groups.set(option.group, group);
        this.select.append(group);
      }

      group.append(element);
    }

    this.select.value = this.options.some((o) => o.value === wanted) ? wanted! : this.options[0].value;
  }

  private form(): HTMLElement {
    const presets: ['last7' | 'last28' | 'thisMonth', string][] = [
      ['last7', t('last7')],
      ['last28', t('last28')],
      ['thisMonth', t('thisMonth')],
    ];
    const form = h(
      'form',
      { class: 'card period', 'aria-labelledby': 'period-heading', novalidate: true },
      h('h2', { id: 'period-heading' }, t('choose')),
      h(
        'div',
        { class: 'period__fields' },
        h('div', { class: 'field' }, h('label', { for: this.fromInput.id }, t('from')), this.fromInput),
        h('div', { class: 'field' }, h('label', { for: this.toInput.id }, t('to')), this.toInput),
        this.options.length > 1 ? h('div', { class: 'field period__kommune' }, h('label', { for: this.select.id }, t('kommune')), this.select) : null,
        h('div', { class: 'field period__submit' }, h('button', { type: 'submit', class: 'btn' }, t('show'))),
      ),
      h(
        'div',
        { class: 'period__presets', role: 'group', 'aria-label': t('presets') },
        ...presets.map(([name, label]) =>
          h('button', {
            type: 'button',
            class: 'btn btn--secondary btn--small',
            onclick: () => {
              [this.fromInput.value, this.toInput.value] = this.preset(name);
              void this.show();
            },
          }, label),
        ),
      ),
      this.error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.show();
    });
    return form;
  }

  private preset(name: 'last7' | 'last28' | 'thisMonth'): [string, string] {
    switch (name) {
      case 'last7':
        return [f.addDays(this.today, -6), this.today];
      case 'last28':
        return [f.addDays(this.today, -27), this.today];
      case 'thisMonth':
        return [`${this.today.slice(0, 8)}01`, this.today];
    }
  }

  private get choice(): Option {
    return this.options.find((o) => o.value === this.select.value) ?? this.options[0];
  }

  private async show(): Promise<void> {
    const from = this.fromInput.value;
    const to = this.toInput.value;
    const valid = f.isIsoDate(from) && f.isIsoDate(to) && from <= to;
    this.error.textContent = valid ? '' : t('badPeriod');
    this.error.hidden = valid;
    for (const input of [this.fromInput, this.toInput]) {
      if (valid) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      } else {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', this.error.id);
      }
    }

    if (!valid) {
      return;
    }

    const option = this.choice;
    const sequence = ++this.sequence;
    this.heading.textContent = t('headingOf', { name: option.choice.kind === 'partnership' ? option.choice.partnership.name : option.choice.kommune.name });
    this.status.textContent = t('loading');
    this.results.setAttribute('aria-busy', 'true');
    window.history.replaceState(null, '', withLang(`/statistik${query(from, to)}&vis=${encodeURIComponent(option.value)}`));
    keepLanguageLink();
    try {
      const shown = await this.fetch(option, from, to);
      if (sequence !== this.sequence) {
        return;
      }

      this.charts.clear();
      replace(this.results, ...this.sections(shown));
      this.charts.draw();
      this.status.textContent = t('showing', { what: shown.what, from: f.date(from), to: f.date(to) });
    } catch (error) {
      if (sequence !== this.sequence) {
        return;
      }

      this.charts.clear();
      const message = error instanceof ApiError && error.status === 400 ? t('periodRefused', { reason: reasonOf(error) }) : t('loadFailed');
      replace(this.results, h('p', { class: 'notice notice--error' }, message));
      this.status.textContent = message;
    } finally {
      if (sequence === this.sequence) {
        this.results.removeAttribute('aria-busy');
      }
    }
  }

  private async fetch(option: Option, from: string, to: string): Promise<Shown> {
    const choice = option.choice;
    if (choice.kind === 'kommune') {
      const report = await getJson<StatisticsReport>(`/api/statistics/kommuner/${encodeURIComponent(choice.kommune.slug)}${query(from, to)}`);
      return { choice, what: choice.kommune.name, from, to, threshold: report.thresholdSeconds, kommuner: report.kommuner, settlement: null, staffing: null };
    }

    const id = encodeURIComponent(choice.partnership.id);
    const [statistics, staffing] = await Promise.all([getJson<PartnershipStatistics>(`/api/statistics/partnerships/${id}${query(from, to)}`), this.staffingOf(choice.partnership)]);
    const member = choice.member;
    return {
      choice,
      what: member ? member.name : option.label,
      from,
      to,
      threshold: statistics.report.thresholdSeconds,
      kommuner: member ? statistics.report.kommuner.filter((k) => k.kommune.slug === member.slug) : statistics.report.kommuner,
      settlement: statistics.settlement,
      staffing,
    };
  }

  /** The coming week's staffing check: the same whatever period is chosen, so fetched once per partnership. */
  private staffingOf(partnership: ScopePartnership): Promise<StaffingView> {
    let staffing = this.staffing.get(partnership.id);
    if (!staffing) {
      staffing = getJson<StaffingView>(`/api/statistics/partnerships/${encodeURIComponent(partnership.id)}/staffing`);
      staffing.catch(() => this.staffing.delete(partnership.id));
      this.staffing.set(partnership.id, staffing);
    }

    return staffing;
  }

  private sections(shown: Shown): HTMLElement[] {
    const partnership = shown.choice.kind === 'partnership' ? shown.choice.partnership : null;
    return [
      figuresSection(shown),
      hoursSection(shown, this.charts),
      waitsSection(shown, this.charts),
      shown.settlement && partnership ? settlementSection(shown.settlement, partnership) : null,
      shown.staffing && partnership ? staffingSection(shown.staffing, partnership, this.charts) : null,
      topicsSection(shown),
    ].filter((s): s is HTMLElement => s !== null);
  }
}

/** The header's language link switches language on the period and kommune now shown, not on those the page was opened with. */
function keepLanguageLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('.language-nav a');
  if (!link) {
    return;
  }

  const url = new URL(window.location.href);
  if (lang === 'en') {
    url.searchParams.delete('lang');
  } else {
    url.searchParams.set('lang', 'en');
  }

  link.href = url.pathname + url.search;
}

function section(id: string, title: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'card stats-section', id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...children);
}

/** A table that may be wider than the page: a focusable, named region so keyboard users can scroll it. */
function scrollable(table: HTMLTableElement, name: string): HTMLElement {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': name, tabindex: '0' }, table);
}

function table(caption: string, head: (string | Node)[], rows: HTMLTableRowElement[], foot?: HTMLTableRowElement, className = ''): HTMLTableElement {
  return h(
    'table',
    { class: `stats-table ${className}`.trim() },
    h('caption', null, caption),
    h('thead', null, h('tr', null, ...head.map((cell) => h('th', { scope: 'col' }, cell)))),
    h('tbody', null, ...rows),
    foot ? h('tfoot', null, foot) : null,
  );
}

function row(header: string, cells: (string | Node)[], cellClass = 'num'): HTMLTableRowElement {
  return h('tr', null, h('th', { scope: 'row' }, header), ...cells.map((c) => h('td', { class: cellClass }, c)));
}

/** The figure rows of the key figures table: label and how a kommune's figures read. */
function figureRows(threshold: number): [string, (x: Figures) => string][] {
  return [
    [t('offered'), (x) => f.count(x.offered)],
    [t('answered'), (x) => f.count(x.answered)],
    [t('abandoned'), (x) => (x.abandonRate === null ? f.count(x.abandoned) : `${f.count(x.abandoned)} (${f.share(x.abandonRate)})`)],
    [t('abandonedAfter'), (x) => f.duration(x.abandonedAfterP50Seconds)],
    [t('serviceLevel', { s: threshold }), (x) => f.share(x.serviceLevel)],
    [t('waitP50'), (x) => f.duration(x.waitP50Seconds)],
    [t('waitP90'), (x) => f.duration(x.waitP90Seconds)],
    [t('handleP50'), (x) => f.duration(x.handleP50Seconds)],
    [t('handleP90'), (x) => f.duration(x.handleP90Seconds)],
    [t('shareOwn'), (x) => f.share(x.shareOwn)],
    [t('shareShared'), (x) => f.share(x.shareShared)],
    [t('shareOverflow'), (x) => f.share(x.shareOverflow)],
    [t('meetingsBooked'), (x) => f.count(x.meetingsBooked)],
    [t('meetingsHeld'), (x) => f.count(x.meetingsHeld)],
    [t('messagesLeft'), (x) => f.count(x.messagesLeft)],
  ];
}

/** The invitations to chat on the kommune's website, as rows of the key figures table. */
function invitationRows(): [string, (x: InvitationFigures) => string][] {
  return [
    [t('invitationsShown'), (x) => f.count(x.shown)],
    [t('invitationsAccepted'), (x) => (x.acceptRate === null ? f.count(x.accepted) : `${f.count(x.accepted)} (${f.share(x.acceptRate)})`)],
    [t('invitationsDeclined'), (x) => f.count(x.declined)],
    [t('invitationsExpired'), (x) => f.count(x.expired)],
  ];
}

function figuresSection(shown: Shown): HTMLElement {
  const caption = t('figuresCaption', { from: f.date(shown.from), to: f.date(shown.to) });
  const figures = table(
    caption,
    [t('figure'), ...shown.kommuner.map((k) => k.kommune.name)],
    [
      ...figureRows(shown.threshold).map(([label, read]) => row(label, shown.kommuner.map((k) => read(k.total)))),
      ...invitationRows().map(([label, read]) => row(label, shown.kommuner.map((k) => read(k.invitations)))),
    ],
    undefined,
    'figures-table',
  );
  const links = shown.kommuner.map((k) =>
    h('li', null, h('a', { href: `/api/statistics/kommuner/${encodeURIComponent(k.kommune.slug)}/days.csv${query(shown.from, shown.to)}`, download: true }, t('daysCsv', { name: k.kommune.name }))),
  );
  return section(
    'figures',
    t('figures'),
    scrollable(figures, caption),
    h('p', { class: 'muted' }, t('figuresNote')),
    h('h3', null, t('downloads')),
    h('ul', { class: 'downloads' }, ...links),
  );
}

const hourKey = (dayOfWeek: number, hour: number) => (dayOfWeek - 1) * 24 + hour;
const two = (n: number) => String(n).padStart(2, '0');

function hoursSection(shown: Shown, charts: Charts): HTMLElement {
  const used = [...new Set(shown.kommuner.flatMap((k) => k.hoursOfWeek.filter((x) => x.figures.offered > 0).map((x) => hourKey(x.day, x.hour))))].sort((a, b) => a - b);
  if (used.length === 0) {
    return section('hours', t('hours'), h('p', null, t('noChats')));
  }

  const labels = used.map((key) => `${f.dayShort(Math.floor(key / 24) + 1)} ${two(key % 24)}`);
  const days = [...new Set(used.map((key) => Math.floor(key / 24) + 1))];
  const hours = [...new Set(used.map((key) => key % 24))].sort((a, b) => a - b);
  const figures = shown.kommuner.map((k) => {
    const byKey = new Map(k.hoursOfWeek.map((x) => [hourKey(x.day, x.hour), x.figures]));
    const offered = used.map((key) => byKey.get(key)?.offered ?? 0);
    const answered = used.map((key) => byKey.get(key)?.answered ?? 0);
    const busiest = offered.indexOf(Math.max(...offered));
    const when = t('when', { day: f.dayLong(Math.floor(used[busiest] / 24) + 1), hour: two(used[busiest] % 24) });
    const cell = (d: number, hour: number) => {
      const x = byKey.get(hourKey(d, hour));
      return x && x.offered > 0 ? `${f.count(x.offered)} / ${f.count(x.answered)}` : t('none');
    };
    const caption = t('hoursCaption', { name: k.kommune.name });
    return h(
      'figure',
      { class: 'stats-figure' },
      h('figcaption', null, h('h3', null, k.kommune.name)),
      charts.bar(
        labels,
        [
          { label: t('answered'), data: answered, colour: colours.dark },
          { label: t('notAnswered'), data: offered.map((o, i) => o - answered[i]), colour: colours.light },
        ],
        { description: t('hoursChart', { name: k.kommune.name, offered: f.count(k.total.offered), when, max: f.count(offered[busiest]) }), stacked: true, height: shown.kommuner.length > 1 ? 'small' : 'normal' },
      ),
      h(
        'details',
        null,
        h('summary', null, t('hoursTable', { name: k.kommune.name })),
        scrollable(table(caption, [t('dayHeader'), ...hours.map(two)], days.map((d) => row(f.dayLong(d), hours.map((hour) => cell(d, hour))))), caption),
      ),
    );
  });
  return section('hours', t('hours'), h('p', { class: 'muted' }, t('hoursIntro')), ...figures);
}

function waitsSection(shown: Shown, charts: Charts): HTMLElement {
  const bins: WaitBin[] = [];
  for (const k of shown.kommuner) {
    k.waits.forEach((bin, i) => {
      bins[i] = bins[i] ? { ...bins[i], answered: bins[i].answered + bin.answered, abandoned: bins[i].abandoned + bin.abandoned } : { ...bin };
    });
  }

  let last = bins.length - 1;
  while (last > 6 && bins[last].answered + bins[last].abandoned === 0) {
    last -= 1;
  }

  const kept = bins.slice(0, last + 1);
  const answered = kept.reduce((sum, b) => sum + b.answered, 0);
  const abandoned = kept.reduce((sum, b) => sum + b.abandoned, 0);
  if (answered + abandoned === 0) {
    return section('waits', t('waits'), h('p', null, t('noChats')));
  }

  const labels = kept.map((b, i) => f.binRange(i === 0 ? 0 : (kept[i - 1].upToSeconds ?? 0), b.upToSeconds));
  const caption = t('waitsCaption', { what: shown.what, from: f.date(shown.from), to: f.date(shown.to) });
  return section(
    'waits',
    t('waits'),
    h('p', { class: 'muted' }, t('waitsIntro')),
    charts.bar(
      labels,
      [
        { label: t('answeredWaits'), data: kept.map((b) => b.answered), colour: colours.dark },
        { label: t('abandonedWaits'), data: kept.map((b) => b.abandoned), colour: colours.pale },
      ],
      { description: t('waitsChart', { what: shown.what, answered: f.count(answered), abandoned: f.count(abandoned) }), stacked: true },
    ),
    h(
      'details',
      null,
      h('summary', null, t('waitsTable')),
      scrollable(table(caption, [t('waitHeader'), t('answeredWaits'), t('abandonedWaits')], kept.map((b, i) => row(labels[i], [f.count(b.answered), f.count(b.abandoned)]))), caption),
    ),
  );
}

/** The settlement as a heat map: a table whose cells are shaded by their chats (five steps), the numbers always written. */
function settlementSection(settlement: SettlementView, partnership: ScopePartnership): HTMLElement {
  const max = Math.max(0, ...settlement.rows.flatMap((r) => r.cells.map((c) => c.chats)));
  const level = (chats: number) => (chats === 0 || max === 0 ? 0 : Math.min(4, Math.ceil((chats / max) * 4)));
  const amount = (chats: number, minutes: number) => t('chatsMinutes', { chats: f.count(chats), minutes: f.number(minutes) });
  const caption = t('settlementCaption', { from: f.date(settlement.from), to: f.date(settlement.to) });
  const rows = settlement.rows.map((r) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, r.answeredBy.name),
      ...r.cells.map((c) => h('td', { class: `num heat heat--${level(c.chats)}` }, amount(c.chats, c.handledMinutes))),
      h('td', { class: 'num total' }, amount(r.chats, r.handledMinutes)),
    ),
  );
  const totals = h(
    'tr',
    { class: 'total' },
    h('th', { scope: 'row' }, t('total')),
    ...settlement.columnTotals.map((c) => h('td', { class: 'num total' }, amount(c.chats, c.handledMinutes))),
    h('td', { class: 'num total' }, amount(settlement.chats, settlement.handledMinutes)),
  );
  const csv = `/api/statistics/partnerships/${encodeURIComponent(partnership.id)}/settlement.csv${query(settlement.from, settlement.to)}`;
  return section(
    'settlement',
    t('settlement'),
    h('p', { class: 'muted' }, t('settlementIntro')),
    settlement.chats === 0 ? h('p', null, t('noSettlement')) : null,
    scrollable(table(caption, [t('answeredBy'), ...settlement.citizens.map((c) => c.name), t('total')], rows, totals, 'settlement-table'), caption),
    h('ul', { class: 'downloads' }, h('li', null, h('a', { href: csv, download: true }, t('settlementCsv')))),
  );
}

function staffingSection(staffing: StaffingView, partnership: ScopePartnership, charts: Charts): HTMLElement {
  const intro = h('p', { class: 'muted' }, t('staffingIntro', { weeks: staffing.weeks, target: f.share(staffing.target), s: staffing.thresholdSeconds, c: staffing.concurrency }));
  if (staffing.slots.length === 0) {
    return section('staffing', t('staffing'), intro, h('p', null, t('noSlots')));
  }

  const name = (kode: number) => partnership.members.find((m) => m.kode === kode)?.name ?? String(kode);
  const under = staffing.slots.filter((s) => s.level === 'under').length;
  const over = staffing.slots.filter((s) => s.level === 'over').length;
  const period = { from: f.date(staffing.from), to: f.date(staffing.to) };
  const verdict = (rostered: number, needed: number, level: string) => {
    const [icon, text] =
      level === 'under' ? ['▼', t('under', { n: needed - rostered })] : level === 'over' ? ['▲', t('over', { n: rostered - needed })] : ['✓', t('well')];
    return h('span', { class: `level level--${level}` }, h('span', { class: 'level__icon', 'aria-hidden': 'true' }, icon), ' ', text);
  };
  const rows = staffing.slots.map((s) =>
    h(
      'tr',
      { class: `slot slot--${s.level}` },
      h('th', { scope: 'row' }, `${day(s.start)} ${span(s.start, s.end)}`),
      h('td', null, name(s.responsibleKommune)),
      h('td', { class: 'num' }, f.count(s.rostered)),
      h('td', { class: 'num' }, f.count(s.needed)),
      h('td', { class: 'num' }, f.number(s.forecastChatsPerHour)),
      h('td', { class: 'num' }, f.share(s.forecastServiceLevel)),
      h('td', null, verdict(s.rostered, s.needed, s.level)),
    ),
  );
  const caption = t('staffingCaption', period);
  return section(
    'staffing',
    t('staffing'),
    intro,
    h('p', { class: 'staffing-summary' }, t('staffingSummary', { under, over, slots: staffing.slots.length })),
    charts.bar(
      staffing.slots.map((s) => f.slotStart(s.start)),
      [
        { label: t('rostered'), data: staffing.slots.map((s) => s.rostered), colour: colours.dark },
        { label: t('needed'), data: staffing.slots.map((s) => s.needed), colour: colours.warm },
      ],
      { description: t('staffingChart', { ...period, under, slots: staffing.slots.length }) },
    ),
    scrollable(table(caption, [t('slot'), t('responsible'), t('rostered'), t('needed'), t('forecast'), t('forecastServiceLevel'), t('verdict')], rows, undefined, 'staffing-table'), caption),
  );
}

function topicsSection(shown: Shown): HTMLElement {
  const names = new Map<string, string>();
  const totals = new Map<string, number>();
  for (const k of shown.kommuner) {
    for (const topic of k.topics) {
      names.set(topic.topic, topic.name);
      totals.set(topic.topic, (totals.get(topic.topic) ?? 0) + topic.chats);
    }
  }

  if (names.size === 0) {
    return section('topics', t('topics'), h('p', null, t('noTopics')));
  }

  const codes = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || names.get(a)!.localeCompare(names.get(b)!, lang));
  const several = shown.kommuner.length > 1;
  const caption = t('topicsCaption', { from: f.date(shown.from), to: f.date(shown.to) });
  const rows = codes.map((code) =>
    row(names.get(code)!, [
      ...shown.kommuner.map((k) => f.count(k.topics.find((x) => x.topic === code)?.chats ?? 0)),
      ...(several ? [f.count(totals.get(code)!)] : []),
    ]),
  );
  return section('topics', t('topics'), scrollable(table(caption, [t('topic'), ...shown.kommuner.map((k) => k.kommune.name), ...(several ? [t('total')] : [])], rows), caption));
}

async function signOut(): Promise<void> {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
  window.location.assign(withLang('/login'));
}

function noStatistics(): void {
  replace(root, h('h1', null, t('heading')), h('p', { class: 'notice' }, t('noScope')));
}

async function boot(): Promise<void> {
  const me = await getJson<StaffMe>('/api/auth/me');
  document.getElementById('header-tools')?.append(h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => void signOut() }, t('signOut')));
  showStaffNav(me, 'statistics');
  let scope: StatisticsScope;
  try {
    scope = await getJson<StatisticsScope>('/api/statistics/scope');
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      noStatistics();
      return;
    }

    throw error;
  }

  const options = optionsOf(scope);
  if (options.length === 0) {
    noStatistics();
    return;
  }

  new StatisticsPage(options).start();
}

void boot().catch(() => replace(root, h('h1', null, t('heading')), h('p', { class: 'notice notice--error', role: 'alert' }, t('loadFailed'))));
