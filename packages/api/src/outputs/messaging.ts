import { z } from "zod";
import { MESSAGE_CHANGE_ACTIONS, MESSAGE_EVENT_KINDS, REFERENCE_KINDS, THREAD_SPACES } from "@concord/domain";
import { disciplineOutput } from "./shared";

const spaceOutput = z.enum(THREAD_SPACES);

export const threadListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      space: spaceOutput,
      title: z.string(),
      createdAt: z.date(),
      lastMessageAt: z.date(),
      lastMessageId: z.number().int().nullable(),
      createdByName: z.string(),
      unread: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
  spaces: z.array(spaceOutput),
});

export const threadCreatedOutput = z.object({ threadId: z.string(), messageId: z.number().int() });

export const threadOutput = z.object({
  id: z.string(),
  title: z.string(),
  space: spaceOutput,
  lastMessageId: z.number().int().nullable(),
  participants: z.array(z.object({ userId: z.string(), name: z.string(), discipline: disciplineOutput.nullable() })),
  readers: z.array(z.object({ userId: z.string(), label: z.string(), lastReadMessageId: z.number().int() })),
});

/** A message as a reader sees it; a deleted one keeps its place with no words (body null). */
export const messageOutput = z.object({
  id: z.number().int(),
  threadId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorRole: z.string(),
  body: z.string().nullable(),
  reference: z.object({ kind: z.enum(REFERENCE_KINDS), id: z.string(), label: z.string().optional() }).nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
});

export const messagePageOutput = z.object({ items: z.array(messageOutput), nextBefore: z.number().int().nullable() });

export const messageHistoryOutput = z.array(
  z.object({ action: z.enum(MESSAGE_CHANGE_ACTIONS), previousBody: z.string().nullable(), previousVersion: z.number().int(), at: z.date() }),
);

export const messagePostedOutput = z.object({ id: z.number().int(), threadId: z.string(), version: z.number().int() });
export const messageChangedOutput = z.object({ id: z.number().int(), version: z.number().int() });
export const threadReadOutput = z.object({ moved: z.boolean() });

/** One live event of a patient's conversations (messaging.events); every yielded event is parsed with this. */
export const messagingEventOutput = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(MESSAGE_EVENT_KINDS).exclude(["message.read"]), threadId: z.string(), message: messageOutput }),
  z.object({ kind: z.literal("message.read"), threadId: z.string() }),
]);
