// Types for calendar.mjs.
export function isCalendarDate(text: string): boolean;
