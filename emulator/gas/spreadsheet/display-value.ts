// How a cell shows (getDisplayValues): its value through its number format, in the spreadsheet's time zone.
// Supported formats: automatic, plain text `@`, digit patterns (`0`, `0.00`, `#,##0.00`, `0%`) and date patterns
// (`yyyy-mm-dd hh:mm:ss`, `M/d/yyyy`, `mmm d, yyyy`, `h:mm am/pm`…); any other pattern shows as automatic.
import { isDate, type CellValue } from './cell-value';
import { wallClock, type WallClock } from './time-zone';

/** The number format Apps Script reports for a cell nobody formatted ("Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DIGITS = /^([#,0]*0)(?:\.([0#]+))?(%?)$/;
const AUTOMATIC_DIGITS = DIGITS.exec(AUTOMATIC_FORMAT) as RegExpExecArray;
const DATE_TOKEN = /yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|\\.|./gi;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDigits(n: number, pattern: RegExpExecArray): string {
  const [, integerPart, decimals = '', percent] = pattern;
  const scaled = percent ? n * 100 : n;
  const minDecimals = decimals.replace(/#/g, '').length;
  let text = Math.abs(scaled).toFixed(decimals.length);
  // `#` decimals are shown only when they are not zero.
  while (text.includes('.') && text.length - text.indexOf('.') - 1 > minDecimals && text.endsWith('0')) text = text.slice(0, -1);
  if (text.endsWith('.')) text = text.slice(0, -1);
  let [whole, fraction] = text.split('.');
  whole = whole.padStart(integerPart.replace(/[#,]/g, '').length, '0');
  if (integerPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = scaled < 0 && /[1-9]/.test(text) ? '-' : '';
  return sign + whole + (fraction ? `.${fraction}` : '') + percent;
}

function isDatePattern(format: string): boolean {
  return /[ydhs]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

function formatDate(w: WallClock, format: string): string {
  const tokens = format.match(DATE_TOKEN) ?? [];
  const twelveHour = tokens.some((t) => t.toLowerCase() === 'am/pm');
  const isMinute = (i: number): boolean => {
    // `m` means minutes right after an hour or right before seconds, months otherwise (as in Sheets).
    const before = tokens.slice(0, i).reverse().find((t) => /^[a-z]/i.test(t) && t.toLowerCase() !== 'am/pm');
    const after = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
    return /^h/i.test(before ?? '') || /^s/i.test(after ?? '');
  };
  return tokens
    .map((token, i) => {
      const t = token.toLowerCase();
      switch (t) {
        case 'yyyy':
          return String(w.year);
        case 'yy':
          return pad(w.year % 100, 2);
        case 'mmmm':
          return MONTHS[w.month - 1];
        case 'mmm':
          return MONTHS[w.month - 1].slice(0, 3);
        case 'mm':
        case 'm':
          return pad(isMinute(i) ? w.minute : w.month, t.length);
        case 'dd':
        case 'd':
          return pad(w.day, t.length);
        case 'hh':
        case 'h':
          return pad(twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour, t.length);
        case 'ss':
        case 's':
          return pad(w.second, t.length);
        case 'am/pm':
          return w.hour < 12 ? 'AM' : 'PM';
        default:
          return token.startsWith('"') ? token.slice(1, -1) : token.startsWith('\\') ? token.slice(1) : token;
      }
    })
    .join('');
}

function wallClockOfSerial(serial: number): WallClock {
  const d = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

function serialOf(w: WallClock): number {
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - SERIAL_EPOCH) / DAY_MS;
}

/** A date as a serial number: days (with the time as a fraction) since 1899-12-30, on the wall clock of `timeZone`. */
export function serialNumberOf(date: Date, timeZone: string): number {
  return serialOf(wallClock(date.getTime(), timeZone));
}

/** The text Sheets shows for `value` in a cell with `numberFormat`. */
export function displayOf(value: CellValue, numberFormat: string, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && numberFormat === AUTOMATIC_FORMAT) {
    // The common case, kept cheap: whole numbers print as they are.
    return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : formatDigits(value, AUTOMATIC_DIGITS);
  }
  const digits = numberFormat === AUTOMATIC_FORMAT ? null : DIGITS.exec(numberFormat);
  const datePattern = !digits && isDatePattern(numberFormat);
  if (isDate(value)) {
    if (digits) return formatDigits(serialNumberOf(value, timeZone), digits);
    const w = wallClock(value.getTime(), timeZone);
    if (datePattern) return formatDate(w, numberFormat);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return formatDate(w, midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss');
  }
  if (!Number.isFinite(value)) return String(value);
  if (datePattern) return formatDate(wallClockOfSerial(value), numberFormat);
  return formatDigits(value, digits ?? AUTOMATIC_DIGITS);
}
