import { TRPCClientError } from "@trpc/client";

/** The message the server wrote for people, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return "Something went wrong. Please try again.";
}
