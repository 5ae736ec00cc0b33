// What a cell holds, as getValues hands it out.

/** A cell's value: '' is an empty cell. */
export type CellValue = string | number | boolean | Date;

/** True for a Date of any realm (a script's Dates are not `instanceof` this realm's Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
