/*
 * A refusal as the browser receives it from a server action (see server/action-result.ts): plain data,
 * with no tRPC client class, so a patient page's form can show it without loading the API client.
 */

/** One issue of a refusal: the field's path when the server named one ("painNow"), and the words to show. */
export interface RefusalIssue {
  path: string | null;
  message: string;
}

export interface Refusal {
  ok: false;
  /** tRPC's code: BAD_REQUEST, CONFLICT, NOT_FOUND, UNAUTHORIZED, INTERNAL_SERVER_ERROR… */
  code: string;
  /** The whole refusal in plain words, with no internal paths. */
  message: string;
  issues: RefusalIssue[];
  /** The domain's details (for example `field`, or a conflict's versions). */
  details: Record<string, unknown> | null;
}

export type ActionResult<T> = { ok: true; value: T } | Refusal;

/** "command.entry.to: Enter the dose as a number." — a validation issue as the server words it. */
const PATH_PREFIX = /^[A-Za-z][\w]*(?:\.[\w]+)*: /;

/**
 * The server's validation message split into its issues ("path: message; path: message"), each
 * with its path when it has one. A message with no path prefix is one issue without a path.
 */
export function issuesOf(message: string): RefusalIssue[] {
  const parts = message.split("; ");
  // Only split when every part is a "path: message" issue: a sentence may contain "; " itself.
  if (parts.length > 1 && !parts.every((p) => PATH_PREFIX.test(p))) return [{ path: null, message }];
  return parts.map((part) => {
    const prefix = PATH_PREFIX.exec(part);
    return prefix ? { path: prefix[0].slice(0, -2), message: part.slice(prefix[0].length) } : { path: null, message: part };
  });
}

/** The message without its field paths, for a notice at the top of a form. */
export function plainMessage(message: string): string {
  return issuesOf(message)
    .map((i) => i.message)
    .join(" ");
}

/** The refusal's message for one field (by its path, or the domain's `details.field`), if any. */
export function fieldError(refusal: Refusal | null, path: string): string | undefined {
  if (!refusal) return undefined;
  if (refusal.details?.field === path) return refusal.message;
  return refusal.issues.find((i) => i.path === path)?.message;
}
