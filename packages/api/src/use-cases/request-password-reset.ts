import { type ClinicSettings, PASSWORD_RESET_REQUESTED_MESSAGE, type RequestPasswordResetInput } from "@concord/domain";
import {
  type Database,
  countAccountTokensSince,
  findUserByEmail,
  insertAccountToken,
  revokeOpenAccountTokens,
  setAccountTokenEmailStatus,
  writeAudit,
} from "@concord/db";
import { TOKEN_LIFETIME_MS, newOneTimeToken } from "../accounts/one-time-token";
import { passwordResetEmail } from "../accounts/password-reset-email";
import type { Services } from "../services";

/** At most this many reset emails to one account per window; more requests get the same answer and no email. */
export const RESET_REQUESTS_PER_WINDOW = 3;
export const RESET_REQUEST_WINDOW_MS = 15 * 60_000;
/**
 * Every answer takes at least this long, so an address with an account (token written, email queued)
 * cannot be told from one without by the response time.
 */
export const RESET_ANSWER_FLOOR_MS = 400;

export interface PasswordResetRequested {
  message: string;
}

export interface RequestPasswordResetResult {
  /** What the caller sees: always the same. */
  answer: PasswordResetRequested;
  /** Settles when the email (if any) was handed over and its status recorded; never rejects. Not awaited by the procedure. */
  delivery: Promise<void>;
}

const NOTHING_TO_DELIVER = Promise.resolve();

/**
 * "Forgot password". The answer never says whether the address has an account: an unknown address,
 * a deactivated account and a throttled one get the same words as a real request, in at least the
 * same time. Only for an active account is a token issued (older open reset links revoked) and the
 * email queued; sending happens after the answer. Every request is audited (the email as typed).
 */
export async function requestPasswordReset(opts: {
  db: Database;
  input: RequestPasswordResetInput;
  services: Services;
  settings: ClinicSettings;
  now?: Date;
  answerFloorMs?: number;
}): Promise<RequestPasswordResetResult> {
  const { db, input, services, settings, now = new Date(), answerFloorMs = RESET_ANSWER_FLOOR_MS } = opts;
  const startedAt = Date.now();
  const answer: PasswordResetRequested = { message: PASSWORD_RESET_REQUESTED_MESSAGE };
  let delivery = NOTHING_TO_DELIVER;

  const user = await findUserByEmail(db, input.email);
  if (!user?.active) {
    await writeAudit(db, {
      actorId: null,
      actorRole: null,
      action: "account.requestPasswordReset",
      patientId: null,
      outcome: "denied",
      detail: { email: input.email, reason: user ? "deactivated" : "no account" },
    });
  } else {
    const recent = await countAccountTokensSince(db, user.id, "password_reset", new Date(now.getTime() - RESET_REQUEST_WINDOW_MS));
    if (recent >= RESET_REQUESTS_PER_WINDOW) {
      await writeAudit(db, {
        actorId: user.id,
        actorRole: user.role,
        action: "account.requestPasswordReset",
        patientId: null,
        outcome: "denied",
        detail: { email: input.email, reason: "too many requests", window: "15 minutes" },
      });
    } else {
      const { token, tokenHash } = newOneTimeToken();
      const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS.password_reset);
      const issued = await db.transaction(async (tx) => {
        await revokeOpenAccountTokens(tx, user.id, "password_reset", now);
        const row = await insertAccountToken(tx, { userId: user.id, purpose: "password_reset", tokenHash, expiresAt, createdBy: null });
        await writeAudit(tx, {
          actorId: user.id,
          actorRole: user.role,
          action: "account.requestPasswordReset",
          patientId: null,
          outcome: "allowed",
          detail: { email: input.email, tokenId: row.id, expiresAt: expiresAt.toISOString() },
        });
        return row;
      });
      const message = passwordResetEmail({
        to: user.email,
        name: user.name,
        link: `${services.publicUrl.replace(/\/+$/, "")}/reset-password/${token}`,
        expiresAt,
        timeZone: user.timeZone ?? settings.timeZone,
      });
      delivery = services.mailer
        .send(message)
        .then(() => setAccountTokenEmailStatus(db, issued.id, "sent"))
        .catch(async (error: unknown) => {
          console.error("[concord] A password-reset email could not be sent:", error);
          await setAccountTokenEmailStatus(db, issued.id, "failed", String(error instanceof Error ? error.message : error).slice(0, 500)).catch(() => undefined);
        });
    }
  }

  const wait = answerFloorMs - (Date.now() - startedAt);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return { answer, delivery };
}
