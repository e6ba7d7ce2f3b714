import { type Actor, DISCIPLINE_LABELS, type PatientFacts, type ThreadSpace, can, isClinicianRole, notFound } from "@concord/domain";
import { type Database, type ThreadRow, getThread } from "@concord/db";
import type { PatientScope } from "../access";

/** The thread spaces this actor may see on this patient: the team space only with thread.teamOnly. */
export function visibleSpaces(actor: Actor, facts: PatientFacts): ThreadSpace[] {
  return can(actor, "thread.teamOnly", facts) ? ["team", "patient"] : ["patient"];
}

/** A thread the actor can see, or the same "not found" as a thread that does not exist. */
export async function loadVisibleThread(db: Database, actor: Actor, scope: Pick<PatientScope, "patientId" | "facts">, threadId: string): Promise<ThreadRow> {
  const thread = await getThread(db, { patientId: scope.patientId, threadId, spaces: visibleSpaces(actor, scope.facts) });
  if (!thread) throw notFound("This conversation");
  return thread;
}

/** "Sam Lindqvist (PT)"-style label used in notifications and read receipts. */
export function personLabel(name: string, role: string): string {
  if (role === "patient") return name;
  return isClinicianRole(role as never) ? `${name} (${DISCIPLINE_LABELS[role as keyof typeof DISCIPLINE_LABELS]})` : name;
}
