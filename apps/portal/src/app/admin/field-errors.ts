import { TRPCClientError } from "@trpc/client";
import { errorMessage } from "~/components/error-message";

/**
 * Which form field a server refusal is about, so the message can sit next to that field: a domain
 * error names it in `details.field`; a validation error's message starts with "patient.phone: ".
 */
export function refusalOf(error: unknown): { field: string | null; message: string } {
  const message = errorMessage(error);
  if (error instanceof TRPCClientError) {
    const details = (error.data as { details?: { field?: unknown } } | undefined)?.details;
    if (typeof details?.field === "string") return { field: details.field, message };
    const named = /^([A-Za-z][\w.]*): (.+)$/s.exec(message);
    if (named?.[1] && named[2] && !named[2].includes("; ")) return { field: named[1], message: named[2] };
  }
  return { field: null, message };
}
