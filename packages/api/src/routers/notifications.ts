import type { TRPCRouterRecord } from "@trpc/server";
import { lastEventIdInput, markNotificationsReadInput, notificationListInput } from "@concord/domain";
import { checkedEvents } from "../outputs/events";
import { notificationEventOutput, notificationPageOutput, notificationsMarkedOutput, unreadCountOutput } from "../outputs/notifications";
import { notificationStream } from "../realtime/notification-stream";
import { globalProcedure } from "../trpc";
import { countUnread, listNotificationPage, markOwnNotificationsRead } from "../use-cases/notification-centre";

export const notificationsRouter = {
  /** One's own notification centre, newest first. Titles name patients, so the read is audited per patient. */
  list: globalProcedure("notification.read")
    .input(notificationListInput)
    .output(notificationPageOutput)
    .query(({ ctx, input }) => listNotificationPage(ctx.db, ctx.actor, ctx.audit, input)),

  unreadCount: globalProcedure("notification.read").output(unreadCountOutput).query(({ ctx }) => countUnread(ctx.db, ctx.actor)),

  markRead: globalProcedure("notification.read")
    .input(markNotificationsReadInput)
    .output(notificationsMarkedOutput)
    .mutation(({ ctx, input }) => markOwnNotificationsRead(ctx.db, ctx.actor, input)),

  /** Live unread count (SSE), resumable by last event id. */
  events: globalProcedure("notification.read")
    .meta({ permission: "notification.read", events: notificationEventOutput })
    .input(lastEventIdInput)
    .subscription(({ ctx, input, signal, path }) =>
      checkedEvents(
        notificationEventOutput,
        path,
        notificationStream({ db: ctx.db, bus: ctx.events, actor: ctx.actor, sessionId: ctx.sessionId, lastEventId: input.lastEventId, signal }),
      ),
    ),
} satisfies TRPCRouterRecord;
