import type { TRPCRouterRecord } from "@trpc/server";
import { requestPasswordResetInput, resetPasswordInput, resetTokenInput } from "@concord/domain";
import { anyoneProcedure } from "../trpc";
import { requestPasswordReset } from "../use-cases/request-password-reset";
import { readPasswordReset, resetPassword } from "../use-cases/reset-password";
import { linkStatusOutput, passwordResetOutput, passwordResetRequestedOutput } from "../outputs/account";

/**
 * The public half of passwords (forgot → reset), merged into the `account` router. Nothing here
 * needs a session: the email inbox is the proof, and no answer says whether an account exists.
 */
export const accountPasswordsRouter = {
  /** Always the same answer, in at least the same time; the email is sent after answering. */
  requestPasswordReset: anyoneProcedure("account.passwordReset.request")
    .input(requestPasswordResetInput)
    .output(passwordResetRequestedOutput)
    .mutation(async ({ ctx, input }) => {
      const { answer, delivery } = await requestPasswordReset({ db: ctx.db, input, services: ctx.services, settings: ctx.settings });
      void delivery;
      return answer;
    }),
  /** Whose password a reset link sets, or why it cannot be used; changes nothing. */
  passwordReset: anyoneProcedure("account.passwordReset.complete")
    .input(resetTokenInput)
    .output(linkStatusOutput)
    .query(({ ctx, input }) => readPasswordReset({ db: ctx.db, token: input.token })),
  /** Uses the link once, sets the password and signs the account out everywhere. */
  resetPassword: anyoneProcedure("account.passwordReset.complete")
    .input(resetPasswordInput)
    .output(passwordResetOutput)
    .mutation(({ ctx, input }) => resetPassword({ db: ctx.db, input, services: ctx.services })),
} satisfies TRPCRouterRecord;
