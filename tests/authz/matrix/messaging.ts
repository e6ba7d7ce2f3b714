import { type Database, insertMessage, insertThread } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { type ActorKind, type MatrixRow, TEAM, allow, SIGNED_IN } from "./types";

/** Actors who may post: each edits and deletes a message of their own, so "allow" cells really succeed. */
const AUTHORS = ["physician", "pt", "ot", "psychologist", "patient"] as const;

/**
 * A team thread and a shared thread on Alex, and one message per author (clinicians in the team
 * thread, Alex in the shared one), created directly so the matrix does not depend on row order.
 */
export async function messagingFixtures(db: Database, ids: DemoIds): Promise<Record<string, string>> {
  const patientId = ids.patients.alex;
  const team = await insertThread(db, { patientId, space: "team", title: "Matrix team thread", createdBy: ids.users.pt });
  const shared = await insertThread(db, { patientId, space: "patient", title: "Matrix shared thread", createdBy: ids.users.pt });
  const fixtures: Record<string, string> = { teamThread: team.id, sharedThread: shared.id };
  const userOf: Record<(typeof AUTHORS)[number], string> = {
    physician: ids.users.physician,
    pt: ids.users.pt,
    ot: ids.users.ot,
    psychologist: ids.users.psychologist,
    patient: ids.users.alex,
  };
  for (const author of AUTHORS) {
    const thread = author === "patient" ? shared : team;
    const message = await insertMessage(db, { threadId: thread.id, patientId, authorId: userOf[author], body: `fixture by ${author}`, reference: null });
    fixtures[`message:${author}`] = String(message.id);
  }
  return fixtures;
}

const ownMessage = (c: { actor: ActorKind; fixtures: Record<string, string> }) => Number(c.fixtures[`message:${c.actor}`] ?? c.fixtures["message:pt"]) || 1;
const PARTICIPANTS: ActorKind[] = [...TEAM, "patient"];

export const messagingRows: MatrixRow[] = [
  { path: "messaging.threads", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...PARTICIPANTS) },
  {
    path: "messaging.createThread",
    patientScoped: true,
    input: (c) => ({ patientId: c.patientId, space: "patient", title: `Topic ${c.unique}`, body: "Opening a thread" }),
    expect: allow(...PARTICIPANTS),
  },
  { path: "messaging.thread", patientScoped: true, input: (c) => ({ patientId: c.patientId, threadId: c.fixtures.sharedThread }), expect: allow(...PARTICIPANTS) },
  { path: "messaging.messages", patientScoped: true, input: (c) => ({ patientId: c.patientId, threadId: c.fixtures.sharedThread }), expect: allow(...PARTICIPANTS) },
  { path: "messaging.history", patientScoped: true, input: (c) => ({ patientId: c.patientId, messageId: Number(c.fixtures["message:patient"]) || 1 }), expect: allow(...PARTICIPANTS) },
  { path: "messaging.post", patientScoped: true, input: (c) => ({ patientId: c.patientId, threadId: c.fixtures.sharedThread, body: `Hello from ${c.unique}` }), expect: allow(...PARTICIPANTS) },
  {
    path: "messaging.edit",
    patientScoped: true,
    input: (c) => ({ patientId: c.patientId, messageId: ownMessage(c), body: "Edited", expectedVersion: 1 }),
    expect: allow(...PARTICIPANTS),
  },
  { path: "messaging.delete", patientScoped: true, input: (c) => ({ patientId: c.patientId, messageId: ownMessage(c), expectedVersion: 2 }), expect: allow(...PARTICIPANTS) },
  {
    path: "messaging.markRead",
    patientScoped: true,
    input: (c) => ({ patientId: c.patientId, threadId: c.fixtures.sharedThread, lastReadMessageId: Number(c.fixtures["message:patient"]) || 1 }),
    expect: allow(...PARTICIPANTS),
  },
  { path: "messaging.events", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...PARTICIPANTS) },
  { path: "notifications.list", patientScoped: false, input: () => ({ limit: 5 }), expect: allow(...SIGNED_IN) },
  { path: "notifications.unreadCount", patientScoped: false, input: () => undefined, expect: allow(...SIGNED_IN) },
  { path: "notifications.markRead", patientScoped: false, input: () => ({}), expect: allow(...SIGNED_IN) },
  { path: "notifications.events", patientScoped: false, input: () => ({}), expect: allow(...SIGNED_IN) },
];
