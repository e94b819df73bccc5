// Whether "YYYY-MM-DD" is a day of the calendar. Date.parse("2025-02-30")
// rolls over to 2 March instead of refusing it, so every reader of dates (the
// checks, CSV columns, the command line's --date) asks here. Plain JavaScript:
// the command line reads its options before TypeScript loads.

/**
 * @param {string} text
 * @returns {boolean}
 */
export function isCalendarDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
