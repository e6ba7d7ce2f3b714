// Progress code reads its calendar helpers from here (and as the `progressDates` namespace); they live
// in the one date module.
export {
  DATE_FORMAT_MESSAGE,
  addDays,
  addMonths,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isoDateSchema,
  isoWeekLabel,
  isoWeekStart,
  toDayNumber,
} from "../dates/index";
