import { z } from "zod";
import { calendarDate } from "../dates/index";

/**
 * "Who has looked at my record": the audit trail, in words a patient reads. A key is an exact action
 * (a tRPC path or a named event) or, ending in "*", a prefix; the first match wins, so a new procedure
 * is never shown as a raw path.
 */
const DESCRIPTIONS: ReadonlyArray<readonly [key: string, words: string]> = [
  ["carePlan.update", "changed your care plan"],
  ["carePlan.comment", "wrote on your care plan"],
  ["carePlan.answerQuestion", "answered your question"],
  ["carePlan.markQuestionHandled", "marked your question handled"],
  ["carePlan.*", "read your care plan"],
  ["checkIns.reviewSideEffect", "reviewed a side effect you reported"],
  ["checkIns.*", "read your check-ins"],
  ["measures.record*", "recorded a measure"],
  ["measures.submit*", "recorded a questionnaire"],
  ["measures.*", "read your measures and questionnaires"],
  ["alert.acknowledged", "acknowledged an alert about you"],
  ["alerts.acknowledge", "acknowledged an alert about you"],
  ["alerts.*", "looked at alerts about you"],
  ["messaging.post", "wrote a message"],
  ["messaging.createThread", "wrote a message"],
  ["messaging.edit", "changed a message"],
  ["messaging.delete", "deleted a message"],
  ["messaging.*", "read messages about you"],
  ["patients.setTimeZone", "changed your time zone"],
  ["patients.register", "registered you and sent your invitation"],
  ["patients.*", "opened your record"],
  ["tasks.*", "read your care plan"],
  ["notifications.*", "read a notification about you"],
  ["admin.*", "managed your account or care team (no clinical content)"],
  ["emergencyAccess.open", "opened your record in an emergency"],
  ["emergencyAccess.end", "ended their emergency access to your record"],
  ["emergencyAccess.mine", "looked at their emergency access to your record"],
  ["compliance.reviewEmergencyAccess", "reviewed an emergency access to your record"],
  ["compliance.deletedMessages", "read deleted messages about you, for a compliance review"],
  ["compliance.*", "reviewed the audit trail of your record (no clinical content)"],
];

const matches = (key: string, action: string) => (key.endsWith("*") ? action.startsWith(key.slice(0, -1)) : action === key);

export function describeRecordAccess(action: string): string {
  return DESCRIPTIONS.find(([key]) => matches(key, action))?.[1] ?? "opened your record";
}

/** Days shown per page of the access log. */
export const ACCESS_LOG_DAYS_PER_PAGE = 14;

export const recordAccessInput = z.object({
  patientId: z.uuid({ error: "This identifier is not valid." }),
  /** Show the days before this one (the previous page's last day). */
  before: calendarDate({ label: "Page" }).optional(),
});
