import { readFileSync, readdirSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRPS_CODES } from "@concord/domain";
import { findUserByEmail, getCareTeam, latestAccountToken, listAuditForActor, listAuditForPatient } from "@concord/db";
import { TEST_CLINIC_SETTINGS, fixtureHash, testBackends } from "@concord/db/testing";
import { linkFromRawEmail } from "../accounts/eml";
import { createMailer } from "../mail/mailer";
import { createCaller } from "../root";
import type { Services } from "../services";
import { type Harness, codeOf, openHarness } from "../testing/harness";
import { testServices } from "../testing/services";
import { acceptInvitation, readInvitation } from "../use-cases/accept-invitation";
import { listAccounts } from "../use-cases/list-accounts";

const PASSWORD = "a-long-enough-password";
const HOUR = 3_600_000;

/** The text of the newest .eml in an outbox addressed to `to`. */
function newestEmailTo(outboxDir: string, to: string): string {
  const files = readdirSync(outboxDir).filter((f) => f.endsWith(`-${to}.eml`)).sort();
  const last = files[files.length - 1];
  if (!last) throw new Error(`no email to ${to} in ${outboxDir}`);
  return readFileSync(join(outboxDir, last), "utf8");
}

function tokenOf(raw: string): string {
  const link = linkFromRawEmail(raw);
  if (!link) throw new Error("no link in the email");
  return link.split("/invite/")[1] ?? "";
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testBackends())("invitations and admin procedures on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.close());

  const callerWith = (services: Services, key: "admin" | "physician" | null = "admin") =>
    createCaller({
      db: h.handle.db,
      dbKind: h.handle.kind,
      actor: key ? h.actor(key) : null,
      actorName: key,
      sessionId: null,
      settings: TEST_CLINIC_SETTINGS,
      services,
    });

  describe("admin.users.invite → account.acceptInvitation", () => {
    it("makes an account with no password, emails a one-time link, and lets the invitee set a password once", async () => {
      const admin = h.callerFor("admin");
      const invited = await admin.admin.users.invite({ email: "Kim.Tran@Example.org", name: "Kim Tran", role: "occupational_therapist" });
      expect(invited).toMatchObject({ email: "kim.tran@example.org", role: "occupational_therapist", invitation: { emailStatus: "sent", emailError: null } });
      expect(JSON.stringify(invited)).not.toMatch(/token|password/i);
      expect((await findUserByEmail(h.handle.db, "kim.tran@example.org"))?.passwordHash).toBeNull();

      const raw = newestEmailTo(h.services.outboxDir, "kim.tran@example.org");
      expect(raw).toContain("You have been invited to Concord by Riley Admin");
      expect(raw).toContain("This link works once and expires on");
      const token = tokenOf(raw);
      const stored = await latestAccountToken(h.handle.db, invited.id, "invitation");
      expect(stored?.tokenHash).not.toContain(token);
      expect(stored?.expiresAt.getTime() ?? 0).toBeGreaterThan(Date.now() + 71 * HOUR);
      expect(stored?.expiresAt.getTime() ?? 0).toBeLessThanOrEqual(Date.now() + 72 * HOUR);

      const list = await admin.admin.users.list({ search: "Kim Tran", limit: 5 });
      expect(list.items[0]?.invitation).toMatchObject({ state: "sent" });
      expect(JSON.stringify(list)).not.toContain(token);

      const anonymous = h.callerFor(null);
      expect(await anonymous.account.invitation({ token })).toMatchObject({ usable: true, name: "Kim Tran", email: "kim.tran@example.org" });
      // The shared password policy, with the invitee's own email: refused next to the field, the link still usable.
      const ownEmail = await codeOf(anonymous.account.acceptInvitation({ token, password: "kim.tran-likes-tea", confirm: "kim.tran-likes-tea" }));
      expect(ownEmail).toMatch(/^BAD_REQUEST: .*email/i);
      expect(await anonymous.account.invitation({ token })).toMatchObject({ usable: true });
      expect(await codeOf(anonymous.account.acceptInvitation({ token, password: PASSWORD, confirm: "something else entirely" }))).toBe(
        "BAD_REQUEST: confirm: The two passwords are not the same.",
      );
      expect(await anonymous.account.acceptInvitation({ token, password: PASSWORD, confirm: PASSWORD })).toEqual({ email: "kim.tran@example.org", name: "Kim Tran" });
      expect((await findUserByEmail(h.handle.db, "kim.tran@example.org"))?.passwordHash).toBe(await fixtureHash(PASSWORD));

      // Reused: refused, and the password stays the one first set.
      expect(await codeOf(anonymous.account.acceptInvitation({ token, password: "another-long-password", confirm: "another-long-password" }))).toMatch(
        /^CONFLICT: This link was already used/,
      );
      expect((await findUserByEmail(h.handle.db, "kim.tran@example.org"))?.passwordHash).toBe(await fixtureHash(PASSWORD));
      expect(await anonymous.account.invitation({ token })).toMatchObject({ usable: false, reason: "used" });
      expect((await admin.admin.users.list({ search: "Kim Tran", limit: 5 })).items[0]?.invitation?.state).toBe("accepted");

      const [accepted] = await listAuditForActor(h.handle.db, invited.id, "account.acceptInvitation", 1);
      expect(accepted).toMatchObject({ outcome: "allowed" });
      // The call's own row, and the record of whom it invited.
      const audit = await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.users.invite", 2);
      expect(audit).toEqual([
        expect.objectContaining({ outcome: "allowed", patientId: null, detail: { permission: "admin.user.create", type: "mutation" } }),
        expect.objectContaining({ outcome: "allowed", patientId: null, detail: expect.objectContaining({ userId: invited.id, role: "occupational_therapist" }) }),
      ]);
      // Nobody can resend to a person who has a password.
      expect(await codeOf(admin.admin.users.resendInvitation({ userId: invited.id }))).toMatch(/^BAD_REQUEST: Kim Tran has already set a password/);
    });

    it("refuses a patient role, a duplicate email and bad input, writing nothing", async () => {
      const admin = h.callerFor("admin");
      expect(await codeOf(admin.admin.users.invite({ email: "pt@concord.demo", name: "Dup", role: "admin" }))).toBe(
        "BAD_REQUEST: An account with this email already exists.",
      );
      expect(await codeOf(admin.admin.users.invite({ email: "p9@example.org", name: "Pat", role: "patient" as never }))).toContain(
        "patients are registered with their record",
      );
      expect(await findUserByEmail(h.handle.db, "p9@example.org")).toBeNull();
    });

    it("refuses expired, forged and revoked links with a clear message, changing nothing", async () => {
      const admin = h.callerFor("admin");
      const anonymous = h.callerFor(null);
      const invited = await admin.admin.users.invite({ email: "late@example.org", name: "Lee Late", role: "psychologist" });
      const token = tokenOf(newestEmailTo(h.services.outboxDir, "late@example.org"));
      const inThreeDays = new Date(Date.now() + 72 * HOUR + 60_000);

      expect(await readInvitation({ db: h.handle.db, token, now: inThreeDays })).toMatchObject({
        usable: false,
        reason: "expired",
        message: "This link has expired. Ask your clinic to send a new one.",
      });
      await expect(acceptInvitation({ db: h.handle.db, input: { token, password: PASSWORD, confirm: PASSWORD }, services: h.services, now: inThreeDays })).rejects.toMatchObject({
        code: "CONFLICT",
        message: "This link has expired. Ask your clinic to send a new one.",
      });
      expect((await findUserByEmail(h.handle.db, "late@example.org"))?.passwordHash).toBeNull();
      expect((await latestAccountToken(h.handle.db, invited.id, "invitation"))?.usedAt).toBeNull();
      // The admin sees it as expired (with "Resend") once the time has passed.
      expect((await listAccounts(h.handle.db, { search: "Lee Late", limit: 5 }, inThreeDays)).items[0]?.invitation?.state).toBe("expired");

      // Forged: the right shape but no such token, and the wrong shape.
      for (const forged of ["A".repeat(43), "not-a-token", `${token.slice(0, 42)}${token.endsWith("x") ? "y" : "x"}`]) {
        expect(await anonymous.account.invitation({ token: forged })).toMatchObject({ usable: false, reason: "invalid" });
        expect(await codeOf(anonymous.account.acceptInvitation({ token: forged, password: PASSWORD, confirm: PASSWORD }))).toMatch(/^NOT_FOUND: This link is not valid/);
      }

      // Revoked: the link stops working at once; a second revoke says there is nothing open.
      await admin.admin.users.revokeInvitation({ userId: invited.id });
      expect(await codeOf(anonymous.account.acceptInvitation({ token, password: PASSWORD, confirm: PASSWORD }))).toMatch(/^CONFLICT: This link was replaced or withdrawn/);
      expect(await codeOf(admin.admin.users.revokeInvitation({ userId: invited.id }))).toBe("BAD_REQUEST: Lee Late has no open invitation to withdraw.");
      expect((await admin.admin.users.list({ search: "Lee Late", limit: 5 })).items[0]?.invitation?.state).toBe("revoked");

      // Resend issues a fresh link that works; the revoked one still does not.
      expect((await admin.admin.users.resendInvitation({ userId: invited.id })).invitation.emailStatus).toBe("sent");
      const fresh = tokenOf(newestEmailTo(h.services.outboxDir, "late@example.org"));
      expect(fresh).not.toBe(token);
      await anonymous.account.acceptInvitation({ token: fresh, password: PASSWORD, confirm: PASSWORD });
      expect((await findUserByEmail(h.handle.db, "late@example.org"))?.passwordHash).toBe(await fixtureHash(PASSWORD));
      const actions = (await listAuditForActor(h.handle.db, h.ids.users.admin, undefined, 20)).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["admin.users.revokeInvitation", "admin.users.resendInvitation"]));
    });

    it("lets only one of two simultaneous uses of a link win", async () => {
      const invited = await h.callerFor("admin").admin.users.invite({ email: "twice@example.org", name: "Two Tabs", role: "physical_therapist" });
      const token = tokenOf(newestEmailTo(h.services.outboxDir, "twice@example.org"));
      const anonymous = h.callerFor(null);
      const results = await Promise.all([
        codeOf(anonymous.account.acceptInvitation({ token, password: "first-long-password", confirm: "first-long-password" })),
        codeOf(anonymous.account.acceptInvitation({ token, password: "second-long-password", confirm: "second-long-password" })),
      ]);
      expect(results.filter((r) => r === "OK")).toHaveLength(1);
      expect(results.find((r) => r !== "OK")).toMatch(/^CONFLICT: This link was already used/);
      const hash = (await findUserByEmail(h.handle.db, "twice@example.org"))?.passwordHash;
      expect([await fixtureHash("first-long-password"), await fixtureHash("second-long-password")]).toContain(hash);
      expect((await latestAccountToken(h.handle.db, invited.id, "invitation"))?.usedAt).not.toBeNull();
    });
  });

  describe("patients.register", () => {
    const patient = { dateOfBirth: "1990-02-03", diagnosisCode: "G90.511" as const, onsetDate: "2026-09-01", phone: "+1 415 555 0100" };

    it("lets a pain physician register a patient, who joins their care team, with an email free of clinical content", async () => {
      const registered = await h.callerFor("physician").patients.register({
        email: "Robin.Patel@Example.org",
        name: "Robin Patel",
        patient: { ...patient, mrn: "MRN-4471" },
      });
      expect(registered).toMatchObject({ email: "robin.patel@example.org", role: "patient", invitation: { emailStatus: "sent" } });
      const team = await getCareTeam(h.handle.db, registered.patientId);
      expect(team.map((m) => [m.clinicianId, m.discipline])).toEqual([[h.ids.users.physician, "pain_physician"]]);
      const [audit] = await listAuditForPatient(h.handle.db, registered.patientId, 1);
      expect(audit).toMatchObject({ action: "patients.register", actorId: h.ids.users.physician, outcome: "allowed" });

      const raw = newestEmailTo(h.services.outboxDir, "robin.patel@example.org");
      expect(raw).toContain("You have been invited to Concord by your clinic");
      for (const clinical of ["G90.511", CRPS_CODES["G90.511"].label, "CRPS", "Dr. ", "MRN-4471", "physician"]) expect(raw).not.toContain(clinical);

      // The patient sets a password and can then read their own record.
      const token = tokenOf(raw);
      await h.callerFor(null).account.acceptInvitation({ token, password: PASSWORD, confirm: PASSWORD });
      const robin = createCaller({
        db: h.handle.db,
        dbKind: h.handle.kind,
        actor: { userId: registered.id, role: "patient", patientId: registered.patientId, active: true },
        actorName: "Robin",
        sessionId: null,
        settings: TEST_CLINIC_SETTINGS,
        services: h.services,
      });
      const [accepted] = await listAuditForPatient(h.handle.db, registered.patientId, 1);
      expect(accepted).toMatchObject({ action: "account.acceptInvitation", actorId: registered.id });
      expect((await robin.patients.get({ patientId: registered.patientId })).name).toBe("Robin Patel");
    });

    it("lets an admin register a patient without joining the team, names the admin, and refuses a repeated MRN", async () => {
      const admin = h.callerFor("admin");
      const registered = await admin.patients.register({ email: "jo@example.org", name: "Jo Ade", patient: { ...patient, phone: "" } });
      expect(await getCareTeam(h.handle.db, registered.patientId)).toEqual([]);
      expect(newestEmailTo(h.services.outboxDir, "jo@example.org")).toContain("by Riley Admin");
      expect(await codeOf(admin.patients.register({ email: "jo2@example.org", name: "Jo Two", patient: { ...patient, mrn: "MRN-4471" } }))).toBe(
        "BAD_REQUEST: Another patient already has this medical record number.",
      );
      expect(await findUserByEmail(h.handle.db, "jo2@example.org")).toBeNull();
      const missing = await codeOf(admin.patients.register({ email: "p2@example.org", name: "No Details" } as never));
      expect(missing).toContain("patient");
      const badCode = await codeOf(admin.patients.register({ email: "p3@example.org", name: "Bad Code", patient: { ...patient, diagnosisCode: "M79.1" as never } }));
      expect(badCode).toContain("Choose a CRPS diagnosis code");
      expect(await findUserByEmail(h.handle.db, "p3@example.org")).toBeNull();
    });

    it("is refused to clinicians other than pain physicians", async () => {
      expect(await codeOf(h.callerFor("pt").patients.register({ email: "no@example.org", name: "No One", patient }))).toBe(
        "FORBIDDEN: You do not have permission to do that.",
      );
      expect(await findUserByEmail(h.handle.db, "no@example.org")).toBeNull();
    });
  });

  describe("email delivery", () => {
    it("records an invitation whose email failed as not sent, creates nothing else, and a retry sends it", async () => {
      const broken = testServices({
        mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, outboxDir: h.services.outboxDir, from: "Concord <no-reply@concord.test>" }),
      });
      const registered = await callerWith(broken).patients.register({
        email: `unsent-${backend}@example.org`,
        name: "Una Sent",
        patient: { dateOfBirth: "1985-01-01", diagnosisCode: "G57.72", onsetDate: "2026-06-01" },
      });
      expect(registered.invitation.emailStatus).toBe("failed");
      expect(registered.invitation.emailError).toMatch(/^The email could not be sent: /);
      const row = await latestAccountToken(h.handle.db, registered.id, "invitation");
      expect(row).toMatchObject({ emailStatus: "failed", usedAt: null, revokedAt: null });
      const listed = await h.callerFor("admin").admin.users.list({ search: "Una Sent", limit: 5 });
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0]?.invitation).toMatchObject({ state: "not_sent" });
      expect(readdirSync(h.services.outboxDir).some((f) => f.includes(`unsent-${backend}@example.org`))).toBe(false);

      // Retry with the mail server back: sent, the failed link is dead, the new one works.
      const retried = await h.callerFor("admin").admin.users.resendInvitation({ userId: registered.id });
      expect(retried.invitation).toMatchObject({ emailStatus: "sent", emailError: null });
      expect((await h.callerFor("admin").admin.users.list({ search: "Una Sent", limit: 5 })).items[0]?.invitation?.state).toBe("sent");
      const token = tokenOf(newestEmailTo(h.services.outboxDir, `unsent-${backend}@example.org`));
      await h.callerFor(null).account.acceptInvitation({ token, password: PASSWORD, confirm: PASSWORD });
      expect((await findUserByEmail(h.handle.db, `unsent-${backend}@example.org`))?.passwordHash).not.toBeNull();
    });

    it("sends through a real SMTP server, whose message carries a working link", async () => {
      const received: Array<{ to: string[]; raw: string }> = [];
      const server = new SMTPServer({
        disabledCommands: ["AUTH", "STARTTLS"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const { port } = server.server.address() as AddressInfo;
        const smtp = testServices({ mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: h.services.outboxDir, from: "Concord <no-reply@concord.test>" }) });
        const invited = await callerWith(smtp).admin.users.invite({ email: "smtp.user@example.org", name: "Sam Tp", role: "admin", timeZone: "Europe/London" });
        expect(invited.invitation.emailStatus).toBe("sent");
        expect(received).toHaveLength(1);
        expect(received[0]?.to).toEqual(["smtp.user@example.org"]);
        expect(received[0]?.raw).toMatch(/Subject: Your invitation to Concord/);
        expect(received[0]?.raw).toMatch(/GMT|BST/);
        const link = linkFromRawEmail(received[0]?.raw ?? "");
        expect(link).toMatch(/^http:\/\/concord\.test\/invite\//);
        const token = link?.split("/invite/")[1] ?? "";
        await callerWith(smtp, null).account.acceptInvitation({ token, password: PASSWORD, confirm: PASSWORD });
        expect((await findUserByEmail(h.handle.db, "smtp.user@example.org"))?.passwordHash).toBe(await fixtureHash(PASSWORD));
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  describe("deactivation", () => {
    it("will not let an admin lock themself out", async () => {
      expect(await codeOf(h.callerFor("admin").admin.users.setActive({ userId: h.ids.users.admin, active: false }))).toBe(
        "BAD_REQUEST: You cannot deactivate your own account.",
      );
    });

    it("will not deactivate the last administrator who can sign in", async () => {
      // An invited admin who has not set a password yet cannot sign in, so does not count.
      const pending = await h.callerFor("admin").admin.users.invite({ email: "pending.admin@example.org", name: "Pen Ding", role: "admin" });
      const asPending = createCaller({
        db: h.handle.db,
        dbKind: h.handle.kind,
        actor: { userId: pending.id, role: "admin", patientId: null, active: true },
        actorName: "Pen",
        sessionId: null,
        settings: TEST_CLINIC_SETTINGS,
        services: h.services,
      });
      const activeAdmins = (await h.callerFor("admin").admin.users.list({ limit: 100 })).items.filter((u) => u.role === "admin" && u.active);
      const others = activeAdmins.filter((u) => u.id !== h.ids.users.admin && u.invitation?.state === "accepted");
      for (const other of others) await h.callerFor("admin").admin.users.setActive({ userId: other.id, active: false });
      expect(await codeOf(asPending.admin.users.setActive({ userId: h.ids.users.admin, active: false }))).toBe(
        "BAD_REQUEST: Riley Admin is the last active administrator. Invite or reactivate another administrator first, or nobody could manage accounts.",
      );
      for (const other of others) await h.callerFor("admin").admin.users.setActive({ userId: other.id, active: true });
    });

    it("withdraws the open invitation of a deactivated person, and reactivation undoes the deactivation", async () => {
      const admin = h.callerFor("admin");
      const invited = await admin.admin.users.invite({ email: "leaver@example.org", name: "Lea Ver", role: "physical_therapist" });
      const token = tokenOf(newestEmailTo(h.services.outboxDir, "leaver@example.org"));
      await admin.admin.users.setActive({ userId: invited.id, active: false });
      expect(await h.callerFor(null).account.invitation({ token })).toMatchObject({ usable: false, reason: "revoked" });
      expect(await codeOf(admin.admin.users.resendInvitation({ userId: invited.id }))).toMatch(/^BAD_REQUEST: Lea Ver's account is deactivated/);
      expect(await admin.admin.users.setActive({ userId: invited.id, active: true })).toEqual({ id: invited.id, active: true });
      await admin.admin.users.resendInvitation({ userId: invited.id });
      expect((await admin.admin.users.list({ search: "Lea Ver", limit: 5 })).items[0]).toMatchObject({ active: true, invitation: { state: "sent" } });
    });
  });

  it("assigns only active clinicians, once", async () => {
    const admin = h.callerFor("admin");
    expect(await codeOf(admin.admin.careTeams.assign({ patientId: h.ids.patients.casey, clinicianId: h.ids.users.jordan }))).toBe(
      "BAD_REQUEST: Only clinicians can join a care team.",
    );
    expect(await codeOf(admin.admin.careTeams.assign({ patientId: h.ids.patients.alex, clinicianId: h.ids.users.pt }))).toBe(
      "BAD_REQUEST: Sam Lindqvist is already on this care team.",
    );
    await admin.admin.careTeams.assign({ patientId: h.ids.patients.casey, clinicianId: h.ids.users.psychologist });
    const team = await h.callerFor("psychologist").patients.careTeam({ patientId: h.ids.patients.casey });
    expect(team.map((m) => m.name)).toContain("Dr. Jonah Weiss");
  });

  it("shows admins names and teams but no clinical fields", async () => {
    const page = await h.callerFor("admin").admin.careTeams.list({ limit: 10 });
    const alex = page.items.find((p) => p.name === "Alex Morgan");
    expect(Object.keys(alex ?? {}).sort()).toEqual(["id", "name", "team"]);
  });

  it("audits every patient a list shows, for clinicians and admins alike", async () => {
    await h.callerFor("ot").patients.list({ limit: 10 });
    // A row per patient shown, and the call's own row (no patient).
    const otRows = await listAuditForActor(h.handle.db, h.ids.users.ot, "patients.list", 3);
    expect(new Set(otRows.map((r) => r.patientId))).toEqual(new Set([h.ids.patients.alex, h.ids.patients.jordan, null]));
    const before = (await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.careTeams.list", 100)).length;
    const page = await h.callerFor("admin").admin.careTeams.list({ limit: 2 });
    const after = await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.careTeams.list", 100);
    expect(after).toHaveLength(before + 3);
    expect(new Set(after.slice(0, 3).map((r) => r.patientId))).toEqual(new Set([...page.items.map((p) => p.id), null]));
  });

  it("rejects a forged page cursor with a clear message", async () => {
    expect(await codeOf(h.callerFor("physician").patients.list({ limit: 5, cursor: "not-a-cursor" }))).toBe(
      "BAD_REQUEST: This page link is not valid. Go back to the first page.",
    );
  });

  it("names the field in validation errors", async () => {
    expect(await codeOf(h.callerFor("physician").patients.get({ patientId: "123" }))).toBe("BAD_REQUEST: patientId: This identifier is not valid.");
  });
});
