import { type Actor, notFound } from "@concord/domain";
import { getMessagesByIds, inOrder, listMessageEdits, listMessages, listThreadReaders, listThreads, type Database } from "@concord/db";
import type { PatientScope } from "../access";
import { loadVisibleThread, personLabel, visibleSpaces } from "./message-access";
import { threadParticipants } from "./post-message";

/** Threads in the caller's spaces with their unread counts; a patient's list has no team threads at all. */
export async function listVisibleThreads(
  db: Database,
  actor: Actor,
  scope: PatientScope,
  input: { space?: "team" | "patient" | undefined; cursor?: string | undefined; limit: number },
) {
  const allowed = visibleSpaces(actor, scope.facts);
  const spaces = input.space ? allowed.filter((s) => s === input.space) : allowed;
  if (spaces.length === 0) return { spaces: allowed, items: [], nextCursor: null };
  const page = await listThreads(db, { patientId: scope.patientId, spaces, viewerId: actor.userId, cursor: input.cursor, limit: input.limit });
  return { spaces: allowed, ...page };
}

/** One thread's header: topic, space, who is in it (for mentions) and how far each has read. */
export async function readThread(db: Database, actor: Actor, scope: PatientScope, threadId: string) {
  const thread = await loadVisibleThread(db, actor, scope, threadId);
  const [participants, readers] = await inOrder([() => threadParticipants(db, scope.patientId, thread.space), () => listThreadReaders(db, thread.id)] as const);
  const inThread = new Set(participants.map((p) => p.userId));
  return {
    id: thread.id,
    title: thread.title,
    space: thread.space,
    lastMessageId: thread.lastMessageId,
    participants: participants.map((p) => ({ userId: p.userId, name: p.name, discipline: p.discipline })),
    // Someone who has left the team keeps no visible receipt in a thread they can no longer see.
    readers: readers.filter((r) => inThread.has(r.userId)).map((r) => ({ userId: r.userId, label: personLabel(r.name, r.role), lastReadMessageId: r.lastReadMessageId })),
  };
}

/** A thread's messages newest first, by key; the oldest id shown is the next page's `before`. */
export async function listThreadMessages(db: Database, actor: Actor, scope: PatientScope, input: { threadId: string; before?: number | undefined; limit: number }) {
  const thread = await loadVisibleThread(db, actor, scope, input.threadId);
  return listMessages(db, { threadId: thread.id, before: input.before, limit: input.limit });
}

/** Earlier versions of a message (edits and the deletion), oldest first; a deleted message's carry no words. */
export async function readMessageHistory(db: Database, actor: Actor, scope: PatientScope, messageId: number) {
  const [message] = await getMessagesByIds(db, { patientId: scope.patientId, spaces: visibleSpaces(actor, scope.facts), ids: [messageId] });
  if (!message) throw notFound("This message");
  const edits = await listMessageEdits(db, message.id);
  return edits.map((e) => ({ action: e.action, previousBody: e.previousBody, previousVersion: e.previousVersion, at: e.at }));
}
