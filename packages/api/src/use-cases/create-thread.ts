import { type Actor, type MessageReferenceInput, type ThreadSpace, can, forbidden } from "@concord/domain";
import { type Database, insertThread } from "@concord/db";
import type { PatientScope } from "../access";
import { writeMessage } from "./post-message";

/** Opens a topic thread with its first message. Team-only threads need thread.teamOnly. */
export async function createThread(
  db: Database,
  actor: Actor,
  actorName: string | null,
  scope: PatientScope,
  input: { space: ThreadSpace; title: string; body: string; reference?: MessageReferenceInput | undefined },
  /** When it was written (a replayed history passes its own); absent, the database's clock. */
  now?: Date,
) {
  if (input.space === "team" && !can(actor, "thread.teamOnly", scope.facts)) {
    throw forbidden("Only the care team can open a team-only conversation.");
  }
  const thread = await insertThread(db, { patientId: scope.patientId, space: input.space, title: input.title, createdBy: actor.userId, ...(now ? { createdAt: now } : {}) });
  const message = await writeMessage(db, actor, actorName, scope, thread, { body: input.body, reference: input.reference }, now);
  return { threadId: thread.id, messageId: message.id };
}
