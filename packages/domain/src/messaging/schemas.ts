import { z } from "zod";
import { INT4_MAX, safeString } from "../text";
import { uuid } from "../patients";
import { MESSAGE_MAX, THREAD_SPACES, TITLE_MAX, TITLE_MIN } from "./limits";

// The browser-safe parts live in ./limits; re-exported so this stays the place to import them from.
export * from "./limits";

export const threadSpaceSchema = z.enum(THREAD_SPACES, { error: "Choose the team space or the space shared with the patient." });

export const messageBody = safeString({ error: "Write a message." })
  .trim()
  .min(1, "Write a message before sending.")
  .max(MESSAGE_MAX, `The message is too long (at most ${MESSAGE_MAX} characters).`);

export const threadTitle = safeString({ error: "Give the thread a topic." })
  .trim()
  .min(TITLE_MIN, `The topic is too short (at least ${TITLE_MIN} characters).`)
  .max(TITLE_MAX, `The topic is too long (at most ${TITLE_MAX} characters).`);

export const REFERENCE_KINDS = ["plan_item", "goal", "check_in", "alert"] as const;
export type MessageReferenceKind = (typeof REFERENCE_KINDS)[number];
export const messageReferenceSchema = z.object({
  kind: z.enum(REFERENCE_KINDS, { error: "A message can refer to a plan item, a goal, a check-in or an alert." }),
  id: safeString().trim().min(1, "The referenced item is missing.").max(100, "The referenced item is not valid."),
});
export type MessageReferenceInput = z.infer<typeof messageReferenceSchema>;

/** Message ids are bigserial numbers; over the wire they stay numbers (well within 2^53). */
export const messageId = z.number({ error: "This message identifier is not valid." }).int().positive().max(Number.MAX_SAFE_INTEGER, { error: "This message identifier is not valid." });

export const threadListInput = z.object({
  space: threadSpaceSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const createThreadInput = z.object({
  space: threadSpaceSchema,
  title: threadTitle,
  body: messageBody,
  reference: messageReferenceSchema.optional(),
});

export const threadIdInput = z.object({ threadId: uuid });

export const messageListInput = z.object({
  threadId: uuid,
  /** Keyset cursor: load messages older than this id. */
  before: messageId.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

/** One message, for its history of edits. */
export const messageHistoryInput = z.object({ messageId });

export const postMessageInput = z.object({ threadId: uuid, body: messageBody, reference: messageReferenceSchema.optional() });

/** What a patient's conversation stream carries: a message was posted or changed, or someone read up to one. */
export const MESSAGE_EVENT_KINDS = ["message.created", "message.updated", "message.read"] as const;
export type MessageEventKind = (typeof MESSAGE_EVENT_KINDS)[number];

/** What an author may do to their own message; the history keeps a row for each. */
export const MESSAGE_CHANGE_ACTIONS = ["edit", "delete"] as const;
export type MessageChangeAction = (typeof MESSAGE_CHANGE_ACTIONS)[number];

/** The version the author was editing; a newer one means someone (another tab) changed it first. */
const expectedMessageVersion = z.number().int().positive().max(INT4_MAX, { error: "The version being edited is not valid." });

export const editMessageInput = z.object({ messageId, body: messageBody, expectedVersion: expectedMessageVersion });

export const deleteMessageInput = z.object({ messageId, expectedVersion: expectedMessageVersion });

export const markThreadReadInput = z.object({ threadId: uuid, lastReadMessageId: messageId });

/** tRPC adds `lastEventId` when a subscription reconnects; it is the last tracked event we sent. */
export const lastEventIdInput = z.object({ lastEventId: z.string().regex(/^\d{1,18}$/).nullish() });

/** What a notification in someone's notification centre is about. */
export const NOTIFICATION_KINDS = ["message", "mention", "plan_change", "alert", "patient_question", "unrouted_alert", "emergency_access"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationListInput = z.object({
  before: messageId.optional(),
  unreadOnly: z.boolean().optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const markNotificationsReadInput = z.object({
  /** Absent: mark all as read. */
  ids: z.array(messageId).min(1).max(200).optional(),
});
