import type { RotaAgent, ShiftView } from '../shared/contracts';
import { h, replace } from '../shared/dom';
import { api, getJson } from '../shared/http';
import { day, serverNow, span } from '../shared/time';
import type { Lookups } from './lookups';
import { t } from './texts';

/** Which slot the agent is on now, with whom, which kommuner they answer, and their next shifts. */
export class ShiftPanel {
  readonly element: HTMLElement;
  private readonly now = h('div', { class: 'shift-now' }, h('p', { class: 'muted' }, t('loading')));
  private readonly serving = h('p', { class: 'serving' });
  private readonly next = h('ul', { class: 'shift-list' });
  private readonly feed = h('div', { class: 'shift-feed' });
  private current: ShiftView | null = null;

  constructor(
    private readonly me: string,
    private readonly lookups: Lookups,
  ) {
    this.element = h(
      'section',
      { class: 'card side-section', 'aria-labelledby': 'shift-heading' },
      h('h2', { id: 'shift-heading' }, t('shift')),
      this.now,
      this.serving,
      h('h3', null, t('nextShifts')),
      this.next,
      h(
        'details',
        { class: 'shift-feed-box' },
        h('summary', null, t('feed')),
        h('p', { class: 'muted' }, t('feedHelp')),
        this.feed,
        h(
          'p',
          null,
          h('button', { type: 'button', class: 'link-button', onclick: () => void this.showFeed('GET') }, t('feedShow')),
          ' · ',
          h('button', { type: 'button', class: 'link-button', onclick: () => void this.showFeed('POST') }, t('feedRenew')),
          ' · ',
          h('button', { type: 'button', class: 'link-button', onclick: () => void this.revokeFeed() }, t('feedRevoke')),
        ),
      ),
    );
  }

  /** Shows the personal calendar address; POST makes a new one, and the earlier ones stop working. */
  private async showFeed(method: 'GET' | 'POST'): Promise<void> {
    try {
      const { body } = await api<{ url: string }>('/api/staff/me/shifts.ics-link', { method });
      const field = h('input', { type: 'text', readonly: 'readonly', class: 'shift-feed__url', 'aria-label': t('feed'), value: body.url });
      replace(this.feed, field, ...(method === 'POST' ? [h('p', { class: 'notice', role: 'status' }, t('feedRenewed'))] : []));
      field.select();
    } catch {
      replace(this.feed, h('p', { class: 'notice notice--error', role: 'alert' }, t('feedFailed')));
    }
  }

  private async revokeFeed(): Promise<void> {
    try {
      await api<null>('/api/staff/me/shifts.ics-link', { method: 'DELETE' });
      replace(this.feed, h('p', { class: 'notice', role: 'status' }, t('feedRevoked')));
    } catch {
      replace(this.feed, h('p', { class: 'notice notice--error', role: 'alert' }, t('feedFailed')));
    }
  }

  /** Colleagues on my current slot, to transfer chats to. */
  colleagues(): RotaAgent[] {
    return this.current?.agents.filter((a) => a.id !== this.me) ?? [];
  }

  showServing(kommuner: string[]): void {
    const names = kommuner.map((k) => this.lookups.kommuneName(k));
    this.serving.textContent = names.length ? t('serving', { kommuner: names.join(', ') }) : t('servingNone');
  }

  async refresh(): Promise<void> {
    let shifts: ShiftView[];
    try {
      shifts = await getJson<ShiftView[]>('/api/staff/me/shifts');
    } catch {
      replace(this.now, h('p', { class: 'notice notice--error' }, t('shiftsFailed')));
      return;
    }

    const now = serverNow().getTime();
    this.current = shifts.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end)) ?? null;
    const c = this.current;
    replace(
      this.now,
      c
        ? h(
            'div',
            null,
            h('p', { class: 'shift-now__when' }, t('shiftNow', { day: day(c.start), span: span(c.start, c.end) })),
            h('p', null, t('shiftResponsible', { kommune: c.responsible.name })),
            h('p', null, this.colleagues().length ? t('shiftWith', { names: this.colleagues().map((a) => a.name).join(', ') }) : t('shiftAlone')),
          )
        : h('p', null, t('noShiftNow')),
    );
    const upcoming = shifts.filter((s) => Date.parse(s.start) > now).slice(0, 5);
    replace(
      this.next,
      ...(upcoming.length
        ? upcoming.map((s) => h('li', { 'data-date': s.date }, h('span', { class: 'shift-list__when' }, `${day(s.start)} ${span(s.start, s.end)}`), ' · ', s.responsible.name, ...s.notes.map((n) => h('span', { class: 'shift-list__note' }, ` (${n})`))))
        : [h('li', { class: 'muted' }, t('noNextShifts'))]),
    );
  }
}
