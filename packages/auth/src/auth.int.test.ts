import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, and, backdateSession, eq, getSecondFactor, listAuditForActor, schema, setUserActive, sql } from "@concord/db";
import { SECOND_FACTOR_ENROL, SECOND_FACTOR_NEEDED, SIGN_IN_THROTTLE, type SecondFactorRequirement } from "@concord/domain";
import { type TestClinicIds, openTestDatabase, seedTestClinic, testBackends } from "@concord/db/testing";
import { actorFromSession, secondFactorStatus, sessionEndReason, signOutSession } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { SecondFactorStep, SignInRefused, UNKNOWN_ADDRESS, beginSecondFactorEnrolment, signInWithPassword } from "./sign-in";
import { base32Decode, decryptTotpSecret, secondFactorKey, totpCode } from "./totp";

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
  let ids: TestClinicIds;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await seedTestClinic(handle.db, { hashPassword, password: "test-password-123" });
  });
  afterAll(async () => handle?.close());

  it("signs in with the right password and resolves the actor", async () => {
    const user = await signInWithPassword(handle.db, { email: "ALEX@concord.test ", password: "test-password-123" });
    expect(user?.role).toBe("patient");
    const session = await actorFromSession(handle.db, user?.sid);
    expect(session?.actor).toMatchObject({ role: "patient", patientId: ids.patients.alex, active: true });
  });

  it("refuses wrong passwords, unknown emails and malformed input alike, and audits the denial", async () => {
    expect(await signInWithPassword(handle.db, { email: "pt@concord.test", password: "nope" })).toBeNull();
    expect(await signInWithPassword(handle.db, { email: "nobody@concord.test", password: "test-password-123" })).toBeNull();
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
    for (const email of ["jordan@concord.test", "no-such-person@concord.test"]) {
      const attacker = "203.0.113.7";
      const seen: string[] = [];
      for (let i = 0; i < 11; i++) seen.push(await attempt(email, `guess-${i}`, attacker));
      // 3 password checks, then tries during the growing wait (each counts), then the lock —
      // the same for a real account and a made-up email.
      expect(seen).toEqual([...Array(3).fill("incorrect"), ...Array(7).fill("wait"), "locked"]);
      // Even the right password is refused from that address...
      expect(await attempt(email, right, attacker)).toBe("locked");
      if (email === "jordan@concord.test") {
        // ...while the person signs in from another address.
        expect(await attempt(email, right, "198.51.100.20")).toBe("signed in");
        // After 15 minutes the lock is over.
        expect(await attempt(email, right, attacker, minutesFromNow(SIGN_IN_THROTTLE.lockMinutes + 1))).toBe("signed in");
      }
    }
    const locks = await signInAudit("jordan@concord.test", "auth.signIn.locked");
    expect(locks.length).toBe(2);
    expect(locks[0]).toMatchObject({ outcome: "denied", detail: { email: "jordan@concord.test", ip: "203.0.113.7" } });
    expect((await signInAudit("jordan@concord.test", "auth.signIn.throttled")).map((row) => row.detail?.waitSeconds)).toEqual([5, 10, 20, 40, 80, 160, 300]);
    const signIns = await listAuditForActor(handle.db, ids.users.jordan, "auth.signIn");
    expect(signIns.filter((row) => row.outcome === "allowed").map((row) => row.detail?.ip)).toEqual(["203.0.113.7", "198.51.100.20"]);
    expect(signIns.find((row) => row.outcome === "denied")?.detail).toMatchObject({ ip: "203.0.113.7", reason: "wrong password" });
    // Other accounts are unaffected, even from the locked address.
    expect(await attempt("psychologist@concord.test", right, "203.0.113.7")).toBe("signed in");
  });

  it("starts an address's count again after a successful sign-in from it", async () => {
    const email = "alex@concord.test";
    const home = "192.0.2.44";
    expect([await attempt(email, "typo-1", home), await attempt(email, "typo-2", home), await attempt(email, right, home)]).toEqual(["incorrect", "incorrect", "signed in"]);
    expect([await attempt(email, "typo-3", home), await attempt(email, "typo-4", home)]).toEqual(["incorrect", "incorrect"]);
    expect(await attempt(email, "typo-5", home)).toBe("incorrect");
    expect(await attempt(email, right, home)).toBe("wait");
  });

  it("slows every address once the account-wide limit is reached, without locking anyone", async () => {
    const email = "physician@concord.test";
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
    expect(await signInWithPassword(handle.db, { email: "casey@concord.test", password: "nope" })).toBeNull();
    const [row] = await signInAudit("casey@concord.test", "auth.signIn");
    expect(row?.detail).toMatchObject({ ip: UNKNOWN_ADDRESS });
  });

  it("says why a session timed out: idle or past the 12-hour limit, and nothing after a sign-out", async () => {
    const sign = async () => (await signInWithPassword(handle.db, { email: "outsider@concord.test", password: right }, { address: "192.0.2.90" }))?.sid;
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
    const first = await signInWithPassword(handle.db, { email: "ot@concord.test", password: "test-password-123" });
    await signOutSession(handle.db, first?.sid, first?.id);
    expect(await actorFromSession(handle.db, first?.sid)).toBeNull();

    const second = await signInWithPassword(handle.db, { email: "ot@concord.test", password: "test-password-123" });
    expect(await actorFromSession(handle.db, second?.sid)).not.toBeNull();
    await setUserActive(handle.db, ids.users.ot, false);
    expect(await actorFromSession(handle.db, second?.sid)).toBeNull();
    expect(await signInWithPassword(handle.db, { email: "ot@concord.test", password: "test-password-123" })).toBeNull();
  });
});

describe.each(testBackends())("two-factor sign-in on %s", (backend) => {
  let handle: DbHandle;
  let ids: TestClinicIds;
  const right = "test-password-123";
  const key = secondFactorKey("a-test-auth-secret-0123456789");
  const config = (requirement: SecondFactorRequirement = "admins") => ({ requirement, key });
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await seedTestClinic(handle.db, { hashPassword, password: right });
  });
  afterAll(async () => handle?.close());

  /** "signed in", "incorrect", or the step / refusal the try met. */
  async function attempt(email: string, code: string | undefined, opts: { address: string; now?: Date; requirement?: SecondFactorRequirement }) {
    try {
      const user = await signInWithPassword(handle.db, { email, password: right, code }, { address: opts.address, now: opts.now, secondFactor: config(opts.requirement) });
      return user ? "signed in" : "incorrect";
    } catch (error) {
      if (error instanceof SecondFactorStep) return error.step;
      if (error instanceof SignInRefused) return error.decision.kind;
      throw error;
    }
  }
  const enrol = async (email: string, address: string) => {
    const result = await beginSecondFactorEnrolment(handle.db, { email, password: right }, { address, secondFactor: config() });
    if (!result || result === "already") throw new Error(`enrolment did not start: ${String(result)}`);
    return { ...result, secret: result.secret.replace(/ /g, "") };
  };

  it("asks an admin to enrol at the first sign-in; the first code turns it on and signs in", async () => {
    const email = "admin@concord.test";
    const address = "192.0.2.200";
    expect(await attempt(email, undefined, { address })).toBe(SECOND_FACTOR_ENROL);
    const enrolment = await enrol(email, address);
    expect(enrolment.qrSvg.startsWith("<svg")).toBe(true);
    expect(enrolment.recoveryCodes).toHaveLength(10);
    expect(base32Decode(enrolment.secret)).toHaveLength(20);
    // Stored encrypted, not in force until confirmed.
    const pending = await getSecondFactor(handle.db, ids.users.admin);
    expect(pending?.enabledAt).toBeNull();
    expect(pending?.secretEncrypted).not.toContain(enrolment.secret);
    expect(decryptTotpSecret(pending?.secretEncrypted ?? "", key)).toBe(enrolment.secret);

    const wrong = totpCode(enrolment.secret) === "000000" ? "111111" : "000000";
    expect(await attempt(email, wrong, { address })).toBe("incorrect");
    expect(await attempt(email, totpCode(enrolment.secret), { address })).toBe("signed in");
    expect((await secondFactorStatus(handle.db, ids.users.admin)).on).toBe(true);
    expect((await secondFactorStatus(handle.db, ids.users.admin)).recoveryCodesLeft).toBe(10);

    const audit = await listAuditForActor(handle.db, ids.users.admin, undefined, 20);
    const actions = audit.map((row) => `${row.action}:${row.outcome}:${String(row.detail?.reason ?? row.detail?.secondFactor ?? row.detail?.step ?? "")}`);
    expect(actions).toEqual(
      expect.arrayContaining(["auth.secondFactor.asked:allowed:enrolment", "auth.secondFactor.enrolmentStarted:allowed:", "auth.signIn:denied:wrong code", "auth.secondFactor.enabled:allowed:", "auth.signIn:allowed:enrolled"]),
    );
    // A second enrolment cannot replace one in force: it must be reset first.
    expect(await beginSecondFactorEnrolment(handle.db, { email, password: right }, { address, secondFactor: config() })).toBe("already");
    expect(await beginSecondFactorEnrolment(handle.db, { email, password: "wrong" }, { address, secondFactor: config() })).toBeNull();
  });

  it("then asks for the code; a code works once, a recovery code works once", async () => {
    const email = "physician@concord.test";
    const address = "192.0.2.201";
    // Not required for clinicians by default, but anyone may opt in.
    expect(await attempt(email, undefined, { address })).toBe("signed in");
    const enrolment = await enrol(email, address);
    const now = new Date();
    expect(await attempt(email, totpCode(enrolment.secret, now), { address, now })).toBe("signed in");
    expect(await attempt(email, undefined, { address })).toBe(SECOND_FACTOR_NEEDED);
    // The same code again (a replay) is refused and counts as a failure.
    expect(await attempt(email, totpCode(enrolment.secret, now), { address, now })).toBe("incorrect");
    const recovery = enrolment.recoveryCodes[3] ?? "";
    expect(await attempt(email, recovery.toUpperCase(), { address })).toBe("signed in");
    expect(await attempt(email, recovery, { address })).toBe("incorrect");
    expect((await secondFactorStatus(handle.db, ids.users.physician)).recoveryCodesLeft).toBe(9);
    const later = new Date(now.getTime() + 30_000);
    expect(await attempt(email, totpCode(enrolment.secret, later), { address, now: later })).toBe("signed in");
    const signIns = await listAuditForActor(handle.db, ids.users.physician, "auth.signIn", 10);
    expect(signIns.filter((row) => row.outcome === "allowed").map((row) => row.detail?.secondFactor ?? null)).toEqual(["totp", "recovery code", "enrolled", null]);
  });

  it("counts wrong codes as failed attempts: they slow and then lock that address", async () => {
    const email = "pt@concord.test";
    const enrolment = await enrol(email, "192.0.2.202");
    expect(await attempt(email, totpCode(enrolment.secret), { address: "192.0.2.202" })).toBe("signed in");
    const guesser = "203.0.113.202";
    const wrong = totpCode(enrolment.secret) === "123456" ? "654321" : "123456";
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await attempt(email, wrong, { address: guesser }));
    expect(seen).toEqual(["incorrect", "incorrect", "incorrect", "wait"]);
    // The person elsewhere is not slowed.
    expect(await attempt(email, enrolment.recoveryCodes[0], { address: "192.0.2.202" })).toBe("signed in");
  });

  it("asks clinicians to enrol only when the clinic requires it, and never patients", async () => {
    expect(await attempt("ot@concord.test", undefined, { address: "192.0.2.203", requirement: "admins" })).toBe("signed in");
    expect(await attempt("ot@concord.test", undefined, { address: "192.0.2.203", requirement: "clinicians-and-admins" })).toBe(SECOND_FACTOR_ENROL);
    expect(await attempt("alex@concord.test", undefined, { address: "192.0.2.203", requirement: "clinicians-and-admins" })).toBe("signed in");
  });
});
