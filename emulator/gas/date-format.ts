// Java SimpleDateFormat patterns (what Utilities.formatDate takes), rendered in an IANA time zone.
import { wallClock, type WallClock } from './spreadsheet/time-zone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

/** The calendar fields of one instant in one zone. */
interface Fields extends WallClock {
  millis: number;
  weekday: number;
  dayOfYear: number;
  offsetMinutes: number;
}

function fieldsOf(epochMs: number, timeZone: string): Fields {
  const w = wallClock(epochMs, timeZone);
  const millis = ((epochMs % 1000) + 1000) % 1000;
  const localMidnight = Date.UTC(w.year, w.month - 1, w.day);
  const offsetMinutes = Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millis) - epochMs) / 60_000);
  return {
    ...w,
    millis,
    weekday: new Date(localMidnight).getUTCDay(),
    dayOfYear: (localMidnight - Date.UTC(w.year, 0, 1)) / DAY_MS + 1,
    offsetMinutes,
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function offset(minutes: number, colon: boolean, hoursOnly: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return sign + hours;
  return sign + hours + (colon ? ':' : '') + pad(abs % 60, 2);
}

function zoneName(epochMs: number, timeZone: string, long: boolean): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(epochMs)
    .find((p) => p.type === 'timeZoneName');
  return part ? part.value : timeZone;
}

/** Week of the year as java.util.Calendar counts it in the US locale (weeks start on Sunday; 1 Jan is in week 1). */
function usWeekOfYear(f: Fields): number {
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return Math.floor((f.dayOfYear - 1 + jan1Weekday) / 7) + 1;
}

function field(letter: string, count: number, f: Fields, epochMs: number, timeZone: string): string {
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      return count === 3 ? MONTHS[f.month - 1].slice(0, 3) : pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(f.dayOfYear, count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'w':
      return pad(usWeekOfYear(f), count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millis, count);
    case 'z':
      return zoneName(epochMs, timeZone, count >= 4);
    case 'Z':
      return offset(f.offsetMinutes, false, false);
    case 'X':
      return f.offsetMinutes === 0 ? 'Z' : offset(f.offsetMinutes, count >= 3, count === 1);
    default:
      throw new RangeError(`Illegal pattern character '${letter}'`);
  }
}

/** Reads quoted text starting at the quote at `start` ('' stands for a quote); returns the index after it. */
function quoted(pattern: string, start: number, emit: (text: string) => void): number {
  if (pattern[start + 1] === "'") {
    emit("'");
    return start + 2;
  }
  let i = start + 1;
  while (i < pattern.length) {
    if (pattern[i] !== "'") emit(pattern[i++]);
    else if (pattern[i + 1] === "'") {
      emit("'");
      i += 2;
    } else return i + 1;
  }
  return i;
}

/**
 * Formats `epochMs` in `timeZone` with a SimpleDateFormat `pattern` (letters G y M L d D E u w a H k K h m s S z Z X,
 * quoted text with '…', '' for a quote). An unknown letter throws a RangeError with Java's message.
 */
export function formatJavaDate(epochMs: number, timeZone: string, pattern: string): string {
  const f = fieldsOf(epochMs, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      i = quoted(pattern, i, (text) => (out += text));
    } else if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, f, epochMs, timeZone);
      i += count;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
