import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { AuditFilter, AuditOutcome } from "@concord/domain";
import { type Database, queryRows } from "../client";
import { auditEvents, deletedMessageArchive, messageThreads, patients, users } from "../schema/index";
import { decodeCursor, keysetPage } from "./cursor";

export interface AuditSearchRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: AuditOutcome;
  patientId: string | null;
  patientName: string | null;
  detail: Record<string, unknown> | null;
}

const idCursor = z.tuple([z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)]);

function filterConditions(filter: AuditFilter, timeZone: string): SQL[] {
  const where: SQL[] = [];
  if (filter.patientId) where.push(sql`a.patient_id = ${filter.patientId}`);
  if (filter.actorId) where.push(sql`a.actor_id = ${filter.actorId}`);
  if (filter.outcome) where.push(sql`a.outcome = ${filter.outcome}`);
  if (filter.action) {
    if (filter.action.endsWith("*")) {
      // The domain allows only letters, digits, "." "_" "-" before the "*": escape LIKE's "_".
      const prefix = filter.action.slice(0, -1).replace(/_/g, "\\_");
      where.push(sql`a.action like ${`${prefix}%`}`);
    } else where.push(sql`a.action = ${filter.action}`);
  }
  // Calendar days in the clinic's zone, both ends included.
  if (filter.from) where.push(sql`a.at >= (${filter.from}::date)::timestamp at time zone ${timeZone}`);
  if (filter.to) where.push(sql`a.at < (${filter.to}::date + 1)::timestamp at time zone ${timeZone}`);
  return where;
}

/**
 * The audit log, newest first, filtered; keyset pages on the row id (ids only grow). Names come from
 * the accounts and patient directory; nothing else is joined, so a search shows only what audit rows
 * hold.
 */
export async function searchAudit(
  db: Database,
  params: { filter: AuditFilter; timeZone: string; cursor?: string | undefined; limit: number },
): Promise<{ items: AuditSearchRow[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, idCursor);
  const where = filterConditions(params.filter, params.timeZone);
  if (after) where.push(sql`a.id < ${after[0]}`);
  const rows = await queryRows<{
    id: string | number;
    at: string;
    actor_id: string | null;
    actor_name: string | null;
    actor_role: string | null;
    action: string;
    outcome: AuditSearchRow["outcome"];
    patient_id: string | null;
    patient_name: string | null;
    detail: Record<string, unknown> | string | null;
  }>(
    db,
    sql`select a.id, a.at::text as at, a.actor_id, u.name as actor_name, a.actor_role, a.action, a.outcome, a.patient_id, p.name as patient_name, a.detail
        from ${auditEvents} a
        left join ${users} u on u.id = a.actor_id
        left join ${patients} p on p.id = a.patient_id
        ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
        order by a.id desc
        limit ${params.limit + 1}`,
  );
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [Number(last.id)]);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      action: r.action,
      outcome: r.outcome,
      patientId: r.patient_id,
      patientName: r.patient_name,
      detail: typeof r.detail === "string" ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    })),
    nextCursor,
  };
}

/** Staff and patients by name, for the audit filters: identities only, no clinical content. */
export async function auditDirectory(db: Database) {
  const [staff, people] = [
    await db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(sql`${users.role} <> 'patient'`).orderBy(users.name, users.id),
    await db.select({ id: patients.id, name: patients.name, dateOfBirth: patients.dateOfBirth }).from(patients).orderBy(patients.name, patients.id),
  ];
  return { staff, patients: people };
}

export interface DeletedMessageRow {
  id: number;
  messageId: number;
  patientId: string;
  patientName: string;
  threadTitle: string;
  authorName: string;
  deletedByName: string | null;
  body: string;
  versions: Array<{ version: number; body: string; replacedAt: string }>;
  messageCreatedAt: Date;
  deletedAt: Date;
}

/** The deleted-message archive, newest deletion first, for the compliance officer only; keyset on id. */
export async function listDeletedMessages(
  db: Database,
  params: { patientId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: DeletedMessageRow[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, idCursor);
  const where: SQL[] = [];
  if (params.patientId) where.push(sql`d.patient_id = ${params.patientId}`);
  if (after) where.push(sql`d.id < ${after[0]}`);
  const rows = await queryRows<{
    id: string | number;
    message_id: string | number;
    patient_id: string;
    patient_name: string;
    thread_title: string;
    author_name: string;
    deleted_by_name: string | null;
    body: string;
    versions: DeletedMessageRow["versions"] | string;
    message_created_at: string;
    deleted_at: string;
  }>(
    db,
    sql`select d.id, d.message_id, d.patient_id, p.name as patient_name, t.title as thread_title, au.name as author_name, du.name as deleted_by_name,
               d.body, d.versions, d.message_created_at::text as message_created_at, d.deleted_at::text as deleted_at
        from ${deletedMessageArchive} d
        join ${patients} p on p.id = d.patient_id
        join ${messageThreads} t on t.id = d.thread_id
        join ${users} au on au.id = d.author_id
        left join ${users} du on du.id = d.deleted_by
        ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
        order by d.id desc
        limit ${params.limit + 1}`,
  );
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [Number(last.id)]);
  return {
    items: page.map((r) => {
      const versions = typeof r.versions === "string" ? (JSON.parse(r.versions) as DeletedMessageRow["versions"]) : r.versions;
      return {
        id: Number(r.id),
        messageId: Number(r.message_id),
        patientId: r.patient_id,
        patientName: r.patient_name,
        threadTitle: r.thread_title,
        authorName: r.author_name,
        deletedByName: r.deleted_by_name,
        body: r.body,
        versions: versions.map((v) => ({ version: v.version, body: v.body, replacedAt: v.replacedAt })),
        messageCreatedAt: new Date(r.message_created_at),
        deletedAt: new Date(r.deleted_at),
      };
    }),
    nextCursor,
  };
}
