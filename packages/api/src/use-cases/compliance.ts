import { AUDIT_EXPORT_MAX_ROWS, type AuditFilter, type ClinicSettings, type EmergencyAccessReviewStatus, auditCsv, todayInZone } from "@concord/domain";
import {
  type AuditSearchRow,
  type Database,
  auditDirectory,
  listDeletedMessages,
  listEmergencyAccessesForReview,
  searchAudit,
  writeAudit,
  writeAuditForPatients,
} from "@concord/db";
import type { ProcedureAudit } from "../audit";

/** Filters as the audit row of a search records them (ids and words the officer typed, nothing else). */
function filterDetail(filter: AuditFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
}

/**
 * A search of the audit trail is itself on the record: one row saying what was searched for and how
 * much it showed (a security event: who looked for whom), and one row per patient the answer names.
 */
async function recordSearch(db: Database, audit: ProcedureAudit, detail: { permission: string } & Record<string, unknown>, rows: readonly AuditSearchRow[]) {
  await writeAudit(db, { ...audit, patientId: null, outcome: "allowed", detail });
  await writeAuditForPatients(db, { ...audit, detail: { permission: detail.permission } }, rows.flatMap((r) => (r.patientId ? [r.patientId] : [])));
}

/** A page of the audit log: who searched for what, and how many rows it showed, is recorded too. */
export async function searchAuditLog(db: Database, audit: ProcedureAudit, settings: ClinicSettings, input: { filter: AuditFilter; cursor?: string | undefined; limit: number }) {
  const page = await searchAudit(db, { filter: input.filter, timeZone: settings.timeZone, cursor: input.cursor, limit: input.limit });
  await recordSearch(db, audit, { permission: "audit.search", filter: filterDetail(input.filter), rows: page.items.length, page: input.cursor ? "next" : "first" }, page.items);
  return { ...page, timeZone: settings.timeZone };
}

/**
 * The whole search as CSV, up to AUDIT_EXPORT_MAX_ROWS rows (read page by page on the same keyset);
 * `truncated` says when there was more. The export is recorded with its filters and row count.
 */
export async function exportAuditLog(db: Database, audit: ProcedureAudit, settings: ClinicSettings, filter: AuditFilter) {
  const rows: AuditSearchRow[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await searchAudit(db, { filter, timeZone: settings.timeZone, cursor, limit: 500 });
    rows.push(...page.items);
    if (rows.length >= AUDIT_EXPORT_MAX_ROWS) {
      truncated = rows.length > AUDIT_EXPORT_MAX_ROWS || page.nextCursor !== null;
      rows.length = AUDIT_EXPORT_MAX_ROWS;
      break;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  await recordSearch(db, audit, { permission: "audit.export", filter: filterDetail(filter), rows: rows.length, truncated }, rows);
  const csv = auditCsv(rows.map((r) => ({ ...r, at: r.at.toISOString() })));
  return { csv, rows: rows.length, truncated, filename: `concord-audit-${todayInZone(settings.timeZone)}.csv` };
}

/** Staff and patients by name, for the search filters; no clinical content. */
export function readAuditDirectory(db: Database) {
  return auditDirectory(db);
}

/** The deleted-message archive; each patient whose messages a page shows gets an audit row. */
export async function readDeletedMessages(db: Database, audit: ProcedureAudit, input: { patientId?: string | undefined; cursor?: string | undefined; limit: number }) {
  const page = await listDeletedMessages(db, input);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "deletedMessage.read", rows: page.items.length } }, page.items.map((m) => m.patientId));
  return page;
}

/** The emergency-access review list; each patient a page names (with the reason given) gets an audit row. */
export async function readEmergencyAccessReviews(db: Database, audit: ProcedureAudit, input: { status: EmergencyAccessReviewStatus; cursor?: string | undefined; limit: number }) {
  const page = await listEmergencyAccessesForReview(db, input);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "emergencyAccess.reviewList", status: input.status } }, page.items.map((a) => a.patientId));
  return page;
}
