import { TRPCClientError } from "@trpc/client";

/** "command.entry.to: Enter the dose as a number." — a validation issue as the server words it. */
const PATH_PREFIX = /^[A-Za-z][\w]*(?:\.[\w]+)*: /;

/**
 * The server's validation message split into its issues ("path: message; path: message"), each
 * with its path when it has one. A message with no path prefix is one issue without a path.
 */
export function issuesOf(message: string): { path: string | null; message: string }[] {
  const parts = message.split("; ");
  // Only split when every part is a "path: message" issue: a sentence may contain "; " itself.
  if (parts.length > 1 && !parts.every((p) => PATH_PREFIX.test(p))) return [{ path: null, message }];
  return parts.map((part) => {
    const prefix = PATH_PREFIX.exec(part);
    return prefix ? { path: prefix[0].slice(0, -2), message: part.slice(prefix[0].length) } : { path: null, message: part };
  });
}

/** The message the server wrote for people, in plain words (never an internal field path), or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return issuesOf(error.message).map((i) => i.message).join(" ");
  return "Something went wrong. Please try again.";
}
