import type { Actor } from "@concord/domain";
import { type Database, countUnreadNotifications, listNotifications, markNotificationsRead, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/** One's own notification centre, newest first. Titles name patients, so each patient named gets an audit row. */
export async function listNotificationPage(db: Database, actor: Actor, audit: ProcedureAudit, input: { before?: number | undefined; unreadOnly?: boolean | undefined; limit: number }) {
  const page = await listNotifications(db, { userId: actor.userId, before: input.before, unreadOnly: input.unreadOnly, limit: input.limit });
  await writeAuditForPatients(db, { ...audit, detail: { permission: "notification.read" } }, page.items.flatMap((n) => (n.patientId ? [n.patientId] : [])));
  return {
    items: page.items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, createdAt: n.createdAt, readAt: n.readAt })),
    nextBefore: page.nextBefore,
  };
}

/** The number on the bell: counts only, no patient named. */
export async function countUnread(db: Database, actor: Actor) {
  return { unread: await countUnreadNotifications(db, actor.userId) };
}

/** Marks some of one's own notifications read (another person's ids change nothing). */
export async function markOwnNotificationsRead(db: Database, actor: Actor, input: { ids?: number[] | undefined }) {
  return { marked: await markNotificationsRead(db, { userId: actor.userId, ids: input.ids }) };
}
