import { refusalIssues } from "~/components/field-errors";
import type { FieldErrors } from "./form-kit";

/** The parts one Save may send, in the order the domain applies them: details first, the status last. */
export type EditPart = "details" | "dose" | "status";

/** Where a validation issue's path, inside one part of the edit, lands on the item's form. */
const CONTROL: Record<EditPart, Record<string, string>> = {
  details: { note: "note", nextReviewDate: "nextReviewDate", responsibleClinicianId: "responsibleClinicianId" },
  dose: { "entry.to": "to", "entry.reason": "doseReason" },
  status: { to: "status", reason: "statusReason" },
};
/** A domain refusal of a whole part goes beside the part's main control. */
const PART_CONTROL: Record<EditPart, string> = { details: "form", dose: "to", status: "status" };

/**
 * The server's refusal of an item edit as messages keyed by the form's control names, in plain
 * words. `parts` is what the form sent at each index of `command.changes`, so
 * "command.changes.1.entry.to: Enter the dose as a number." lands on the new-dose field.
 */
export function fieldsOfRefusal(error: unknown, parts: readonly EditPart[]): FieldErrors {
  const { message, issues, details } = refusalIssues(error);
  const found: FieldErrors = {};
  for (const issue of issues) {
    const match = issue.path ? /^command\.changes\.(\d+)\.(.+)$/.exec(issue.path) : null;
    const part = match ? parts[Number(match[1])] : undefined;
    const control = part && match?.[2] ? (CONTROL[part][match[2]] ?? PART_CONTROL[part]) : "form";
    found[control] = found[control] ? `${found[control]} ${issue.message}` : issue.message;
  }
  if (issues.length === 0) found.form = message;
  const partIndex = typeof details?.part === "number" ? details.part : null;
  const part = partIndex !== null ? parts[partIndex] : undefined;
  if (part && found.form) {
    const field = typeof details?.field === "string" ? details.field : null;
    const control = field && field in CONTROL[part] ? (CONTROL[part][field] ?? PART_CONTROL[part]) : part === "status" && /reason/i.test(found.form) ? "statusReason" : PART_CONTROL[part];
    if (control !== "form") {
      found[control] = found.form;
      delete found.form;
    }
  }
  return found;
}
