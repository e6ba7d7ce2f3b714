import { z } from "zod";
import { NOTIFICATION_KINDS } from "@concord/domain";

export const notificationPageOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(NOTIFICATION_KINDS),
      title: z.string(),
      link: z.string(),
      createdAt: z.date(),
      readAt: z.date().nullable(),
    }),
  ),
  nextBefore: z.number().int().nullable(),
});

export const unreadCountOutput = z.object({ unread: z.number().int() });
export const notificationsMarkedOutput = z.object({ marked: z.number().int() });

/** One live event of notifications.events: the fresh unread count; every yielded event is parsed with this. */
export const notificationEventOutput = unreadCountOutput;
