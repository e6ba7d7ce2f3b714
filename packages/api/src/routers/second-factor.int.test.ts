import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnusedRecoveryCodes, enableSecondFactor, getSecondFactor, listAuditForActor, startSecondFactorEnrolment } from "@concord/db";
import { TEST_CLINIC_SETTINGS, testBackends } from "@concord/db/testing";
import { createMailer } from "../mail/mailer";
import { createCaller } from "../root";
import { type Harness, codeOf, openHarness } from "../testing/harness";
import { testServices } from "../testing/services";

/** A second factor in force for a user, as sign-in leaves it (the secret is opaque here). */
async function enrolled(h: Harness, userId: string) {
  expect(await startSecondFactorEnrolment(h.handle.db, userId, "v1.aaaa.bbbb.cccc", ["h1", "h2", "h3"])).toBe(true);
  expect(await enableSecondFactor(h.handle.db, userId, 1)).toBe(true);
}

describe.each(testBackends())("admin resets a second factor on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.close());

  it("removes the secret and recovery codes, audits it, and tells the person by email", async () => {
    await enrolled(h, h.ids.users.pt);
    const before = readdirSync(h.services.outboxDir).length;
    const result = await h.callerFor("admin").admin.users.resetSecondFactor({ userId: h.ids.users.pt });
    expect(result).toEqual({ userId: h.ids.users.pt, emailed: true });
    expect(await getSecondFactor(h.handle.db, h.ids.users.pt)).toBeNull();
    expect(await countUnusedRecoveryCodes(h.handle.db, h.ids.users.pt)).toBe(0);
    const [, audit] = await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.users.resetSecondFactor", 2);
    expect(audit).toMatchObject({ outcome: "allowed", detail: { userId: h.ids.users.pt } });
    const files = readdirSync(h.services.outboxDir).sort();
    expect(files.length).toBe(before + 1);
    const raw = files
      .map((f) => readFileSync(join(h.services.outboxDir, f), "utf8").replace(/=\r?\n/g, ""))
      .find((text) => text.includes("two-factor sign-in was reset"));
    expect(raw).toContain("pt@concord.demo");
    expect(raw).toContain("An administrator at your clinic has reset the two-factor sign-in");
    // The account list shows who has it on (never the secret).
    const list = await h.callerFor("admin").admin.users.list({ limit: 50 });
    expect(list.items.find((u) => u.id === h.ids.users.pt)?.secondFactorOn).toBe(false);
    expect(JSON.stringify(list)).not.toContain("v1.aaaa");
  });

  it("says so when there is nothing to reset, and refuses anyone but an admin", async () => {
    const name = await nameOf(h, h.ids.users.ot);
    expect(await codeOf(h.callerFor("admin").admin.users.resetSecondFactor({ userId: h.ids.users.ot }))).toBe(`BAD_REQUEST: ${name} has no two-factor sign-in to reset.`);
    await enrolled(h, h.ids.users.psychologist);
    expect(await codeOf(h.callerFor("physician").admin.users.resetSecondFactor({ userId: h.ids.users.psychologist }))).toMatch(/^FORBIDDEN|^NOT_FOUND/);
    expect(await codeOf(h.callerFor("alex").admin.users.resetSecondFactor({ userId: h.ids.users.psychologist }))).toMatch(/^FORBIDDEN|^NOT_FOUND/);
    expect((await getSecondFactor(h.handle.db, h.ids.users.psychologist))?.enabledAt).toBeInstanceOf(Date);
    expect(await codeOf(h.callerFor("admin").admin.users.resetSecondFactor({ userId: "not-a-uuid" }))).toMatch(/^BAD_REQUEST/);
  });

  it("keeps the reset when the email cannot be sent, and records that it was not", async () => {
    await enrolled(h, h.ids.users.physician);
    // A real SMTP client pointed at a closed port: the server refuses the connection.
    const services = testServices({ mailer: createMailer({ smtpUrl: "smtp://127.0.0.1:1", outboxDir: mkdtempSync(join(tmpdir(), "concord-2fa-")), from: "Concord <t@t>" }) });
    const caller = createCaller({ db: h.handle.db, dbKind: h.handle.kind, actor: h.actor("admin"), actorName: "admin", sessionId: null, settings: TEST_CLINIC_SETTINGS, services });
    expect(await caller.admin.users.resetSecondFactor({ userId: h.ids.users.physician })).toEqual({ userId: h.ids.users.physician, emailed: false });
    expect(await getSecondFactor(h.handle.db, h.ids.users.physician)).toBeNull();
    // The call succeeded (its own row is newest); the failed email is on the record just before it.
    const [call, failed] = await listAuditForActor(h.handle.db, h.ids.users.admin, "admin.users.resetSecondFactor", 2);
    expect(call).toMatchObject({ outcome: "allowed", detail: { permission: "admin.user.secondFactor.reset", type: "mutation" } });
    expect(failed).toMatchObject({ outcome: "error", detail: { userId: h.ids.users.physician, step: "email" } });
  });
});

async function nameOf(h: Harness, userId: string) {
  const list = await h.callerFor("admin").admin.users.list({ limit: 50 });
  return list.items.find((u) => u.id === userId)?.name;
}
