import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ThreadSpace } from "@concord/domain";
import type { Database } from "../client";
import { alerts, carePlanItems, messageThreads, messages, users } from "../schema/index";
import { OPEN_ITEM_STATUSES } from "./care-plan-items";

export interface RecentMessage {
  id: number;
  threadId: string;
  threadTitle: string;
  space: ThreadSpace;
  authorName: string;
  authorRole: string;
  body: string | null;
  createdAt: Date;
}

/**
 * The newest messages of a patient across the threads of the given spaces (the caller passes only the
 * spaces the viewer may see), deleted ones left out. One query: the thread and the author are joined.
 */
export async function listRecentMessagesForPatient(db: Database, params: { patientId: string; spaces: readonly ThreadSpace[]; limit: number }): Promise<RecentMessage[]> {
  if (params.spaces.length === 0) return [];
  const rows = await db
    .select({
      id: messages.id,
      threadId: messages.threadId,
      threadTitle: messageThreads.title,
      space: messageThreads.space,
      authorName: users.name,
      authorRole: users.role,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(messageThreads, and(eq(messageThreads.id, messages.threadId), eq(messageThreads.patientId, params.patientId)))
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.patientId, params.patientId), inArray(messageThreads.space, [...params.spaces]), isNull(messages.deletedAt)))
    .orderBy(desc(messages.id))
    .limit(params.limit);
  return rows.map((r) => ({ ...r, id: Number(r.id), space: r.space as ThreadSpace }));
}

/** The patient's open (unacknowledged) alerts, urgent first then newest, with the total of each severity. */
export async function listOpenAlertsForPatient(db: Database, params: { patientId: string; limit: number }) {
  const rows = await db
    .select({
      id: alerts.id,
      severity: alerts.severity,
      title: alerts.title,
      consider: alerts.consider,
      createdAt: alerts.createdAt,
      urgentTotal: sql<number>`(count(*) filter (where ${alerts.severity} = 'urgent') over ())::int`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(alerts)
    .where(and(eq(alerts.patientId, params.patientId), isNull(alerts.acknowledgedAt)))
    .orderBy(sql`case when ${alerts.severity} = 'urgent' then 0 else 1 end`, desc(alerts.createdAt), asc(alerts.id))
    .limit(params.limit);
  const first = rows[0];
  return {
    items: rows.map(({ urgentTotal: _u, total: _t, ...a }) => a),
    urgentTotal: first ? Number(first.urgentTotal) : 0,
    total: first ? Number(first.total) : 0,
  };
}

/** The open plan item due for review first (proposed, active or paused), or null. */
export async function nextItemReview(db: Database, patientId: string): Promise<{ itemId: string; name: string; date: string } | null> {
  const [row] = await db
    .select({ itemId: carePlanItems.itemId, name: carePlanItems.name, date: sql<string>`${carePlanItems.nextReviewDate}::text` })
    .from(carePlanItems)
    .where(and(eq(carePlanItems.patientId, patientId), inArray(carePlanItems.status, [...OPEN_ITEM_STATUSES]), sql`${carePlanItems.nextReviewDate} is not null`))
    .orderBy(asc(carePlanItems.nextReviewDate), asc(carePlanItems.itemId))
    .limit(1);
  return row ?? null;
}
