// Reads a calendar file with ical.js (an independent RFC 5545 parser) and prints what a calendar program would
// take from it: the time zones with their observances and each event's instants in UTC through those zones.
// Usage: node check-ics.mjs <path of ical.js's dist/ical.js> <file.ics>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , icalPath, file] = process.argv;
const ICAL = (await import(pathToFileURL(icalPath).href)).default;
const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
const text = (v) => (v === null || v === undefined ? null : v.toString());

const zones = root.getAllSubcomponents('vtimezone').map((zone) => {
  ICAL.TimezoneService.register(zone);
  return {
    tzid: zone.getFirstPropertyValue('tzid'),
    observances: ['standard', 'daylight'].flatMap((kind) =>
      zone.getAllSubcomponents(kind).map((o) => ({
        kind,
        from: text(o.getFirstPropertyValue('tzoffsetfrom')),
        to: text(o.getFirstPropertyValue('tzoffsetto')),
        start: text(o.getFirstPropertyValue('dtstart')),
        rrule: text(o.getFirstPropertyValue('rrule')),
      })),
    ),
  };
});

const events = root.getAllSubcomponents('vevent').map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    stamp: text(component.getFirstPropertyValue('dtstamp')),
    tzid: component.getFirstProperty('dtstart').getParameter('tzid') ?? null,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  };
});

process.stdout.write(JSON.stringify({ version: root.getFirstPropertyValue('version'), prodid: root.getFirstPropertyValue('prodid'), zones, events }));
