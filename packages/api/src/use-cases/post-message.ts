import {
  type Actor,
  DISCIPLINE_HANDLES,
  type MessageReferenceInput,
  invalid,
  parseMentions,
} from "@concord/domain";
import {
  type Database,
  type MessageReference,
  type ThreadRow,
  createNotifications,
  audienceOfSpace,
  emitRealtimeEvents,
  getPatient,
  insertMentions,
  insertMessage,
  listMessagingParticipants,
  markThreadRead,
  resolveMessageReference,
} from "@concord/db";
import type { PatientScope } from "../access";
import { loadVisibleThread, personLabel } from "./message-access";

const MENTION_HELP = `Mention someone in this conversation by name, or a discipline: ${Object.values(DISCIPLINE_HANDLES)
  .map((h) => `@${h}`)
  .join(", ")}.`;

/** Who is in a thread: the care team, plus the patient in the shared space. */
export async function threadParticipants(db: Database, patientId: string, space: ThreadRow["space"]) {
  const participants = await listMessagingParticipants(db, patientId);
  return space === "team" ? participants.filter((p) => p.discipline !== null) : participants;
}

/** Mentions must name people in the conversation: anyone else is refused, nothing is written. */
export function checkMentions(body: string, participants: Awaited<ReturnType<typeof threadParticipants>>) {
  const mentions = parseMentions(body, participants);
  if (mentions.unknown.length > 0) {
    const list = mentions.unknown.join(", ");
    throw invalid(`${list} ${mentions.unknown.length === 1 ? "is" : "are"} not someone in this conversation. ${MENTION_HELP}`, {
      unknownMentions: mentions.unknown,
    });
  }
  return mentions.userIds;
}

async function checkReference(db: Database, patientId: string, thread: ThreadRow, reference: MessageReferenceInput | undefined): Promise<MessageReference | null> {
  if (!reference) return null;
  if (reference.kind === "alert" && thread.space !== "team") {
    throw invalid("Alerts are for the care team: refer to an alert only in a team conversation.");
  }
  const resolved = await resolveMessageReference(db, patientId, reference);
  if (!resolved) throw invalid("The linked item was not found in this patient's record.");
  return resolved;
}

export function threadLink(patientId: string, threadId: string, forPatient: boolean): string {
  return forPatient ? `/me/messages?thread=${threadId}` : `/patients/${patientId}/messages?thread=${threadId}`;
}

/**
 * Writes a message in a thread the caller has already loaded through the visibility check, with its
 * mentions, the author's read position, notifications for everyone else in the conversation and
 * one real-time event, all in the caller's transaction.
 */
export async function writeMessage(
  db: Database,
  actor: Actor,
  actorName: string | null,
  scope: PatientScope,
  thread: ThreadRow,
  input: { body: string; reference?: MessageReferenceInput | undefined },
  /** When it was written (a replayed history passes its own); absent, the database's clock. */
  now?: Date,
) {
  const participants = await threadParticipants(db, scope.patientId, thread.space);
  const mentioned = checkMentions(input.body, participants).filter((id) => id !== actor.userId);
  const reference = await checkReference(db, scope.patientId, thread, input.reference);
  const message = await insertMessage(db, {
    threadId: thread.id,
    patientId: scope.patientId,
    authorId: actor.userId,
    body: input.body,
    reference,
    ...(now ? { createdAt: now } : {}),
  });
  await insertMentions(db, mentioned.map((userId) => ({ messageId: message.id, userId, patientId: scope.patientId })));
  await markThreadRead(db, { threadId: thread.id, userId: actor.userId, lastReadMessageId: message.id, at: now });
  await emitRealtimeEvents(db, [
    { patientId: scope.patientId, audience: audienceOfSpace(thread.space), kind: "message.created", threadId: thread.id, messageId: message.id },
  ]);

  const patient = await getPatient(db, scope.patientId);
  const author = personLabel(actorName ?? "Someone", actor.role);
  const others = participants.filter((p) => p.userId !== actor.userId);
  const ref = { threadId: thread.id, messageId: message.id };
  for (const group of [
    { kind: "mention" as const, people: others.filter((p) => mentioned.includes(p.userId)), verb: "mentioned you in" },
    { kind: "message" as const, people: others.filter((p) => !mentioned.includes(p.userId)), verb: "wrote in" },
  ]) {
    for (const forPatient of [false, true]) {
      const people = group.people.filter((p) => (p.discipline === null) === forPatient);
      if (people.length === 0) continue;
      const about = forPatient ? "" : ` · ${patient?.name ?? "patient"}`;
      await createNotifications(db, {
        userIds: people.map((p) => p.userId),
        patientId: scope.patientId,
        kind: group.kind,
        title: `${author} ${group.verb} “${thread.title}”${about}`,
        link: threadLink(scope.patientId, thread.id, forPatient),
        ref,
        createdAt: now,
      });
    }
  }
  return { id: message.id, threadId: thread.id, version: message.version };
}

export async function postMessage(
  db: Database,
  actor: Actor,
  actorName: string | null,
  scope: PatientScope,
  input: { threadId: string; body: string; reference?: MessageReferenceInput | undefined },
  now?: Date,
) {
  const thread = await loadVisibleThread(db, actor, scope, input.threadId);
  return writeMessage(db, actor, actorName, scope, thread, input, now);
}
