import { z } from "zod";
import { UNUSABLE_LINK_REASONS } from "@concord/domain";

/** The public account pages: invitation and reset links, and what each step answers (never a token or a hash). */

/** Whom a link is for, or why it cannot be used: the unusable branch names no person. */
export const linkStatusOutput = z.discriminatedUnion("usable", [
  z.object({ usable: z.literal(false), reason: z.enum(UNUSABLE_LINK_REASONS), message: z.string() }),
  z.object({ usable: z.literal(true), name: z.string(), email: z.string(), expiresAt: z.date() }),
]);

export const invitationAcceptedOutput = z.object({ email: z.string(), name: z.string() });

/** The same words whether or not an account exists. */
export const passwordResetRequestedOutput = z.object({ message: z.string() });

export const passwordResetOutput = z.object({ email: z.string() });
