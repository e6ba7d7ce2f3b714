import { z } from "zod";
import { calendarDate } from "../dates/index";
import { uuid } from "../patients";
import { safeString } from "../text";

/** The outcomes an audit row records. */
export const AUDIT_OUTCOMES = ["allowed", "denied", "error"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Rows one CSV export holds at most; a larger search says so and asks for a narrower one. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/**
 * A compliance officer's audit-log search. Every filter is optional; `action` matches a procedure or
 * event name exactly, or by prefix when it ends in "*" ("carePlan.*"). Dates are calendar days in the
 * clinic's zone, both ends included.
 */
export const auditFilterSchema = z
  .object({
    patientId: uuid.optional(),
    actorId: uuid.optional(),
    action: safeString()
      .trim()
      .max(100, "The action is too long (at most 100 characters).")
      .regex(/^[A-Za-z0-9._-]*\*?$/, "Write an action such as carePlan.update, or a prefix ending in * such as carePlan.*")
      .optional(),
    outcome: z.enum(AUDIT_OUTCOMES, { error: "Choose allowed, denied or error." }).optional(),
    from: calendarDate({ label: "From" }).optional(),
    to: calendarDate({ label: "To" }).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The end date is before the start date.", path: ["to"] });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditSearchInput = z.object({
  filter: auditFilterSchema.prefault({}),
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditExportInput = z.object({ filter: auditFilterSchema.default({}) });

export interface AuditCsvRow {
  id: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  actorId: string | null;
  action: string;
  outcome: string;
  patientName: string | null;
  patientId: string | null;
  detail: unknown;
}

const CSV_COLUMNS = ["id", "at", "actor", "actor_role", "actor_id", "action", "outcome", "patient", "patient_id", "detail"] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed
 * with an apostrophe, so an exported name or reason can never execute in the reader's spreadsheet.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(rows: readonly AuditCsvRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [r.id, r.at, r.actorName, r.actorRole, r.actorId, r.action, r.outcome, r.patientName, r.patientId, r.detail ?? null].map(csvCell).join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export const deletedMessageListInput = z.object({
  patientId: uuid.optional(),
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
