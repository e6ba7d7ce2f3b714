// Care-plan code reads its calendar helpers from here; they live in the one date module.
export { type CalendarDate, addCalendarDays, calendarDateSchema, daysBetween, formatCalendarDate } from "../dates/index";
