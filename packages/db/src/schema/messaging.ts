import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { MESSAGE_CHANGE_ACTIONS, MESSAGE_EVENT_KINDS, type MessageReferenceKind, NOTIFICATION_KINDS, THREAD_SPACES } from "@concord/domain";
import { patients, users } from "./core";
export interface MessageReference {
  kind: MessageReferenceKind;
  id: string;
  /** Resolved when posted, so a page of messages needs no lookup per reference. */
  label?: string;
}

/**
 * A topic thread on one patient. `space` decides who sees it: "team" is the care team only,
 * "patient" also includes the patient. The space never changes after creation, so a message can
 * never move from the team's eyes to the patient's.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    space: text("space", { enum: THREAD_SPACES }).notNull(),
    title: text("title").notNull(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageId: bigint("last_message_id", { mode: "number" }),
  },
  (t) => [index("message_threads_patient_idx").on(t.patientId, t.space, t.lastMessageAt, t.id)],
);

/**
 * Messages: bigserial ids give a total order per thread, so history pages by key on
 * (thread_id, id DESC). Edits bump `version` and copy the previous body into message_edits.
 * Delete leaves a tombstone (deleted_at) with no words: body and reference become null and the text
 * moves to deleted_message_archive (a CHECK in 0011 keeps a deleted row free of text).
 */
export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    threadId: uuid("thread_id").notNull().references(() => messageThreads.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    /** null only once deleted. */
    body: text("body"),
    reference: jsonb("reference").$type<MessageReference>(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("messages_thread_id_idx").on(t.threadId, t.id.desc())],
);

/**
 * Append-only history of edits and deletions (a trigger rejects UPDATE/DELETE/TRUNCATE), with one
 * exception: when a message is deleted its earlier bodies are redacted to null here, and the trigger
 * allows exactly that (previous_body to null, nothing else, only once the words are in the archive).
 * A "delete" row never carries text.
 */
export const messageEdits = pgTable(
  "message_edits",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: bigint("message_id", { mode: "number" }).notNull().references(() => messages.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    editorId: uuid("editor_id").notNull().references(() => users.id),
    action: text("action", { enum: MESSAGE_CHANGE_ACTIONS }).notNull(),
    /** null once the message is deleted (the words are then only in deleted_message_archive). */
    previousBody: text("previous_body"),
    previousVersion: integer("previous_version").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_edits_message_idx").on(t.messageId, t.id)],
);

export interface ArchivedMessageVersion {
  version: number;
  body: string;
  /** When this version was replaced (by an edit or the deletion), and by whom. */
  replacedAt: string;
  replacedBy: string;
}

/**
 * The words of deleted messages, for compliance only: append-only (a trigger rejects UPDATE, DELETE
 * and TRUNCATE). Its one reader is `listDeletedMessages` (queries/compliance.ts), behind the
 * compliance officer's `deletedMessage.read` permission, and every such read is audited. `body` is the text at deletion and `versions` every
 * earlier body (oldest first): once message_edits is redacted this is the only copy.
 */
export const deletedMessageArchive = pgTable(
  "deleted_message_archive",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: bigint("message_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => messages.id),
    threadId: uuid("thread_id").notNull().references(() => messageThreads.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    /** null only for rows moved here by migration 0011 from a deletion that recorded no one. */
    deletedBy: uuid("deleted_by").references(() => users.id),
    body: text("body").notNull(),
    reference: jsonb("reference").$type<MessageReference>(),
    versions: jsonb("versions").$type<ArchivedMessageVersion[]>().notNull(),
    messageCreatedAt: timestamp("message_created_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deleted_message_archive_patient_idx").on(t.patientId, t.id)],
);

/** Per person and thread: the newest message they have read (unread counts and read receipts). */
export const messageReads = pgTable(
  "message_reads",
  {
    threadId: uuid("thread_id").notNull().references(() => messageThreads.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    lastReadMessageId: bigint("last_read_message_id", { mode: "number" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("message_reads_user_idx").on(t.userId)],
);

export const messageMentions = pgTable(
  "message_mentions",
  {
    messageId: bigint("message_id", { mode: "number" }).notNull().references(() => messages.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index("message_mentions_user_idx").on(t.userId, t.messageId)],
);

/** One person's notification centre. Keyset-paged on (user_id, id DESC); unread has a partial index. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id),
    patientId: uuid("patient_id").references(() => patients.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull(),
    link: text("link").notNull(),
    ref: jsonb("ref").$type<Record<string, string | number>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id.desc()),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Who may receive a real-time event: the care team, the team and the patient, or one person. */
export const REALTIME_AUDIENCES = ["team", "all", "user"] as const;
export type RealtimeAudience = (typeof REALTIME_AUDIENCES)[number];
/** What a real-time event says happened: a conversation event, a notification for one person, or a care-plan change (team only). */
export const REALTIME_EVENT_KINDS = [...MESSAGE_EVENT_KINDS, "notification", "plan.updated"] as const;
export type RealtimeEventKind = (typeof REALTIME_EVENT_KINDS)[number];

/**
 * Append-only log of what happened, the source of truth for real-time delivery: NOTIFY only says
 * "look at event N"; a reconnecting client resumes with "events after N", each re-authorized.
 * audience "team": the care team; "all": the team and the patient; "user": only `user_id`.
 */
export const realtimeEvents = pgTable(
  "realtime_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    patientId: uuid("patient_id").references(() => patients.id),
    audience: text("audience", { enum: REALTIME_AUDIENCES }).notNull(),
    userId: uuid("user_id").references(() => users.id),
    kind: text("kind", { enum: REALTIME_EVENT_KINDS }).notNull(),
    threadId: uuid("thread_id"),
    messageId: bigint("message_id", { mode: "number" }),
    notificationId: bigint("notification_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("realtime_events_patient_idx").on(t.patientId, t.id), index("realtime_events_user_idx").on(t.userId, t.id)],
);
