import { z } from "zod";
import { safeString } from "../text";
import { PASSWORD_MAX_LENGTH, contextFreeProblems } from "./password-policy";

/**
 * A new password as a procedure input: the checks that need no account (length, patterns, common
 * passwords). Use cases add the account's own words with `checkPassword(password, { email, name })`.
 */
export const passwordSchema = safeString().superRefine((password, ctx) => {
  for (const message of contextFreeProblems(password)) ctx.addIssue({ code: "custom", message });
});

const emailInput = safeString().trim().toLowerCase().max(254).email("Enter your email address, for example name@example.org.");

/** "Forgot password": the email only. The answer is the same whether or not it has an account. */
export const requestPasswordResetInput = z.object({ email: emailInput });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

/** A reset link's token (checked against its exact shape by the api before any query). */
export const resetTokenInput = z.object({ token: safeString().min(1).max(200) });

/** Setting a new password with a reset link. */
export const resetPasswordInput = z.object({ token: safeString().min(1).max(200), password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/** A signed-in person changes their own password. */
export const changePasswordInput = z.object({
  currentPassword: safeString().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH * 4),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
