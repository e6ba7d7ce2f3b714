import { type Database, enableSecondFactor, insertUser, startSecondFactorEnrolment } from "@concord/db";
import { type MatrixRow, allow } from "./types";

/** One account with two-factor sign-in on, so the admin's reset can really succeed (once per database). */
export async function secondFactorFixtures(db: Database): Promise<Record<string, string>> {
  const user = await insertUser(db, { email: "matrix-2fa@concord.test", name: "Matrix Two-Factor", role: "physical_therapist", passwordHash: null });
  await startSecondFactorEnrolment(db, user.id, "v1.opaque.secret.here", ["hash"]);
  await enableSecondFactor(db, user.id, 1);
  return { "secondFactor:user": user.id };
}

export const secondFactorRows: MatrixRow[] = [
  { path: "admin.users.resetSecondFactor", patientScoped: false, input: (c) => ({ userId: c.fixtures["secondFactor:user"] }), expect: allow("admin") },
];
