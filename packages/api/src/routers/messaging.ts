import type { TRPCRouterRecord } from "@trpc/server";
import {
  createThreadInput,
  deleteMessageInput,
  editMessageInput,
  lastEventIdInput,
  markThreadReadInput,
  messageHistoryInput,
  messageListInput,
  postMessageInput,
  threadIdInput,
  threadListInput,
} from "@concord/domain";
import { checkedEvents } from "../outputs/events";
import { messageChangedOutput, messageHistoryOutput, messagePageOutput, messagePostedOutput, messagingEventOutput, threadCreatedOutput, threadListOutput, threadOutput, threadReadOutput } from "../outputs/messaging";
import { patientEventStream } from "../realtime/patient-stream";
import { patientProcedure } from "../trpc";
import { createThread } from "../use-cases/create-thread";
import { changeOwnMessage } from "../use-cases/edit-message";
import { markThreadReadUpTo } from "../use-cases/mark-thread-read";
import { postMessage } from "../use-cases/post-message";
import { listThreadMessages, listVisibleThreads, readMessageHistory, readThread } from "../use-cases/read-conversations";

export const messagingRouter = {
  /** Threads in the caller's spaces with their unread counts; a patient's list has no team threads at all. */
  threads: patientProcedure("thread.list")
    .input(threadListInput)
    .output(threadListOutput)
    .query(({ ctx, input }) => listVisibleThreads(ctx.db, ctx.actor, ctx.scope, input)),

  createThread: patientProcedure("thread.create")
    .input(createThreadInput)
    .output(threadCreatedOutput)
    .mutation(({ ctx, input }) => createThread(ctx.db, ctx.actor, ctx.actorName, ctx.scope, input)),

  /** One thread's header: topic, space, who is in it (for mentions) and how far each has read. */
  thread: patientProcedure("message.read")
    .input(threadIdInput)
    .output(threadOutput)
    .query(({ ctx, input }) => readThread(ctx.db, ctx.actor, ctx.scope, input.threadId)),

  /** Newest first, by key; pass the oldest id you have as `before` for the next page. */
  messages: patientProcedure("message.read")
    .input(messageListInput)
    .output(messagePageOutput)
    .query(({ ctx, input }) => listThreadMessages(ctx.db, ctx.actor, ctx.scope, input)),

  /** Earlier versions of a message (edits and the deletion), oldest first; a deleted message's carry no words. */
  history: patientProcedure("message.read")
    .input(messageHistoryInput)
    .output(messageHistoryOutput)
    .query(({ ctx, input }) => readMessageHistory(ctx.db, ctx.actor, ctx.scope, input.messageId)),

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
   * client sends back on reconnect; each event is re-authorized for this receiver and passes its
   * schema on the way out, as a query's answer does.
   */
  events: patientProcedure("message.read")
    .meta({ permission: "message.read", events: messagingEventOutput })
    .input(lastEventIdInput)
    .subscription(({ ctx, input, signal, path }) =>
      checkedEvents(
        messagingEventOutput,
        path,
        patientEventStream({ db: ctx.db, bus: ctx.events, actor: ctx.actor, sessionId: ctx.sessionId, scope: ctx.scope, lastEventId: input.lastEventId, signal }),
      ),
    ),
} satisfies TRPCRouterRecord;
