// The spreadsheet's time zone offset at any instant, as Apps Script's Utilities.formatDate tells it.
import type { ZoneOffset } from '../core/field-values';

/** The offset (minutes east of UTC) of the spreadsheet's time zone at an instant; the zone is looked up on first use. */
export function spreadsheetZoneOffset(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ZoneOffset {
  let timeZone: string | undefined;
  return (utcMs) => {
    timeZone ??= spreadsheet.getSpreadsheetTimeZone();
    // `Z` gives the RFC 822 offset, e.g. "+0100" or "-0500".
    const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(Utilities.formatDate(new Date(utcMs), timeZone, 'Z'));
    return offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  };
}
