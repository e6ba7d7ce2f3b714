import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { lastEventIdInput, markNotificationsReadInput, notificationListInput } from "@concord/domain";
import { countUnreadNotifications, listNotifications, markNotificationsRead, writeAudit } from "@concord/db";
import { checkedEvent } from "../outputs/events";
import { notificationStream } from "../realtime/notification-stream";
import { globalProcedure } from "../trpc";
import { notificationPageOutput, notificationEventOutput, notificationsMarkedOutput, unreadCountOutput } from "../outputs/notifications";

export const notificationsRouter = {
  /** One's own notification centre, newest first. Titles name patients, so the read is audited. */
  list: globalProcedure("notification.read")
    .input(notificationListInput)
    .output(notificationPageOutput)
    .query(async ({ ctx, input, path }) => {
      const page = await listNotifications(ctx.db, { userId: ctx.actor.userId, before: input.before, unreadOnly: input.unreadOnly, limit: input.limit });
      const patientIds = [...new Set(page.items.flatMap((n) => (n.patientId ? [n.patientId] : [])))];
      for (const patientId of patientIds) {
        await writeAudit(ctx.db, { actorId: ctx.actor.userId, actorRole: ctx.actor.role, action: path, patientId, outcome: "allowed", detail: { permission: "notification.read" } });
      }
      return {
        items: page.items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, createdAt: n.createdAt, readAt: n.readAt })),
        nextBefore: page.nextBefore,
      };
    }),

  unreadCount: globalProcedure("notification.read").output(unreadCountOutput).query(async ({ ctx }) => ({ unread: await countUnreadNotifications(ctx.db, ctx.actor.userId) })),

  markRead: globalProcedure("notification.read")
    .input(markNotificationsReadInput)
    .output(notificationsMarkedOutput)
    .mutation(async ({ ctx, input }) => ({ marked: await markNotificationsRead(ctx.db, { userId: ctx.actor.userId, ids: input.ids }) })),

  /** Live unread count (SSE), resumable by last event id. */
  events: globalProcedure("notification.read")
    .meta({ permission: "notification.read", events: notificationEventOutput })
    .input(lastEventIdInput)
    .subscription(async function* ({ ctx, input, signal, path }) {
      if (!ctx.events) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Live updates are not available here." });
      const stream = notificationStream({ db: ctx.db, bus: ctx.events, actor: ctx.actor, sessionId: ctx.sessionId, lastEventId: input.lastEventId, signal });
      for await (const [id, data] of stream) yield checkedEvent(notificationEventOutput, path, id, data);
    }),
} satisfies TRPCRouterRecord;
