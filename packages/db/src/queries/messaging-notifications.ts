import type { NotificationKind } from "@concord/domain";
import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client";
import { careTeamMembers, patients } from "../schema/core";
import { notifications } from "../schema/messaging";
import { keysetSlice } from "./cursor";
import { emitRealtimeEvents } from "./messaging-events";

export interface NewNotifications {
  userIds: string[];
  patientId: string | null;
  kind: NotificationKind;
  /** Shown as-is in the notification centre. Write it for the receiver: a patient must never read team-only content here. */
  title: string;
  /** A path inside the portal, e.g. `/patients/<id>/plan`. */
  link: string;
  ref?: Record<string, string | number>;
  /** When it happened; the database's clock when absent. */
  createdAt?: Date | undefined;
}

/**
 * Creates notifications for people in the caller's transaction and tells their open sessions in
 * real time. Other features call this (e.g. "plan changed", "alert") with their own `tx`; the caller
 * decides who may receive it (use `careTeamUserIds`/`patientUserId` to address the team or patient).
 */
export async function createNotifications(tx: Database, input: NewNotifications): Promise<number[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  if (!input.link.startsWith("/")) throw new Error("A notification link must be a path inside the portal.");
  const rows = await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        patientId: input.patientId,
        kind: input.kind,
        title: input.title.slice(0, 300),
        link: input.link,
        ref: input.ref ?? null,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  await emitRealtimeEvents(
    tx,
    rows.map((r) => ({ patientId: input.patientId, audience: "user" as const, userId: r.userId, kind: "notification", notificationId: r.id })),
  );
  return rows.map((r) => r.id);
}

/** Active clinicians on the patient's care team (optionally without one of them, e.g. the author). */
export async function careTeamUserIds(db: Database, patientId: string, options: { except?: string } = {}): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select m.clinician_id as id from ${careTeamMembers} m join users u on u.id = m.clinician_id
        where m.patient_id = ${patientId} and u.active`,
  );
  return rows.map((r) => r.id).filter((id) => id !== options.except);
}

/** The patient's own account, if they have one. */
export async function patientUserId(db: Database, patientId: string): Promise<string | null> {
  const [row] = await db.select({ userId: patients.userId }).from(patients).where(eq(patients.id, patientId)).limit(1);
  return row?.userId ?? null;
}

/**
 * A notification about a patient is shown only while its owner may still see that patient: someone
 * taken off a care team must not keep reading the patient's news through old notifications.
 */
function stillEntitled(userId: string) {
  return sql`(${notifications.patientId} is null
    or exists (select 1 from ${careTeamMembers} m where m.patient_id = ${notifications.patientId} and m.clinician_id = ${userId})
    or exists (select 1 from ${patients} p where p.id = ${notifications.patientId} and p.user_id = ${userId}))`;
}

export async function countUnreadNotifications(db: Database, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.readAt} is null and ${stillEntitled(userId)}`,
  );
  return Number(row?.n ?? 0);
}


export type NotificationRow = typeof notifications.$inferSelect;

/** Newest first, keyset on id. */
export async function listNotifications(db: Database, params: { userId: string; before?: number | undefined; unreadOnly?: boolean; limit: number }) {
  const conditions = [eq(notifications.userId, params.userId), stillEntitled(params.userId)];
  if (params.before) conditions.push(lt(notifications.id, params.before));
  if (params.unreadOnly) conditions.push(isNull(notifications.readAt));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(params.limit + 1);
  const { items, next } = keysetSlice(rows, params.limit, (last) => last.id);
  return { items, nextBefore: next };
}

/** Marks the given notifications (or all) read; only the owner's rows match. */
export async function markNotificationsRead(db: Database, params: { userId: string; ids?: number[] | undefined }): Promise<number> {
  const conditions = [eq(notifications.userId, params.userId), isNull(notifications.readAt)];
  if (params.ids) conditions.push(inArray(notifications.id, params.ids));
  const rows = await db.update(notifications).set({ readAt: new Date() }).where(and(...conditions)).returning({ id: notifications.id });
  return rows.length;
}

export async function getNotificationsByIds(db: Database, userId: string, ids: number[]): Promise<NotificationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), stillEntitled(userId)));
}

/** Reading a thread also settles the reader's notifications about it. */
export async function markThreadNotificationsRead(db: Database, params: { userId: string; threadId: string; at?: Date | undefined }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: params.at ?? new Date() })
    .where(and(eq(notifications.userId, params.userId), isNull(notifications.readAt), sql`${notifications.ref}->>'threadId' = ${params.threadId}`))
    .returning({ id: notifications.id });
  return rows.length;
}
