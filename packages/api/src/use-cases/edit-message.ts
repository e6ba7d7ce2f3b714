import { type Actor, conflict, forbidden, notFound } from "@concord/domain";
import { type Database, audienceOfSpace, changeMessage, emitRealtimeEvents, getMessageForChange, getThread, writeAudit } from "@concord/db";
import { visibleSpaces } from "./message-access";
import type { PatientScope } from "../access";
import { checkMentions, threadParticipants } from "./post-message";

/**
 * Edit (body) or delete one's own message; a stale `expectedVersion` is refused, never overwritten.
 * An edit keeps the previous body in the append-only history. A deletion removes the words of the
 * message and of every earlier version from everything the application reads (they are kept only in
 * the archive no procedure reads) and is audited with who, which message, thread and patient, never
 * the text. All of it runs in the procedure's transaction, with the real-time event.
 */
export async function changeOwnMessage(
  db: Database,
  actor: Actor,
  scope: PatientScope,
  input: { messageId: number; expectedVersion: number } & ({ action: "edit"; body: string } | { action: "delete" }),
) {
  const spaces = visibleSpaces(actor, scope.facts);
  const message = await getMessageForChange(db, { patientId: scope.patientId, messageId: input.messageId, spaces });
  if (!message) throw notFound("This message");
  if (message.authorId !== actor.userId) throw forbidden("You can edit or delete only your own messages.");
  if (message.deletedAt) throw conflict("This message has already been deleted.");
  if (message.version !== input.expectedVersion) {
    throw conflict("This message was changed since you opened it (perhaps in another window). Reload to see the latest version.", {
      currentVersion: message.version,
    });
  }
  if (input.action === "edit") {
    const thread = await getThread(db, { patientId: scope.patientId, threadId: message.threadId, spaces });
    if (!thread) throw notFound("This message");
    checkMentions(input.body, await threadParticipants(db, scope.patientId, thread.space));
  }
  const changed = await changeMessage(db, {
    messageId: message.id,
    patientId: scope.patientId,
    editorId: actor.userId,
    expectedVersion: input.expectedVersion,
    action: input.action,
    body: input.action === "edit" ? input.body : undefined,
  });
  if (!changed) throw conflict("This message was changed since you opened it. Reload to see the latest version.");
  if (input.action === "delete") {
    await writeAudit(db, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "message.deleted",
      patientId: scope.patientId,
      outcome: "allowed",
      detail: { messageId: message.id, threadId: message.threadId, space: message.space, archived: true },
    });
  }
  await emitRealtimeEvents(db, [
    { patientId: scope.patientId, audience: audienceOfSpace(message.space), kind: "message.updated", threadId: message.threadId, messageId: message.id },
  ]);
  return { id: message.id, version: input.expectedVersion + 1 };
}
