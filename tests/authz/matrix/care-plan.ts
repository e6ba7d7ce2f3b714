import { addCalendarDays } from "@concord/domain";
import { type Database, getCarePlan } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { type MatrixContext, type MatrixRow, CLINICIANS, TEAM, allow } from "./types";

/** The version Alex's plan has before the matrix runs; each allowed update moves it on by one. */
export async function carePlanFixtures(db: Database, ids: DemoIds): Promise<Record<string, string>> {
  const plan = await getCarePlan(db, ids.patients.alex);
  return { carePlanVersion: String(plan?.version ?? 0) };
}

/**
 * Team members update in matrix column order (physician, PT, OT, psychologist), so the version
 * each one must send is known in advance. Over HTTP the fixture is a stand-in: any number will do.
 */
function expectedVersion(c: MatrixContext): number {
  const start = Number(c.fixtures.carePlanVersion);
  return (Number.isFinite(start) ? start : 0) + Math.max(0, TEAM.indexOf(c.actor));
}

const today = () => new Date().toISOString().slice(0, 10);

export const carePlanRows: MatrixRow[] = [
  // The patient reads their plan through carePlan.patientView, never the team's document or change log.
  { path: "carePlan.get", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM) },
  { path: "carePlan.events", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM) },
  { path: "carePlan.history", patientScoped: true, input: (c) => ({ patientId: c.patientId, limit: 5 }), expect: allow(...TEAM) },
  {
    path: "carePlan.update",
    patientScoped: true,
    // Setting the review date is open to every team discipline, so each allowed column can succeed.
    input: (c) => ({
      patientId: c.patientId,
      expectedVersion: expectedVersion(c),
      command: { type: "setReviewDate", reviewDueAt: addCalendarDays(today(), 40 + Math.max(0, TEAM.indexOf(c.actor))) },
    }),
    expect: allow(...TEAM),
  },
  { path: "carePlan.comment", patientScoped: true, input: (c) => ({ patientId: c.patientId, body: `Comment ${c.unique}` }), expect: allow(...TEAM, "patient") },
  { path: "carePlan.comments", patientScoped: true, input: (c) => ({ patientId: c.patientId, limit: 5 }), expect: allow(...TEAM, "patient") },
  { path: "carePlan.patientView", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM, "patient") },
  { path: "carePlan.markSeen", patientScoped: true, input: (c) => ({ patientId: c.patientId, version: 1 }), expect: allow("patient") },
  { path: "carePlan.pastReview", patientScoped: false, input: () => ({}), expect: allow(...CLINICIANS) },
];
