import { and, eq } from "drizzle-orm";
import { goalLabel, interventionName, parseStoredCarePlan } from "@concord/domain";
import type { Database } from "../client";
import { carePlans } from "../schema/care-plan";
import type { MessageReference } from "../schema/messaging";
import { alerts, checkIns } from "../schema/progress";

export interface ResolvedReference {
  kind: MessageReference["kind"];
  id: string;
  label: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The referenced item, only if it belongs to this patient: the patient id is in every WHERE, so a
 * reference to another patient's item resolves to nothing, exactly like one that does not exist.
 */
export async function resolveMessageReference(db: Database, patientId: string, reference: MessageReference): Promise<ResolvedReference | null> {
  switch (reference.kind) {
    case "goal":
    case "plan_item": {
      const [row] = await db
        .select({ document: carePlans.document, version: carePlans.version, reviewDueAt: carePlans.reviewDueAt })
        .from(carePlans)
        .where(eq(carePlans.patientId, patientId))
        .limit(1);
      if (!row) return null;
      const plan = { document: parseStoredCarePlan(row.document, { patientId, version: row.version, reviewDueAt: row.reviewDueAt }) };
      if (reference.kind === "goal") {
        const goal = plan.document.goals.find((g) => g.id === reference.id);
        return goal ? { ...reference, label: `Goal: ${goalLabel(goal.id)}` } : null;
      }
      const item = plan.document.interventions.find((i) => i.id === reference.id);
      if (!item) return null;
      return { ...reference, label: `Plan item: ${interventionName(item)}` };
    }
    case "check_in": {
      if (!UUID.test(reference.id)) return null;
      const [row] = await db
        .select({ date: checkIns.date })
        .from(checkIns)
        .where(and(eq(checkIns.id, reference.id), eq(checkIns.patientId, patientId)))
        .limit(1);
      return row ? { ...reference, label: `Check-in of ${row.date}` } : null;
    }
    case "alert": {
      if (!UUID.test(reference.id)) return null;
      const [row] = await db
        .select({ title: alerts.title })
        .from(alerts)
        .where(and(eq(alerts.id, reference.id), eq(alerts.patientId, patientId)))
        .limit(1);
      return row ? { ...reference, label: `Alert: ${row.title}` } : null;
    }
  }
}
