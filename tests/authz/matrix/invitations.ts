import { TOKEN_LIFETIME_MS, newOneTimeToken } from "@concord/api";
import { type Database, insertAccountToken, insertUser } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { ACTOR_KINDS, type MatrixRow, allow } from "./types";

/** Someone invited but not yet signed up, with an open invitation (for an admin to resend or revoke). */
async function pendingPerson(db: Database, ids: DemoIds, label: string) {
  const user = await insertUser(db, { email: `matrix-${label}@concord.test`, name: `Matrix ${label}`, role: "physical_therapist", passwordHash: null });
  const { token, tokenHash } = newOneTimeToken();
  await insertAccountToken(db, { userId: user.id, purpose: "invitation", tokenHash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS.invitation), createdBy: ids.users.admin });
  return { userId: user.id, token };
}

/**
 * One pending person to resend to, one to revoke, and one invitation link per caller kind: a link
 * works once, and "allow" must really succeed for every caller (the link is the proof, not a session).
 */
export async function invitationFixtures(db: Database, ids: DemoIds): Promise<Record<string, string>> {
  const resend = await pendingPerson(db, ids, "resend");
  const revoke = await pendingPerson(db, ids, "revoke");
  const fixtures: Record<string, string> = { resendUser: resend.userId, revokeUser: revoke.userId, readToken: resend.token };
  for (const kind of ACTOR_KINDS) fixtures[`invitation:${kind}`] = (await pendingPerson(db, ids, `accept-${kind}`)).token;
  return fixtures;
}

const EVERYONE = allow(...ACTOR_KINDS);

export const invitationRows: MatrixRow[] = [
  { path: "admin.users.resendInvitation", patientScoped: false, input: (c) => ({ userId: c.fixtures.resendUser }), expect: allow("admin") },
  // Only the admin's call reaches the use case, and it revokes the one open invitation.
  { path: "admin.users.revokeInvitation", patientScoped: false, input: (c) => ({ userId: c.fixtures.revokeUser }), expect: allow("admin") },
  {
    // A pain physician (who joins the team) or an admin; other disciplines and patients may not.
    path: "patients.register",
    patientScoped: false,
    input: (c) => ({
      email: `registered-${c.unique}@concord.test`,
      name: `Registered ${c.unique}`,
      patient: { dateOfBirth: "1990-01-01", diagnosisCode: "G90.512", onsetDate: "2026-01-01" },
    }),
    expect: allow("physician", "outsider", "admin"),
  },
  // Public: the link is the proof. The read changes nothing (the resend user's link may be revoked by then: still an answer, not an error).
  { path: "account.invitation", patientScoped: false, input: (c) => ({ token: c.fixtures.readToken }), expect: EVERYONE },
  {
    path: "account.acceptInvitation",
    patientScoped: false,
    input: (c) => ({ token: c.fixtures[`invitation:${c.actor}`], password: "a-long-enough-password", confirm: "a-long-enough-password" }),
    expect: EVERYONE,
  },
];
