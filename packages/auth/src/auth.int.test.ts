import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, listAuditForActor, seedDemo, setUserActive } from "@concord/db";
import { openTestDatabase, testBackends } from "@concord/db/testing";
import { actorFromSession, signOutSession } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { MAX_FAILED_SIGN_INS, TooManySignInAttempts, signInWithPassword } from "./sign-in";

describe("password hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(stored).toContain("m=19456,t=2,p=1");
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "wrong horse battery")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});

describe.each(testBackends())("sign-in on %s", (backend) => {
  let handle: DbHandle;
  let ids: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await seedDemo(handle.db, { hashPassword, password: "test-password-123" });
  });
  afterAll(async () => handle?.close());

  it("signs in with the right password and resolves the actor", async () => {
    const user = await signInWithPassword(handle.db, { email: "ALEX@concord.demo ", password: "test-password-123" });
    expect(user?.role).toBe("patient");
    const session = await actorFromSession(handle.db, user?.sid);
    expect(session?.actor).toMatchObject({ role: "patient", patientId: ids.patients.alex, active: true });
  });

  it("refuses wrong passwords, unknown emails and malformed input alike, and audits the denial", async () => {
    expect(await signInWithPassword(handle.db, { email: "pt@concord.demo", password: "nope" })).toBeNull();
    expect(await signInWithPassword(handle.db, { email: "nobody@concord.demo", password: "test-password-123" })).toBeNull();
    expect(await signInWithPassword(handle.db, { email: 42 })).toBeNull();
    const audit = await listAuditForActor(handle.db, ids.users.pt, "auth.signIn");
    expect(audit[0]?.outcome).toBe("denied");
  });

  it("slows password guessing per email without revealing whether the account exists", async () => {
    for (const email of ["jordan@concord.demo", "no-such-person@concord.demo"]) {
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        expect(await signInWithPassword(handle.db, { email, password: `guess-${i}` })).toBeNull();
      }
      // Even the right password is refused until the window passes, for real and made-up emails alike.
      await expect(signInWithPassword(handle.db, { email, password: "test-password-123" })).rejects.toBeInstanceOf(TooManySignInAttempts);
    }
    // Other accounts are unaffected.
    expect(await signInWithPassword(handle.db, { email: "psychologist@concord.demo", password: "test-password-123" })).not.toBeNull();
  });

  it("ends the session at sign-out and on deactivation", async () => {
    const first = await signInWithPassword(handle.db, { email: "ot@concord.demo", password: "test-password-123" });
    await signOutSession(handle.db, first?.sid, first?.id);
    expect(await actorFromSession(handle.db, first?.sid)).toBeNull();

    const second = await signInWithPassword(handle.db, { email: "ot@concord.demo", password: "test-password-123" });
    expect(await actorFromSession(handle.db, second?.sid)).not.toBeNull();
    await setUserActive(handle.db, ids.users.ot, false);
    expect(await actorFromSession(handle.db, second?.sid)).toBeNull();
    expect(await signInWithPassword(handle.db, { email: "ot@concord.demo", password: "test-password-123" })).toBeNull();
  });
});
