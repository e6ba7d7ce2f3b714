import { TOKEN_LIFETIME_MS, newOneTimeToken } from "@concord/api";
import { type Database, insertAccountToken, insertUser } from "@concord/db";
import { DEMO_PASSWORD } from "@concord/api/demo";
import { ACTOR_KINDS, CLINICIANS, type MatrixRow, allow, SIGNED_IN } from "./types";

/**
 * One account with an open reset link per caller kind: a link works once and a reset revokes the
 * account's other links, so "allow" can really succeed for every caller (the link is the proof).
 */
export async function passwordFixtures(db: Database): Promise<Record<string, string>> {
  const fixtures: Record<string, string> = {};
  for (const kind of ACTOR_KINDS) {
    const user = await insertUser(db, { email: `matrix-reset-${kind}@concord.test`, name: `Matrix Reset ${kind}`, role: "physical_therapist", passwordHash: null });
    const { token, tokenHash } = newOneTimeToken();
    await insertAccountToken(db, { userId: user.id, purpose: "password_reset", tokenHash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS.password_reset), createdBy: null });
    fixtures[`reset:${kind}`] = token;
  }
  return fixtures;
}

const EVERYONE = allow(...ACTOR_KINDS);
const NEW_PASSWORD = "amber lantern over quiet water";

export const passwordRows: MatrixRow[] = [
  // Public: the same neutral answer for anyone (an address without an account here).
  { path: "account.requestPasswordReset", patientScoped: false, input: (c) => ({ email: `nobody-${c.unique}@concord.test` }), expect: EVERYONE },
  // Reading a link changes nothing and, for a forged one, says only that it is not valid.
  { path: "account.passwordReset", patientScoped: false, input: (c) => ({ token: c.fixtures[`reset:${c.actor}`] }), expect: EVERYONE },
  { path: "account.resetPassword", patientScoped: false, input: (c) => ({ token: c.fixtures[`reset:${c.actor}`], password: NEW_PASSWORD }), expect: EVERYONE },
  // One's own password, signed in; each caller runs once per database, from the demo password.
  {
    path: "me.changePassword",
    patientScoped: false,
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }),
    expect: allow(...SIGNED_IN),
  },
];
