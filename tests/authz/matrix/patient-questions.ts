import { type Database, getCarePlan, insertCarePlanComment } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { type MatrixContext, type MatrixRow, CLINICIANS, TEAM, allow } from "./types";

/**
 * Two open questions from Alex per team member (one to answer, one to mark handled), so every
 * "allow" cell settles a question of its own: a second resolution would be a CONFLICT, not a denial.
 */
export async function patientQuestionFixtures(db: Database, ids: DemoIds): Promise<Record<string, string>> {
  const plan = await getCarePlan(db, ids.patients.alex);
  if (!plan) throw new Error("the demo has no plan for Alex");
  const fixtures: Record<string, string> = {};
  for (const kind of TEAM) {
    for (const use of ["answer", "handle"] as const) {
      const comment = await insertCarePlanComment(db, {
        planId: plan.id,
        patientId: ids.patients.alex,
        interventionId: null,
        authorId: ids.users.alex,
        body: `Matrix question to ${use} for ${kind}`,
      });
      fixtures[`question:${use}:${kind}`] = comment.id;
    }
  }
  return fixtures;
}

const questionFor = (c: MatrixContext, use: "answer" | "handle") => c.fixtures[`question:${use}:${c.actor}`] ?? c.fixtures[`question:${use}:physician`];

export const patientQuestionRows: MatrixRow[] = [
  {
    path: "carePlan.answerQuestion",
    patientScoped: true,
    input: (c) => ({ patientId: c.patientId, commentId: questionFor(c, "answer"), body: `Answer ${c.unique}` }),
    expect: allow(...TEAM),
  },
  {
    path: "carePlan.markQuestionHandled",
    patientScoped: true,
    input: (c) => ({ patientId: c.patientId, commentId: questionFor(c, "handle") }),
    expect: allow(...TEAM),
  },
  { path: "alerts.patientQuestions", patientScoped: false, input: () => ({ limit: 10 }), expect: allow(...CLINICIANS) },
];
