import type { Actor } from "@concord/domain";
import { type Database, type RealtimeEventInput, audienceOfSpace, emitRealtimeEvents, markThreadNotificationsRead, markThreadRead } from "@concord/db";
import { loadVisibleThread } from "./message-access";
import type { PatientScope } from "../access";

/** Moves the reader's position (never past the thread's newest message) and settles its notifications. */
export async function markThreadReadUpTo(
  db: Database,
  actor: Actor,
  scope: PatientScope,
  input: { threadId: string; lastReadMessageId: number },
  /** When it was read (a replayed history passes its own); absent, the present moment. */
  now?: Date,
) {
  const thread = await loadVisibleThread(db, actor, scope, input.threadId);
  if (thread.lastMessageId === null) return { moved: false };
  const upTo = Math.min(input.lastReadMessageId, thread.lastMessageId);
  const moved = await markThreadRead(db, { threadId: thread.id, userId: actor.userId, lastReadMessageId: upTo, at: now });
  const settled = await markThreadNotificationsRead(db, { userId: actor.userId, threadId: thread.id, at: now });
  const events: RealtimeEventInput[] = [];
  if (moved) events.push({ patientId: scope.patientId, audience: audienceOfSpace(thread.space), kind: "message.read", threadId: thread.id });
  if (settled > 0) events.push({ patientId: scope.patientId, audience: "user", userId: actor.userId, kind: "notification" });
  await emitRealtimeEvents(db, events);
  return { moved };
}
