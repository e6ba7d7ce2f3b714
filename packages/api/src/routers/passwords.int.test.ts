import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { PASSWORD_MESSAGES, PASSWORD_RESET_REQUESTED_MESSAGE, RESET_LINK_MESSAGES } from "@concord/domain";
import {
  type DbHandle,
  createSession,
  findUserById,
  latestAccountToken,
  listAuditForActor,
  resolveSession,
  setUserActive,
} from "@concord/db";
import { TEST_CLINIC_SETTINGS, fixtureHash, openTestDatabase, testBackends } from "@concord/db/testing";
import { createMailer } from "../mail/mailer";
import { createCaller } from "../root";
import { DEMO_PASSWORD, type DemoIds, buildDemoClinic } from "../demo/index";
import { testServices } from "../testing/services";
import { codeOf } from "../testing/harness";
import { requestPasswordReset } from "../use-cases/request-password-reset";
import { SAME_AS_CURRENT, TOO_MANY_WRONG_CURRENT, WRONG_CURRENT_PASSWORD } from "../use-cases/change-password";
import { readPasswordReset, resetPassword } from "../use-cases/reset-password";
import type { Actor } from "@concord/domain";

const NEW_PASSWORD = "violet kettle under moonlight";

/** The reset link in a raw message (quoted-printable soft breaks and escapes undone). */
function linkIn(raw: string): string {
  const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const match = /https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in the message:\n${text}`);
  return match[1];
}

describe.each(testBackends())("passwords on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  const services = testServices();
  const anonymous = () => createCaller({ db: handle.db, dbKind: handle.kind, actor: null, actorName: null, sessionId: null, settings: TEST_CLINIC_SETTINGS, services });
  const signedIn = (actor: Actor, sessionId: string | null) =>
    createCaller({ db: handle.db, dbKind: handle.kind, actor, actorName: "someone", sessionId, settings: TEST_CLINIC_SETTINGS, services });
  const clinician = (key: "pt" | "ot" | "psychologist" | "unassigned" | "outsider"): Actor => ({
    userId: ids.users[key],
    role: key === "ot" ? "occupational_therapist" : key === "psychologist" ? "psychologist" : key === "outsider" ? "pain_physician" : "physical_therapist",
    patientId: null,
    active: true,
  });

  /** Asks for a link through the use case (waiting for its email) and returns the token from the outbox. */
  async function resetTokenFor(email: string): Promise<string> {
    const before = new Set(readdirSync(services.outboxDir));
    const { answer, delivery } = await requestPasswordReset({ db: handle.db, input: { email }, services, settings: TEST_CLINIC_SETTINGS, answerFloorMs: 0 });
    expect(answer.message).toBe(PASSWORD_RESET_REQUESTED_MESSAGE);
    await delivery;
    const written = readdirSync(services.outboxDir).filter((f) => !before.has(f) && f.endsWith(`${email}.eml`));
    expect(written).toHaveLength(1);
    return linkIn(readFileSync(join(services.outboxDir, written[0] as string), "utf8"));
  }

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
  });
  afterAll(async () => handle?.close());

  describe("forgot password", () => {
    it("gives the same answer for an address with an account, one without and a deactivated one", async () => {
      const known = await anonymous().account.requestPasswordReset({ email: "ot@concord.demo" });
      const unknown = await anonymous().account.requestPasswordReset({ email: "nobody-here@concord.demo" });
      await setUserActive(handle.db, ids.users.outsider, false);
      const deactivated = await anonymous().account.requestPasswordReset({ email: "OUTSIDE@concord.demo" });
      await setUserActive(handle.db, ids.users.outsider, true);
      expect(known).toEqual({ message: PASSWORD_RESET_REQUESTED_MESSAGE });
      expect(unknown).toEqual(known);
      expect(deactivated).toEqual(known);
      // Only the active account got a link.
      expect((await latestAccountToken(handle.db, ids.users.ot, "password_reset"))?.expiresAt).toBeInstanceOf(Date);
      expect(await latestAccountToken(handle.db, ids.users.outsider, "password_reset")).toBeNull();
    });

    it("a link lasts 30 minutes, and the email carries it with no clinical content", async () => {
      const token = await resetTokenFor("psychologist@concord.demo");
      const row = await latestAccountToken(handle.db, ids.users.psychologist, "password_reset");
      expect(row?.emailStatus).toBe("sent");
      expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBeGreaterThan(29.9 * 60_000);
      expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBeLessThan(30.1 * 60_000);
      const file = readdirSync(services.outboxDir).find((f) => f.endsWith("psychologist@concord.demo.eml")) as string;
      const raw = readFileSync(join(services.outboxDir, file), "utf8");
      expect(raw).toContain("Reset your Concord password");
      expect(raw).toMatch(/30 minutes/);
      for (const clinical of ["CRPS", "diagnos", "pain", "patient", "care team"]) expect(raw.toLowerCase()).not.toContain(clinical.toLowerCase());
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("a new request revokes the older link", async () => {
      const first = await resetTokenFor("pt@concord.demo");
      const second = await resetTokenFor("pt@concord.demo");
      expect(await codeOf(anonymous().account.resetPassword({ token: first, password: NEW_PASSWORD }))).toBe(`CONFLICT: ${RESET_LINK_MESSAGES.revoked}`);
      expect(await readPasswordReset({ db: handle.db, token: second })).toMatchObject({ usable: true, email: "pt@concord.demo" });
    });

    it("sends at most 3 links per account in 15 minutes, with the same answer after that", async () => {
      const jordan = "jordan@concord.demo";
      for (let i = 0; i < 3; i++) await resetTokenFor(jordan);
      const newest = await latestAccountToken(handle.db, ids.users.jordan, "password_reset");
      const { answer, delivery } = await requestPasswordReset({ db: handle.db, input: { email: jordan }, services, settings: TEST_CLINIC_SETTINGS, answerFloorMs: 0 });
      await delivery;
      expect(answer.message).toBe(PASSWORD_RESET_REQUESTED_MESSAGE);
      expect((await latestAccountToken(handle.db, ids.users.jordan, "password_reset"))?.id).toBe(newest?.id);
      const [audit] = await listAuditForActor(handle.db, ids.users.jordan, "account.requestPasswordReset", 1);
      expect(audit).toMatchObject({ outcome: "denied", detail: { reason: "too many requests" } });
    });

    it("refuses an address that is not an email, in words", async () => {
      expect(await codeOf(anonymous().account.requestPasswordReset({ email: "not an email" }))).toMatch(/^BAD_REQUEST: email: Enter your email address/);
    });
  });

  describe("reset with the link", () => {
    it("sets the password, ends every session of the account and works only once", async () => {
      const userId = ids.users.unassigned;
      const sessionA = await createSession(handle.db, userId);
      const sessionB = await createSession(handle.db, userId);
      const token = await resetTokenFor("unassigned@concord.demo");
      // A signed-in stranger may use a link too: the link is the proof, not the session.
      expect(await anonymous().account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email: "unassigned@concord.demo" });
      expect(await resolveSession(handle.db, sessionA)).toBeNull();
      expect(await resolveSession(handle.db, sessionB)).toBeNull();
      expect((await findUserById(handle.db, userId))?.passwordHash).toBe(await fixtureHash(NEW_PASSWORD));
      expect(await codeOf(anonymous().account.resetPassword({ token, password: "another fine long phrase" }))).toBe(`CONFLICT: ${RESET_LINK_MESSAGES.used}`);
      expect((await findUserById(handle.db, userId))?.passwordHash).toBe(await fixtureHash(NEW_PASSWORD));
      expect(await anonymous().account.passwordReset({ token })).toMatchObject({ usable: false, reason: "used" });
      const [audit] = await listAuditForActor(handle.db, userId, "account.resetPassword", 1);
      expect(audit).toMatchObject({ outcome: "denied", detail: { reason: "used" } });
      const allowed = (await listAuditForActor(handle.db, userId, "account.resetPassword", 5)).filter((a) => a.outcome === "allowed");
      expect(allowed).toHaveLength(1);
    });

    it("refuses an expired link (30 minutes later) and changes nothing", async () => {
      const token = await resetTokenFor("casey@concord.demo");
      const later = new Date(Date.now() + 30 * 60_000 + 1_000);
      expect(await readPasswordReset({ db: handle.db, token, now: later })).toMatchObject({ usable: false, reason: "expired", message: RESET_LINK_MESSAGES.expired });
      await expect(resetPassword({ db: handle.db, input: { token, password: NEW_PASSWORD }, services, now: later })).rejects.toThrow(RESET_LINK_MESSAGES.expired);
      expect((await findUserById(handle.db, ids.users.casey))?.passwordHash).toBe(await fixtureHash(DEMO_PASSWORD));
      // Still usable within its 30 minutes.
      expect(await readPasswordReset({ db: handle.db, token, now: new Date(Date.now() + 29 * 60_000) })).toMatchObject({ usable: true });
    });

    it("refuses forged links without a query that could tell them apart", async () => {
      const forged = "A".repeat(43);
      expect(await codeOf(anonymous().account.resetPassword({ token: forged, password: NEW_PASSWORD }))).toBe(`NOT_FOUND: ${RESET_LINK_MESSAGES.invalid}`);
      expect(await codeOf(anonymous().account.resetPassword({ token: "short", password: NEW_PASSWORD }))).toBe(`NOT_FOUND: ${RESET_LINK_MESSAGES.invalid}`);
      expect(await anonymous().account.passwordReset({ token: "../../etc" })).toMatchObject({ usable: false, reason: "invalid" });
    });

    it("applies the password policy (with the account's email) and keeps the link usable after a refusal", async () => {
      const token = await resetTokenFor("alex@concord.demo");
      expect(await codeOf(anonymous().account.resetPassword({ token, password: "password1234" }))).toBe(`BAD_REQUEST: password: ${PASSWORD_MESSAGES.common}`);
      expect(await codeOf(anonymous().account.resetPassword({ token, password: "short" }))).toBe(`BAD_REQUEST: password: ${PASSWORD_MESSAGES.tooShort(5)}`);
      expect(await codeOf(anonymous().account.resetPassword({ token, password: "alex walks the long road" }))).toBe(`BAD_REQUEST: ${PASSWORD_MESSAGES.email}`);
      expect(await anonymous().account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email: "alex@concord.demo" });
    });
  });

  describe("change password (signed in)", () => {
    it("needs the current password, refuses the same one, and ends only the other sessions", async () => {
      const actor = clinician("ot");
      const current = await createSession(handle.db, actor.userId);
      const other = await createSession(handle.db, actor.userId);
      const me = signedIn(actor, current);
      expect(await codeOf(me.me.changePassword({ currentPassword: "not my password", newPassword: NEW_PASSWORD }))).toBe(`BAD_REQUEST: ${WRONG_CURRENT_PASSWORD}`);
      expect(await resolveSession(handle.db, other)).not.toBeNull();
      expect(await codeOf(me.me.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }))).toBe(`BAD_REQUEST: ${SAME_AS_CURRENT}`);
      expect(await codeOf(me.me.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "qwertyuiop12" }))).toBe(`BAD_REQUEST: newPassword: ${PASSWORD_MESSAGES.common}`);
      expect(await me.me.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ sessionsEnded: 1 });
      expect(await resolveSession(handle.db, current)).not.toBeNull();
      expect(await resolveSession(handle.db, other)).toBeNull();
      expect((await findUserById(handle.db, actor.userId))?.passwordHash).toBe(await fixtureHash(NEW_PASSWORD));
      // Newest first: the change (its own row, and the sessions it ended), the two refused new
      // passwords, and the wrong current one as "denied" with why.
      const audit = await listAuditForActor(handle.db, actor.userId, "me.changePassword", 6);
      expect(audit.map((a) => a.outcome)).toEqual(["allowed", "allowed", "error", "error", "denied"]);
      expect(audit[1]).toMatchObject({ detail: { sessionsEnded: 1, keptSession: true } });
      expect(audit[4]).toMatchObject({ detail: { permission: "me.password.change", reason: "wrong current password", code: "INVALID" } });
      // An open reset link from before the change no longer works.
      expect((await latestAccountToken(handle.db, actor.userId, "password_reset"))?.revokedAt).toBeInstanceOf(Date);
    });

    it("stops checking the current password after 5 wrong ones in a row", async () => {
      const actor = clinician("outsider");
      const me = signedIn(actor, null);
      for (let i = 0; i < 5; i++) {
        expect(await codeOf(me.me.changePassword({ currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD }))).toBe(`BAD_REQUEST: ${WRONG_CURRENT_PASSWORD}`);
      }
      // Even the right one is not checked now.
      expect(await codeOf(me.me.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }))).toBe(`BAD_REQUEST: ${TOO_MANY_WRONG_CURRENT}`);
      expect((await findUserById(handle.db, actor.userId))?.passwordHash).toBe(await fixtureHash(DEMO_PASSWORD));
    });

    it("is refused without a session", async () => {
      expect(await codeOf(anonymous().me.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }))).toBe("UNAUTHORIZED: Please sign in to continue.");
    });
  });

  describe("through a real SMTP server", () => {
    let server: SMTPServer;
    let port = 0;
    const received: string[] = [];

    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            received.push(Buffer.concat(chunks).toString("utf8"));
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.server.address() as { port: number }).port;
    });
    afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

    it("the link in the message received resets the password", async () => {
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: services.outboxDir, from: "Concord <no-reply@concord.test>" });
      const viaSmtp = testServices({ mailer, publicUrl: "https://concord.example.org/" });
      const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: null, actorName: null, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: viaSmtp });
      expect(await caller.account.requestPasswordReset({ email: "physician@concord.demo" })).toEqual({ message: PASSWORD_RESET_REQUESTED_MESSAGE });
      // The procedure answers before sending: wait for the server to receive it.
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toHaveLength(1);
      const raw = received[0] as string;
      expect(raw).toMatch(/^To: physician@concord\.demo/m);
      expect(raw.replace(/=\r?\n/g, "")).toContain("https://concord.example.org/reset-password/");
      const token = linkIn(raw);
      expect(await caller.account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email: "physician@concord.demo" });
      for (let i = 0; i < 40; i++) {
        if ((await latestAccountToken(handle.db, ids.users.physician, "password_reset"))?.emailStatus === "sent") break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await latestAccountToken(handle.db, ids.users.physician, "password_reset"))?.emailStatus).toBe("sent");
    });
  });
});
