import { addDays } from "@concord/domain";

/** The window of `days` days ending on the patient's own today (from the server: patients.get `.today`). */
export function trendRange(days: number, today: string) {
  return { from: addDays(today, -(days - 1)), to: today };
}
