import { z } from "zod";
import { type MessageChangeAction, type ThreadSpace, UNREAD_CAP } from "@concord/domain";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client";
import { careTeamMembers, patients, users } from "../schema/core";
import {
  type ArchivedMessageVersion,
  type MessageReference,
  deletedMessageArchive,
  messageEdits,
  messageMentions,
  messageReads,
  messageThreads,
  messages,
} from "../schema/messaging";
import { cursorPart, decodeCursor, keysetPage, keysetSlice } from "./cursor";

export type { MessageReference } from "../schema/messaging";
export type ThreadRow = typeof messageThreads.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

/** `createdAt` is for loading history (the demo clinic); the app always writes "now". */
export async function insertThread(
  tx: Database,
  values: { patientId: string; space: ThreadSpace; title: string; createdBy: string; createdAt?: Date },
): Promise<ThreadRow> {
  const [row] = await tx.insert(messageThreads).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** One thread of the patient, only if it is in a space the viewer may see. */
export async function getThread(db: Database, params: { patientId: string; threadId: string; spaces: readonly ThreadSpace[] }): Promise<ThreadRow | null> {
  const [row] = await db
    .select()
    .from(messageThreads)
    .where(and(eq(messageThreads.id, params.threadId), eq(messageThreads.patientId, params.patientId), inArray(messageThreads.space, [...params.spaces])))
    .limit(1);
  return row ?? null;
}

export interface ThreadListItem {
  id: string;
  space: ThreadSpace;
  title: string;
  createdAt: Date;
  lastMessageAt: Date;
  lastMessageId: number | null;
  createdByName: string;
  unread: number;
}

/**
 * The patient's threads in the viewer's spaces, most recently active first, with the viewer's
 * unread count per thread (capped at UNREAD_CAP, own messages and tombstones not counted).
 * Keyset cursor on (last_message_at, id).
 */
export async function listThreads(
  db: Database,
  params: { patientId: string; spaces: readonly ThreadSpace[]; viewerId: string; cursor?: string | undefined; limit: number },
): Promise<{ items: ThreadListItem[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.timestamp, cursorPart.uuid]));
  const spaces = sql.join(params.spaces.map((s) => sql`${s}`), sql`, `);
  const rows = await queryRows<{
    id: string;
    space: ThreadSpace;
    title: string;
    created_at: string | Date;
    last_message_at: string | Date;
    last_message_id: string | number | null;
    created_by_name: string;
    unread: number;
    cursor_at: string;
  }>(
    db,
    sql`select t.id, t.space, t.title, t.created_at, t.last_message_at, t.last_message_id, u.name as created_by_name,
          to_char(t.last_message_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
          (select count(*)::int from (
             select 1 from ${messages} m
             where m.thread_id = t.id and m.id > coalesce(r.last_read_message_id, 0)
               and m.author_id <> ${params.viewerId} and m.deleted_at is null
             limit ${UNREAD_CAP}) unread_rows) as unread
        from ${messageThreads} t
        join ${users} u on u.id = t.created_by
        left join ${messageReads} r on r.thread_id = t.id and r.user_id = ${params.viewerId}
        where t.patient_id = ${params.patientId} and t.space in (${spaces})
          ${after ? sql`and (t.last_message_at, t.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
        order by t.last_message_at desc, t.id desc
        limit ${params.limit + 1}`,
  );
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [last.cursor_at, last.id]);
  return {
    items: page.map((r) => ({
      id: r.id,
      space: r.space,
      title: r.title,
      createdAt: new Date(r.created_at),
      lastMessageAt: new Date(r.last_message_at),
      lastMessageId: r.last_message_id === null ? null : Number(r.last_message_id),
      createdByName: r.created_by_name,
      unread: Number(r.unread),
    })),
    nextCursor,
  };
}

export async function insertMessage(
  tx: Database,
  values: { threadId: string; patientId: string; authorId: string; body: string; reference: MessageReference | null; createdAt?: Date },
): Promise<MessageRow> {
  const [row] = await tx.insert(messages).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  await tx
    .update(messageThreads)
    .set({ lastMessageAt: row.createdAt, lastMessageId: row.id })
    .where(eq(messageThreads.id, values.threadId));
  return row;
}

export interface MessageView {
  id: number;
  threadId: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  /** null once deleted: the tombstone keeps its place but not its words. */
  body: string | null;
  reference: MessageReference | null;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

const messageView = {
  id: messages.id,
  threadId: messages.threadId,
  authorId: messages.authorId,
  authorName: users.name,
  authorRole: users.role,
  body: sql<string | null>`case when ${messages.deletedAt} is null then ${messages.body} end`,
  reference: sql<MessageReference | null>`case when ${messages.deletedAt} is null then ${messages.reference} end`,
  version: messages.version,
  createdAt: messages.createdAt,
  editedAt: messages.editedAt,
  deletedAt: messages.deletedAt,
};

/** A page of one thread, newest first, by key: `before` is the oldest id the reader already has. */
export async function listMessages(
  db: Database,
  params: { threadId: string; before?: number | undefined; limit: number },
): Promise<{ items: MessageView[]; nextBefore: number | null }> {
  const conditions = [eq(messages.threadId, params.threadId)];
  if (params.before) conditions.push(lt(messages.id, params.before));
  const rows = await db
    .select(messageView)
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(...conditions))
    .orderBy(desc(messages.id))
    .limit(params.limit + 1);
  const { items, next } = keysetSlice(rows as MessageView[], params.limit, (last) => last.id);
  return { items, nextBefore: next };
}

/** Messages by id, re-read through the same scope as a page: the patient and the viewer's spaces. */
export async function getMessagesByIds(
  db: Database,
  params: { patientId: string; spaces: readonly ThreadSpace[]; ids: number[] },
): Promise<MessageView[]> {
  if (params.ids.length === 0) return [];
  const rows = await db
    .select(messageView)
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(
      and(
        inArray(messages.id, params.ids),
        eq(messages.patientId, params.patientId),
        eq(messageThreads.patientId, params.patientId),
        inArray(messageThreads.space, [...params.spaces]),
      ),
    );
  return rows as MessageView[];
}

/** The message with its thread's space, locked for a change, within the patient and visible spaces. */
export async function getMessageForChange(
  tx: Database,
  params: { patientId: string; messageId: number; spaces: readonly ThreadSpace[] },
): Promise<(MessageRow & { space: ThreadSpace }) | null> {
  const [row] = await queryRows<Record<string, unknown>>(
    tx,
    sql`select m.id, m.thread_id, m.patient_id, m.author_id, m.body, m.version, m.deleted_at, t.space
        from ${messages} m join ${messageThreads} t on t.id = m.thread_id
        where m.id = ${params.messageId} and m.patient_id = ${params.patientId} and t.patient_id = ${params.patientId}
          and t.space in (${sql.join(params.spaces.map((s) => sql`${s}`), sql`, `)})
        for update of m`,
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    threadId: row.thread_id as string,
    patientId: row.patient_id as string,
    authorId: row.author_id as string,
    body: row.body as string | null,
    version: Number(row.version),
    deletedAt: row.deleted_at ? new Date(row.deleted_at as string) : null,
    space: row.space as ThreadSpace,
  } as MessageRow & { space: ThreadSpace };
}

/**
 * Edits or deletes a message if it is still at `expectedVersion`. Returns false when someone changed
 * it in the meantime. Run it in the caller's transaction: a deletion's steps must commit together.
 */
export async function changeMessage(
  tx: Database,
  params: { messageId: number; patientId: string; editorId: string; expectedVersion: number; action: MessageChangeAction; body?: string },
): Promise<boolean> {
  if (params.action === "delete") return deleteMessageText(tx, params);
  const [current] = await tx
    .select({ body: messages.body, version: messages.version })
    .from(messages)
    .where(and(eq(messages.id, params.messageId), eq(messages.version, params.expectedVersion), sql`${messages.deletedAt} is null`));
  if (!current?.body) return false;
  const updated = await tx
    .update(messages)
    .set({ body: params.body ?? current.body, version: current.version + 1, editedAt: new Date() })
    .where(and(eq(messages.id, params.messageId), eq(messages.version, params.expectedVersion), sql`${messages.deletedAt} is null`))
    .returning({ id: messages.id });
  if (updated.length === 0) return false;
  // The previous body goes to the append-only history.
  await tx.insert(messageEdits).values({
    messageId: params.messageId,
    patientId: params.patientId,
    editorId: params.editorId,
    action: "edit",
    previousBody: current.body,
    previousVersion: current.version,
  });
  return true;
}

/**
 * Deleted means deleted: the message becomes a tombstone with no body and no reference, its words and
 * every earlier version move to deleted_message_archive (append-only, read by no procedure), and the
 * earlier bodies in message_edits are cleared — the one change its trigger allows, and only once the
 * archive row exists. The "delete" history row records who and when, never the text.
 */
async function deleteMessageText(tx: Database, params: { messageId: number; patientId: string; editorId: string; expectedVersion: number }): Promise<boolean> {
  const [current] = await tx
    .select({
      threadId: messages.threadId,
      authorId: messages.authorId,
      body: messages.body,
      reference: messages.reference,
      version: messages.version,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.id, params.messageId), eq(messages.patientId, params.patientId), eq(messages.version, params.expectedVersion), sql`${messages.deletedAt} is null`));
  if (!current?.body) return false;
  const now = new Date();
  const updated = await tx
    .update(messages)
    .set({ body: null, reference: null, version: current.version + 1, deletedAt: now })
    .where(and(eq(messages.id, params.messageId), eq(messages.version, params.expectedVersion), sql`${messages.deletedAt} is null`))
    .returning({ id: messages.id });
  if (updated.length === 0) return false;
  const earlier = await tx
    .select({ version: messageEdits.previousVersion, body: messageEdits.previousBody, at: messageEdits.at, editorId: messageEdits.editorId })
    .from(messageEdits)
    .where(and(eq(messageEdits.messageId, params.messageId), eq(messageEdits.action, "edit")))
    .orderBy(messageEdits.id);
  const versions: ArchivedMessageVersion[] = earlier.flatMap((e) =>
    e.body === null ? [] : [{ version: e.version, body: e.body, replacedAt: e.at.toISOString(), replacedBy: e.editorId }],
  );
  await tx.insert(deletedMessageArchive).values({
    messageId: params.messageId,
    threadId: current.threadId,
    patientId: params.patientId,
    authorId: current.authorId,
    deletedBy: params.editorId,
    body: current.body,
    reference: current.reference,
    versions,
    messageCreatedAt: current.createdAt,
    deletedAt: now,
  });
  await tx
    .update(messageEdits)
    .set({ previousBody: null })
    .where(and(eq(messageEdits.messageId, params.messageId), sql`${messageEdits.previousBody} is not null`));
  await tx.insert(messageEdits).values({
    messageId: params.messageId,
    patientId: params.patientId,
    editorId: params.editorId,
    action: "delete",
    previousBody: null,
    previousVersion: current.version,
  });
  return true;
}

export interface MessageEditView {
  action: MessageChangeAction;
  /** null for the deletion itself and for every version of a deleted message. */
  previousBody: string | null;
  previousVersion: number;
  at: Date;
}

/**
 * A message's earlier versions, oldest first. The words are already cleared when a message is
 * deleted; the CASE keeps them out of this answer even if a row ever were not.
 */
export async function listMessageEdits(db: Database, messageId: number): Promise<MessageEditView[]> {
  const rows = await db
    .select({
      action: messageEdits.action,
      previousBody: sql<string | null>`case when ${messages.deletedAt} is null then ${messageEdits.previousBody} end`,
      previousVersion: messageEdits.previousVersion,
      at: messageEdits.at,
    })
    .from(messageEdits)
    .innerJoin(messages, eq(messages.id, messageEdits.messageId))
    .where(eq(messageEdits.messageId, messageId))
    .orderBy(messageEdits.id);
  return rows as MessageEditView[];
}

/**
 * Moves the reader's position forward (never back: an old tab must not un-read newer messages).
 * Returns true when it moved.
 */
export async function markThreadRead(
  tx: Database,
  params: { threadId: string; userId: string; lastReadMessageId: number; /** The database's clock when absent. */ at?: Date | undefined },
): Promise<boolean> {
  const readAt = params.at ? sql`${params.at.toISOString()}::timestamptz` : sql`now()`;
  const rows = await queryRows<{ thread_id: string }>(
    tx,
    sql`insert into ${messageReads} (thread_id, user_id, last_read_message_id, read_at)
        values (${params.threadId}, ${params.userId}, ${params.lastReadMessageId}, ${readAt})
        on conflict (thread_id, user_id) do update
          set last_read_message_id = excluded.last_read_message_id, read_at = excluded.read_at
          where ${messageReads}.last_read_message_id < excluded.last_read_message_id
        returning thread_id`,
  );
  return rows.length > 0;
}

export interface ThreadReader {
  userId: string;
  name: string;
  role: string;
  lastReadMessageId: number;
}

/** Who has read how far in a thread: read receipts are "readers whose position ≥ message id". */
export async function listThreadReaders(db: Database, threadId: string): Promise<ThreadReader[]> {
  const rows = await db
    .select({ userId: messageReads.userId, name: users.name, role: users.role, lastReadMessageId: messageReads.lastReadMessageId })
    .from(messageReads)
    .innerJoin(users, eq(users.id, messageReads.userId))
    .where(eq(messageReads.threadId, threadId))
    .orderBy(users.name);
  return rows as ThreadReader[];
}

export async function insertMentions(tx: Database, rows: { messageId: number; userId: string; patientId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(messageMentions).values(rows).onConflictDoNothing();
}

export interface MessagingParticipant {
  userId: string;
  name: string;
  /** null for the patient. */
  discipline: "pain_physician" | "physical_therapist" | "occupational_therapist" | "psychologist" | null;
}

/** The active care team and the patient's own account: everyone who can be in a patient's threads. */
export async function listMessagingParticipants(db: Database, patientId: string): Promise<MessagingParticipant[]> {
  const team = await db
    .select({ userId: careTeamMembers.clinicianId, name: users.name, discipline: careTeamMembers.discipline })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.clinicianId))
    .where(and(eq(careTeamMembers.patientId, patientId), eq(users.active, true)));
  const patient = await db
    .select({ userId: users.id, name: users.name })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.userId))
    .where(and(eq(patients.id, patientId), eq(users.active, true)));
  return [...team, ...patient.map((p) => ({ ...p, discipline: null }))] as MessagingParticipant[];
}
