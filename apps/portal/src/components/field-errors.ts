import { TRPCClientError } from "@trpc/client";
import { errorMessage, issuesOf } from "~/components/error-message";

/**
 * Which form field a server refusal is about, so the message can sit next to that field: a domain
 * error names it in `details.field`; a validation error's message starts with "patient.phone: ".
 */
export function refusalOf(error: unknown): { field: string | null; message: string } {
  const message = errorMessage(error);
  if (error instanceof TRPCClientError) {
    const details = (error.data as { details?: { field?: unknown } } | undefined)?.details;
    if (typeof details?.field === "string") return { field: details.field, message };
    const issues = issuesOf(error.message);
    const [only] = issues;
    if (issues.length === 1 && only?.path) return { field: only.path, message: only.message };
  }
  return { field: null, message };
}

/**
 * Every issue of a refusal keyed by its path ("command.changes.1.entry.to"), plus the domain's
 * details; `message` is the whole refusal in plain words for when no field claims it.
 */
export function refusalIssues(error: unknown): { message: string; issues: { path: string | null; message: string }[]; details: Record<string, unknown> | null } {
  const message = errorMessage(error);
  if (!(error instanceof TRPCClientError)) return { message, issues: [], details: null };
  const details = (error.data as { details?: Record<string, unknown> } | undefined)?.details ?? null;
  return { message, issues: issuesOf(error.message), details };
}
