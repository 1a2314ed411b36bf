import { DateTime } from 'luxon';

// One formatter per zone, made once: building a luxon DateTime in a named
// zone asks Intl for the offset afresh each time (about 6 µs), and the
// dashboard and lists ask for "today" in each agency's zone on every call.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      f = null; // not a zone Intl knows: luxon decides, as before
    }
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** YYYY-MM-DD of an instant in a zone. */
export function dateIn(instant: Date, zone: string): string {
  const f = formatterFor(zone);
  if (!f || Number.isNaN(instant.getTime())) return DateTime.fromJSDate(instant, { zone }).toISODate()!;
  let year = '';
  let month = '';
  let day = '';
  for (const part of f.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  // Years before 1000 or after 9999 (no agency's) are left to luxon's ISO form.
  if (year.length !== 4) return DateTime.fromJSDate(instant, { zone }).toISODate()!;
  return `${year}-${month}-${day}`;
}
