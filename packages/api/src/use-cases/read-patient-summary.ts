import {
  type Actor,
  type Intervention,
  ROUTE_LABELS,
  THERAPY_CATEGORY_LABELS,
  TREATMENT_GOALS,
  can,
  formatDose,
  interventionName,
  planByGoal,
  timesADay,
} from "@concord/domain";
import { type Database, inOrder, listOpenAlertsForPatient, listRecentMessagesForPatient, nextItemReview, readCarePlanDocument } from "@concord/db";
import type { PatientScope } from "../access";
import { personLabel, visibleSpaces } from "./message-access";

/** How many messages and open alerts the summary shows (the full lists are a link away). */
export const SUMMARY_RECENT_MESSAGES = 3;
export const SUMMARY_OPEN_ALERTS = 5;

/** The items that are part of the treatment now: started, or paused for a while. */
const CURRENT_STATUSES: ReadonlySet<Intervention["status"]> = new Set(["active", "paused"]);

/** "75 mg oral, twice a day (morning and night)", with the domain's formatters; null when the entry awaits a physician's review. */
function medicationDose(item: Intervention): string | null {
  const d = item.details;
  if (d.kind !== "medication") return null;
  if (d.reviewNeeded.length > 0 || d.dosesPerDay === null) return null;
  const timing = d.schedule ? ` (${d.schedule})` : "";
  return `${formatDose(d.dose, d.unit)} ${ROUTE_LABELS[d.route]}, ${timesADay(d.dosesPerDay)}${timing}`;
}

function summariseItem(item: Intervention) {
  return {
    id: item.id,
    name: interventionName(item),
    category: THERAPY_CATEGORY_LABELS[item.category],
    status: item.status,
    nextReviewDate: item.nextReviewDate,
  };
}

/**
 * The clinician's one-screen summary of a patient: current medications and doses, active items by the
 * four goals, open alerts, the next review and the newest messages the viewer may see (team-only threads
 * only for the care team: the spaces come from the same rule as the messages page). Four queries in a
 * fixed order whatever the plan's size; the procedure's one audit row covers the read.
 */
export async function readPatientSummary(db: Database, actor: Actor, scope: PatientScope) {
  const spaces = can(actor, "message.read", scope.facts) ? visibleSpaces(actor, scope.facts) : [];
  const [plan, openAlerts, nextReview, recent] = await inOrder([
    () => readCarePlanDocument(db, scope.patientId),
    () => listOpenAlertsForPatient(db, { patientId: scope.patientId, limit: SUMMARY_OPEN_ALERTS }),
    () => nextItemReview(db, scope.patientId),
    () => listRecentMessagesForPatient(db, { patientId: scope.patientId, spaces, limit: SUMMARY_RECENT_MESSAGES }),
  ] as const);
  const current = (plan?.interventions ?? []).filter((i) => CURRENT_STATUSES.has(i.status));
  return {
    hasPlan: plan !== null,
    planReviewDueAt: plan?.reviewDueAt ?? null,
    medications: current.filter((i) => i.category === "medication").map((i) => ({ ...summariseItem(i), dose: medicationDose(i) })),
    // Medications have their own card; the other current items under each goal they serve (the domain's grouping).
    goals: planByGoal({ goals: plan?.goals ?? [], interventions: current.filter((i) => i.category !== "medication") }).map((g) => ({
      goalId: g.goalId,
      label: TREATMENT_GOALS[g.goalId].clinicianLabel,
      interventions: g.items.map(({ item }) => summariseItem(item)),
    })),
    openAlerts,
    nextReview,
    // Messages the viewer may not read are never fetched, so they cannot be counted or shown.
    messagesVisible: spaces.length > 0,
    recentMessages: recent.map((m) => ({
      id: m.id,
      threadId: m.threadId,
      threadTitle: m.threadTitle,
      space: m.space,
      author: personLabel(m.authorName, m.authorRole),
      body: m.body ?? "",
      createdAt: m.createdAt,
    })),
  };
}
