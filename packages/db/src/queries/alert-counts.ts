import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { alerts, careTeamMembers } from "../schema/index";

export interface OpenAlertCounts {
  urgent: number;
  review: number;
}

/**
 * Open (unacknowledged) alerts over the clinician's own care teams, by severity: the numbers on
 * the Worklist link. The care-team join is the scope, so an outsider counts zero, and only
 * numbers leave this query (no patient, no alert).
 */
export async function openAlertCountsForClinician(db: Database, clinicianId: string): Promise<OpenAlertCounts> {
  const [row] = await db
    .select({
      urgent: sql<number>`count(*) filter (where ${alerts.severity} = 'urgent')::int`,
      review: sql<number>`count(*) filter (where ${alerts.severity} = 'review')::int`,
    })
    .from(alerts)
    .innerJoin(careTeamMembers, and(eq(careTeamMembers.patientId, alerts.patientId), eq(careTeamMembers.clinicianId, clinicianId)))
    .where(isNull(alerts.acknowledgedAt));
  return { urgent: Number(row?.urgent ?? 0), review: Number(row?.review ?? 0) };
}

/** The rules of one patient's open urgent alerts (their home then keeps the right resources up). */
export async function openUrgentAlertRules(db: Database, patientId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ ruleId: alerts.ruleId })
    .from(alerts)
    .where(and(eq(alerts.patientId, patientId), eq(alerts.severity, "urgent"), isNull(alerts.acknowledgedAt)));
  return rows.map((r) => r.ruleId);
}

/** Whether one patient has an open urgent alert (their home then keeps the crisis resources up). */
export async function hasOpenUrgentAlert(db: Database, patientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.patientId, patientId), eq(alerts.severity, "urgent"), isNull(alerts.acknowledgedAt)))
    .limit(1);
  return row !== undefined;
}
