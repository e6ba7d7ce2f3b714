import { z } from "zod";
import { type Database, countFailedSignIns, createSession, findUserByEmail, writeAudit } from "@concord/db";
import { verifyPassword } from "./password";

export const INCORRECT_CREDENTIALS = "Email or password is incorrect.";

/** Password guessing is slowed per attempted email: after this many failures, wait out the window. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Thrown when an email has had too many failed attempts. It is decided by attempts on the email,
 * never by whether an account exists, so it reveals nothing about who has an account.
 */
export class TooManySignInAttempts extends Error {
  constructor() {
    super("TooManyAttempts");
    this.name = "TooManySignInAttempts";
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
  sid: string;
}

/**
 * Checks credentials and opens a server-side session. Every failure looks the same to the caller
 * (no account, wrong password, deactivated), and every attempt is audited.
 */
export async function signInWithPassword(db: Database, raw: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const failures = await countFailedSignIns(db, email, new Date(Date.now() - SIGN_IN_WINDOW_MS));
  if (failures >= MAX_FAILED_SIGN_INS) {
    await writeAudit(db, { actorId: null, actorRole: null, action: "auth.signIn.throttled", patientId: null, outcome: "denied", detail: { email } });
    throw new TooManySignInAttempts();
  }
  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: "auth.signIn",
      patientId: null,
      outcome: "denied",
      detail: { email, reason: !user ? "unknown email" : !passwordOk ? "wrong password" : "deactivated" },
    });
    return null;
  }
  return db.transaction(async (tx) => {
    const sid = await createSession(tx, user.id);
    await writeAudit(tx, { actorId: user.id, actorRole: user.role, action: "auth.signIn", patientId: null, outcome: "allowed" });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sid };
  });
}
