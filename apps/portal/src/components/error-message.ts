import { TRPCClientError } from "@trpc/client";
import { issuesOf } from "./refusal";

export { issuesOf };

/** The message the server wrote for people, in plain words (never an internal field path), or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return issuesOf(error.message).map((i) => i.message).join(" ");
  return "Something went wrong. Please try again.";
}
