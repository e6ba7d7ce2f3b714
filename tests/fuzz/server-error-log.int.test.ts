import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@concord/api";
import { testServices } from "@concord/api/testing";
import type { DbHandle } from "@concord/db";
import { type DemoIds, buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { actorFor } from "../authz/actors";
import type { ActorKind } from "../authz/matrix/index";

const TEST_SERVICES = testServices();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? `${e.code}: ${e.message}` : String(e);
  }
}

/**
 * A server error is logged without the query's parameters: message text, names, emails and the
 * password hash of a new account must never reach the log. The failures are real: a CHECK constraint
 * added for the test makes PostgreSQL refuse the insert (its error detail quotes the failing row).
 */
describe.each(testBackends())("server-error log on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  const logged: string[] = [];
  const callerFor = (kind: ActorKind) =>
    createCaller({ db: handle.db, dbKind: handle.kind, actor: actorFor(kind, ids), actorName: kind, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    await handle.db.execute("alter table message_threads add constraint log_probe_threads check (false) not valid");
    await handle.db.execute("alter table users add constraint log_probe_users check (false) not valid");
  });
  afterAll(async () => handle?.close());
  afterEach(() => {
    vi.restoreAllMocks();
    logged.length = 0;
  });

  function captureLog() {
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ""}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }

  it("logs a failed message insert with its SQL and database code, not the text written", async () => {
    captureLog();
    const answer = await codeOf(
      callerFor("pt").messaging.createThread({ patientId: ids.patients.alex, space: "patient", title: "Secret topic 7f3a", body: "Secret body 7f3a" }),
    );
    expect(answer).toBe("INTERNAL_SERVER_ERROR: Something went wrong on our side. Nothing was saved; please try again.");
    const log = logged.join("\n");
    expect(log).toContain("[trpc] messaging.createThread failed");
    expect(log).toMatch(/insert into "message_threads"/);
    expect(log).toContain("23514");
    expect(log).not.toContain("Secret");
    expect(log).not.toContain("params");
  });

  it("logs a failed account insert without the email, the name or the password hash", async () => {
    captureLog();
    const answer = await codeOf(callerFor("admin").admin.users.invite({ email: "hidden-7f3a@concord.test", name: "Hidden Person", role: "physical_therapist" }));
    expect(answer).toMatch(/^INTERNAL_SERVER_ERROR/);
    const log = logged.join("\n");
    expect(log).toContain("[trpc] admin.users.invite failed");
    expect(log).toMatch(/insert into "users"/);
    expect(log).not.toContain("hidden-7f3a");
    expect(log).not.toContain("Hidden Person");
    expect(log).not.toMatch(/\$argon2|fixture\$/);
  });
});
