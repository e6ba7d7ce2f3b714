import { TRPCError } from "@trpc/server";

/**
 * A server-side caller's BAD_REQUEST as messages per input field, so a page rendered on the server
 * can put each one next to its field. The procedure's input schema is the one home of the rules; its
 * issues carry the path (["filter", "to"]) and the message written for people.
 */
export interface Refusal {
  /** Message per field name (the last part of the issue's path). */
  fields: Record<string, string>;
  /** What belongs to no field of the form (a stale page link). */
  general: string | null;
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

function issuesOf(cause: unknown): IssueLike[] | null {
  const issues = (cause as { issues?: unknown } | null | undefined)?.issues;
  return Array.isArray(issues) ? (issues as IssueLike[]) : null;
}

/** The refusal when `error` is a bad request, else null (the caller rethrows). */
export function badRequestOf(error: unknown, formFields: readonly string[]): Refusal | null {
  if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") return null;
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  for (const issue of issuesOf(error.cause) ?? []) {
    const field = String(issue.path[issue.path.length - 1] ?? "");
    if (formFields.includes(field)) fields[field] ??= issue.message;
    else loose.push(issue.message);
  }
  const general = loose.length > 0 ? loose.join(" ") : Object.keys(fields).length === 0 ? error.message : null;
  return { fields, general };
}
