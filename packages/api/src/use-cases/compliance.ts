import { AUDIT_EXPORT_MAX_ROWS, type Actor, type AuditFilter, type ClinicSettings, type EmergencyAccessReviewStatus, auditCsv, todayInZone } from "@concord/domain";
import { type AuditSearchRow, type Database, listDeletedMessages, listEmergencyAccessesForReview, searchAudit, writeAudit, writeAuditForPatients } from "@concord/db";

/** Filters as the audit row of a search records them (ids and words the officer typed, nothing else). */
function filterDetail(filter: AuditFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
}

/** A page of the audit log. The search is itself audited: who searched for what, and how many rows it showed. */
export async function searchAuditLog(db: Database, actor: Actor, settings: ClinicSettings, input: { filter: AuditFilter; cursor?: string | undefined; limit: number }) {
  const page = await searchAudit(db, { filter: input.filter, timeZone: settings.timeZone, cursor: input.cursor, limit: input.limit });
  await writeAudit(db, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "compliance.auditLog",
    patientId: input.filter.patientId ?? null,
    outcome: "allowed",
    detail: { permission: "audit.search", filter: filterDetail(input.filter), rows: page.items.length, page: input.cursor ? "next" : "first" },
  });
  return { ...page, timeZone: settings.timeZone };
}

/**
 * The whole search as CSV, up to AUDIT_EXPORT_MAX_ROWS rows (read page by page on the same keyset);
 * `truncated` says when there was more. The export is audited with its filters and row count.
 */
export async function exportAuditLog(db: Database, actor: Actor, settings: ClinicSettings, filter: AuditFilter) {
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
  await writeAudit(db, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "compliance.exportAudit",
    patientId: filter.patientId ?? null,
    outcome: "allowed",
    detail: { permission: "audit.export", filter: filterDetail(filter), rows: rows.length, truncated },
  });
  const csv = auditCsv(rows.map((r) => ({ ...r, at: r.at.toISOString() })));
  return { csv, rows: rows.length, truncated, filename: `concord-audit-${todayInZone(settings.timeZone)}.csv` };
}

/** The deleted-message archive; each patient whose messages a page shows gets an audit row. */
export async function readDeletedMessages(db: Database, actor: Actor, input: { patientId?: string | undefined; cursor?: string | undefined; limit: number }) {
  const page = await listDeletedMessages(db, input);
  await writeAuditForPatients(
    db,
    { actorId: actor.userId, actorRole: actor.role, action: "compliance.deletedMessages", detail: { permission: "deletedMessage.read", rows: page.items.length } },
    page.items.map((m) => m.patientId),
  );
  return page;
}

/** The emergency-access review list; each patient a page names (with the reason given) gets an audit row. */
export async function readEmergencyAccessReviews(db: Database, actor: Actor, input: { status: EmergencyAccessReviewStatus; cursor?: string | undefined; limit: number }) {
  const page = await listEmergencyAccessesForReview(db, input);
  await writeAuditForPatients(
    db,
    { actorId: actor.userId, actorRole: actor.role, action: "compliance.emergencyAccesses", detail: { permission: "emergencyAccess.reviewList", status: input.status } },
    page.items.map((a) => a.patientId),
  );
  return page;
}
