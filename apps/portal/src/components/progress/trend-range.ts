import { latestPossibleToday, progressDates } from "@concord/domain";

/** The window ending today (on the server's most generous notion of today) for a number of days. */
export function trendRange(days: number) {
  const to = latestPossibleToday();
  return { from: progressDates.addDays(to, -(days - 1)), to };
}
