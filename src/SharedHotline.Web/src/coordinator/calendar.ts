import { Calendar, type EventContentArg, type EventInput } from '@fullcalendar/core';
import daLocale from '@fullcalendar/core/locales/da';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import timeGridPlugin from '@fullcalendar/timegrid';
import { contrastText, h } from '../shared/dom';
import { lang } from '../shared/i18n';
import { localDate, serverNow } from '../shared/time';
import type { ShownSlot, SlotTimes } from './changes';
import type { ClosedDayView } from './rota-types';
import { t } from './texts';
import { addDays, fromCalendar, toCalendar, wallClock } from './wall-clock';

export interface CalendarHandlers {
  range: (from: string, to: string) => void;
  open: (key: string) => void;
  moved: (key: string, times: SlotTimes) => void;
}

/** A cancelled pattern slot, shown as a shaded "Aflyst" band where it would have been. */
export interface CancelledBand {
  start: string;
  end: string;
}

/**
 * The week calendar (FullCalendar's MIT timegrid, daygrid and interaction plugins): slots coloured by the
 * responsible kommune, holidays in the all-day row and the day headers, cancelled slots shaded; dragging
 * or resizing a slot reports its new local times.
 */
export class RotaCalendar {
  private readonly calendar: Calendar;
  private holidays = new Map<string, string>();

  constructor(element: HTMLElement, handlers: CalendarHandlers) {
    this.calendar = new Calendar(element, {
      plugins: [timeGridPlugin, dayGridPlugin, interactionPlugin],
      initialView: 'timeGridWeek',
      headerToolbar: { left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth' },
      // Words, not icon glyphs: the buttons' names are read out and shown alike.
      buttonIcons: false,
      locale: lang === 'en' ? enGbLocale : daLocale,
      timeZone: 'UTC',
      firstDay: 1,
      initialDate: localDate(serverNow()),
      now: () => wallClock(serverNow()),
      nowIndicator: true,
      height: 'auto',
      slotMinTime: '07:00:00',
      slotMaxTime: '24:00:00',
      slotDuration: '00:30:00',
      snapDuration: '00:15:00',
      // The all-day row holds only holidays and closed days, which the day headers name too.
      allDayText: '',
      editable: true,
      eventAllow: (drop) => !drop.allDay,
      eventInteractive: true,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      datesSet: (info) => handlers.range(info.startStr.slice(0, 10), addDays(info.endStr.slice(0, 10), -1)),
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        if (info.event.display !== 'background') {
          handlers.open(info.event.id);
        }
      },
      eventDrop: (info) => this.report(handlers, info.event.id, info.event.start, info.event.end),
      eventResize: (info) => this.report(handlers, info.event.id, info.event.start, info.event.end),
      eventContent: (arg) => this.content(arg),
      // A month cell's name was only its day number while it also shows the slots; let it be read by content.
      dayCellDidMount: (arg) => arg.el.removeAttribute('aria-labelledby'),
      dayHeaderContent: (arg) => {
        const holiday = this.holidays.get(arg.date.toISOString().slice(0, 10));
        return holiday ? { domNodes: [h('span', null, arg.text), h('span', { class: 'day-holiday' }, holiday)] } : arg.text;
      },
    });
    this.calendar.render();
  }

  show(slots: ShownSlot[], colours: (kode: number) => string | undefined, closedDays: ClosedDayView[], cancelled: CancelledBand[]): void {
    this.holidays = new Map(closedDays.map((d) => [d.date, d.name]));
    const events: EventInput[] = slots.map((s) => {
      const colour = colours(s.responsible.kode) ?? '#1f5f8b';
      return {
        id: s.key,
        start: toCalendar(s.start),
        end: toCalendar(s.end),
        title: s.responsible.name,
        backgroundColor: colour,
        borderColor: s.pending ? '#111111' : colour,
        textColor: contrastText(colour),
        classNames: s.pending ? ['slot', 'slot--pending'] : s.staffing?.level === 'under' ? ['slot', 'slot--under'] : ['slot'],
        extendedProps: { slot: s },
      };
    });
    for (const d of closedDays) {
      events.push({ id: `holiday:${d.date}`, start: d.date, allDay: true, display: 'background', title: d.name, classNames: ['holiday-band'] });
    }

    for (const c of cancelled) {
      events.push({ id: `cancelled:${c.start}`, start: toCalendar(c.start), end: toCalendar(c.end), display: 'background', title: t('cancelledEvent'), classNames: ['cancelled-band'] });
    }

    this.calendar.batchRendering(() => {
      this.calendar.removeAllEvents();
      events.forEach((e) => this.calendar.addEvent(e));
    });
  }

  private report(handlers: CalendarHandlers, key: string, start: Date | null, end: Date | null): void {
    if (!start || !end) {
      return;
    }

    const from = fromCalendar(start);
    handlers.moved(key, { date: from.date, start: from.time, end: fromCalendar(end).time });
  }

  private content(arg: EventContentArg) {
    if (arg.event.display === 'background') {
      return { domNodes: [h('span', { class: 'band-title' }, arg.event.title)] };
    }

    const slot = arg.event.extendedProps.slot as ShownSlot;
    const names = slot.agents.length ? slot.agents.map((a) => a.name).join(', ') : t('staffNone');
    return {
      domNodes: [
        h(
          'div',
          { class: 'slot-body' },
          h('span', { class: 'slot-time' }, arg.timeText),
          h('strong', { class: 'slot-kommune' }, slot.responsible.name),
          h('span', { class: 'slot-agents' }, names),
          slot.pending ? h('em', { class: 'slot-mark' }, t('pendingMark')) : null,
          !slot.pending && slot.staffing
            ? h('span', { class: `slot-staffing slot-staffing--${slot.staffing.level}` }, t(slot.staffing.level === 'under' ? 'staffingUnder' : slot.staffing.level === 'over' ? 'staffingOver' : 'staffingWell', { needed: slot.staffing.needed }))
            : null,
          ...slot.notes.map((n) => h('span', { class: 'slot-note' }, n)),
        ),
      ],
    };
  }
}
