import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  createThreadInput,
  deleteMessageInput,
  editMessageInput,
  lastEventIdInput,
  markThreadReadInput,
  messageId,
  messageListInput,
  postMessageInput,
  threadIdInput,
  threadListInput,
} from "@concord/domain";
import { getMessagesByIds, inOrder, listMessageEdits, listMessages, listThreadReaders, listThreads } from "@concord/db";
import { checkedEvent } from "../outputs/events";
import { patientEventStream } from "../realtime/patient-stream";
import { createThread } from "../use-cases/create-thread";
import { changeOwnMessage } from "../use-cases/edit-message";
import { loadVisibleThread, personLabel, visibleSpaces } from "../use-cases/message-access";
import { markThreadReadUpTo } from "../use-cases/mark-thread-read";
import { postMessage, threadParticipants } from "../use-cases/post-message";
import { patientProcedure } from "../trpc";
import { messageChangedOutput, messageHistoryOutput, messagePageOutput, messagePostedOutput, threadCreatedOutput, threadListOutput, threadOutput, messagingEventOutput, threadReadOutput } from "../outputs/messaging";

export const messagingRouter = {
  /** Threads in the caller's spaces with their unread counts; a patient's list has no team threads at all. */
  threads: patientProcedure("thread.list")
    .input(threadListInput.extend({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).default(50) }))
    .output(threadListOutput)
    .query(async ({ ctx, input }) => {
      const allowed = visibleSpaces(ctx.actor, ctx.scope.facts);
      const spaces = input.space ? allowed.filter((s) => s === input.space) : allowed;
      if (spaces.length === 0) return { spaces: allowed, items: [], nextCursor: null };
      const page = await listThreads(ctx.db, { patientId: ctx.scope.patientId, spaces, viewerId: ctx.actor.userId, cursor: input.cursor, limit: input.limit });
      return { spaces: allowed, ...page };
    }),

  createThread: patientProcedure("thread.create")
    .input(createThreadInput)
    .output(threadCreatedOutput)
    .mutation(({ ctx, input }) => createThread(ctx.db, ctx.actor, ctx.actorName, ctx.scope, input)),

  /** One thread's header: topic, space, who is in it (for mentions) and how far each has read. */
  thread: patientProcedure("message.read")
    .input(threadIdInput)
    .output(threadOutput)
    .query(async ({ ctx, input }) => {
      const thread = await loadVisibleThread(ctx.db, ctx.actor, ctx.scope, input.threadId);
      const [participants, readers] = await inOrder([
        () => threadParticipants(ctx.db, ctx.scope.patientId, thread.space),
        () => listThreadReaders(ctx.db, thread.id),
      ] as const);
      const inThread = new Set(participants.map((p) => p.userId));
      return {
        id: thread.id,
        title: thread.title,
        space: thread.space,
        lastMessageId: thread.lastMessageId,
        participants: participants.map((p) => ({ userId: p.userId, name: p.name, discipline: p.discipline })),
        // Someone who has left the team keeps no visible receipt in a thread they can no longer see.
        readers: readers
          .filter((r) => inThread.has(r.userId))
          .map((r) => ({ userId: r.userId, label: personLabel(r.name, r.role), lastReadMessageId: r.lastReadMessageId })),
      };
    }),

  /** Newest first, by key; pass the oldest id you have as `before` for the next page. */
  messages: patientProcedure("message.read")
    .input(messageListInput)
    .output(messagePageOutput)
    .query(async ({ ctx, input }) => {
      const thread = await loadVisibleThread(ctx.db, ctx.actor, ctx.scope, input.threadId);
      return listMessages(ctx.db, { threadId: thread.id, before: input.before, limit: input.limit });
    }),

  /** Earlier versions of a message (edits and the deletion), oldest first; a deleted message's carry no words. */
  history: patientProcedure("message.read")
    .input(z.object({ messageId }))
    .output(messageHistoryOutput)
    .query(async ({ ctx, input }) => {
      const [message] = await getMessagesByIds(ctx.db, { patientId: ctx.scope.patientId, spaces: visibleSpaces(ctx.actor, ctx.scope.facts), ids: [input.messageId] });
      if (!message) throw new TRPCError({ code: "NOT_FOUND", message: "This message was not found, or you do not have access to it." });
      const edits = await listMessageEdits(ctx.db, message.id);
      return edits.map((e) => ({ action: e.action, previousBody: e.previousBody, previousVersion: e.previousVersion, at: e.at }));
    }),

  post: patientProcedure("message.post")
    .input(postMessageInput)
    .output(messagePostedOutput)
    .mutation(({ ctx, input }) => postMessage(ctx.db, ctx.actor, ctx.actorName, ctx.scope, input)),

  edit: patientProcedure("message.post")
    .input(editMessageInput)
    .output(messageChangedOutput)
    .mutation(({ ctx, input }) => changeOwnMessage(ctx.db, ctx.actor, ctx.scope, { ...input, action: "edit" })),

  delete: patientProcedure("message.post")
    .input(deleteMessageInput)
    .output(messageChangedOutput)
    .mutation(({ ctx, input }) => changeOwnMessage(ctx.db, ctx.actor, ctx.scope, { ...input, action: "delete" })),

  markRead: patientProcedure("message.read")
    .input(markThreadReadInput)
    .output(threadReadOutput)
    .mutation(({ ctx, input }) => markThreadReadUpTo(ctx.db, ctx.actor, ctx.scope, input)),

  /**
   * Live events for this patient's conversations (SSE). Resumes after `lastEventId`, which the
   * client sends back on reconnect; each event is re-authorized for this receiver.
   */
  events: patientProcedure("message.read")
    .meta({ permission: "message.read", events: messagingEventOutput })
    .input(lastEventIdInput)
    .subscription(async function* ({ ctx, input, signal, path }) {
      if (!ctx.events) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Live updates are not available here." });
      const stream = patientEventStream({ db: ctx.db, bus: ctx.events, actor: ctx.actor, sessionId: ctx.sessionId, scope: ctx.scope, lastEventId: input.lastEventId, signal });
      // Each event passes its schema on the way out, as a query's answer does: nothing unnamed is sent.
      for await (const [id, data] of stream) yield checkedEvent(messagingEventOutput, path, id, data);
    }),
} satisfies TRPCRouterRecord;
