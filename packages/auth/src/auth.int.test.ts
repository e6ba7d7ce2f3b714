import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, and, backdateSession, eq, listAuditForActor, schema, seedDemo, setUserActive, sql } from "@concord/db";
import { SIGN_IN_THROTTLE } from "@concord/domain";
import { openTestDatabase, testBackends } from "@concord/db/testing";
import { actorFromSession, sessionEndReason, signOutSession } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { SignInRefused, UNKNOWN_ADDRESS, signInWithPassword } from "./sign-in";

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

  const right = "test-password-123";
  const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  /** The refusal a try meets, or "signed in" / "incorrect". */
  async function attempt(email: string, password: string, address: string, now?: Date) {
    try {
      return (await signInWithPassword(handle.db, { email, password }, { address, now })) ? "signed in" : "incorrect";
    } catch (error) {
      if (error instanceof SignInRefused) return error.decision.kind;
      throw error;
    }
  }
  async function signInAudit(email: string, action: string) {
    return handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, action), sql`${schema.auditEvents.detail}->>'email' = ${email}`))
      .orderBy(schema.auditEvents.id);
  }

  it("waits after 3 failures from an address and locks that address after 10, while another address still signs in", async () => {
    for (const email of ["jordan@concord.demo", "no-such-person@concord.demo"]) {
      const attacker = "203.0.113.7";
      const seen: string[] = [];
      for (let i = 0; i < 11; i++) seen.push(await attempt(email, `guess-${i}`, attacker));
      // 3 password checks, then tries during the growing wait (each counts), then the lock —
      // the same for a real account and a made-up email.
      expect(seen).toEqual([...Array(3).fill("incorrect"), ...Array(7).fill("wait"), "locked"]);
      // Even the right password is refused from that address...
      expect(await attempt(email, right, attacker)).toBe("locked");
      if (email === "jordan@concord.demo") {
        // ...while the person signs in from another address.
        expect(await attempt(email, right, "198.51.100.20")).toBe("signed in");
        // After 15 minutes the lock is over.
        expect(await attempt(email, right, attacker, minutesFromNow(SIGN_IN_THROTTLE.lockMinutes + 1))).toBe("signed in");
      }
    }
    const locks = await signInAudit("jordan@concord.demo", "auth.signIn.locked");
    expect(locks.length).toBe(2);
    expect(locks[0]).toMatchObject({ outcome: "denied", detail: { email: "jordan@concord.demo", ip: "203.0.113.7" } });
    expect((await signInAudit("jordan@concord.demo", "auth.signIn.throttled")).map((row) => row.detail?.waitSeconds)).toEqual([5, 10, 20, 40, 80, 160, 300]);
    const signIns = await listAuditForActor(handle.db, ids.users.jordan, "auth.signIn");
    expect(signIns.filter((row) => row.outcome === "allowed").map((row) => row.detail?.ip)).toEqual(["203.0.113.7", "198.51.100.20"]);
    expect(signIns.find((row) => row.outcome === "denied")?.detail).toMatchObject({ ip: "203.0.113.7", reason: "wrong password" });
    // Other accounts are unaffected, even from the locked address.
    expect(await attempt("psychologist@concord.demo", right, "203.0.113.7")).toBe("signed in");
  });

  it("starts an address's count again after a successful sign-in from it", async () => {
    const email = "alex@concord.demo";
    const home = "192.0.2.44";
    expect([await attempt(email, "typo-1", home), await attempt(email, "typo-2", home), await attempt(email, right, home)]).toEqual(["incorrect", "incorrect", "signed in"]);
    expect([await attempt(email, "typo-3", home), await attempt(email, "typo-4", home)]).toEqual(["incorrect", "incorrect"]);
    expect(await attempt(email, "typo-5", home)).toBe("incorrect");
    expect(await attempt(email, right, home)).toBe("wait");
  });

  it("slows every address once the account-wide limit is reached, without locking anyone", async () => {
    const email = "physician@concord.demo";
    const policy = { ...SIGN_IN_THROTTLE, accountSlowAfterFailures: 4 };
    const from = (i: number) => `198.18.0.${i}`;
    for (let i = 1; i <= 4; i++) {
      expect(await signInWithPassword(handle.db, { email, password: "guess" }, { address: from(i), policy })).toBeNull();
    }
    // A fresh address has no failures of its own, yet waits: guessing spread over addresses stays slow.
    const refusal = await signInWithPassword(handle.db, { email, password: right }, { address: from(99), policy }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SignInRefused);
    expect((refusal as SignInRefused).decision).toMatchObject({ kind: "wait" });
    expect((refusal as SignInRefused).decision.seconds).toBeLessThanOrEqual(policy.accountDelaySeconds);
    // Once the short wait is over the right password works.
    const later = new Date(Date.now() + (policy.accountDelaySeconds + 1) * 1000);
    expect(await signInWithPassword(handle.db, { email, password: right }, { address: from(99), policy, now: later })).not.toBeNull();
  });

  it("without a known address counts every try under one address", async () => {
    expect(await signInWithPassword(handle.db, { email: "casey@concord.demo", password: "nope" })).toBeNull();
    const [row] = await signInAudit("casey@concord.demo", "auth.signIn");
    expect(row?.detail).toMatchObject({ ip: UNKNOWN_ADDRESS });
  });

  it("says why a session timed out: idle or past the 12-hour limit, and nothing after a sign-out", async () => {
    const sign = async () => (await signInWithPassword(handle.db, { email: "outside@concord.demo", password: right }, { address: "192.0.2.90" }))?.sid;
    const idle = await sign();
    expect(await sessionEndReason(handle.db, idle)).toBeNull();
    await backdateSession(handle.db, idle ?? "", { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await actorFromSession(handle.db, idle)).toBeNull();
    expect(await sessionEndReason(handle.db, idle)).toBe("idle");
    const old = await sign();
    await backdateSession(handle.db, old ?? "", { createdAt: new Date(Date.now() - 13 * 60 * 60_000) });
    expect(await sessionEndReason(handle.db, old)).toBe("expired");
    const ended = await sign();
    await signOutSession(handle.db, ended, null);
    expect(await sessionEndReason(handle.db, ended)).toBeNull();
    expect(await sessionEndReason(handle.db, null)).toBeNull();
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
