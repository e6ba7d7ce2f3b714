import { z } from "zod";
import { type Database, createSession, findUserByEmail, writeAudit } from "@concord/db";
import { verifyPassword } from "./password";

export const INCORRECT_CREDENTIALS = "Email or password is incorrect.";

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
  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: "auth.signIn",
      patientId: null,
      outcome: "denied",
      detail: { reason: !user ? "unknown email" : !passwordOk ? "wrong password" : "deactivated" },
    });
    return null;
  }
  return db.transaction(async (tx) => {
    const sid = await createSession(tx, user.id);
    await writeAudit(tx, { actorId: user.id, actorRole: user.role, action: "auth.signIn", patientId: null, outcome: "allowed" });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sid };
  });
}
