import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@concord/api";
import { testServices } from "@concord/api/testing";
import { UNSAFE_TEXT_MESSAGE } from "@concord/domain";
import type { DbHandle } from "@concord/db";
import { type DemoIds, buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { actorFor } from "../authz/actors";
import { ACTOR_KINDS, type ActorKind, MATRIX, MATRIX_FIXTURES } from "../authz/matrix/index";

/** The inputs the issue reported as server errors, each now a 400 in words, with nothing written. */
const TEST_SERVICES = testServices();
const PAGE_LINK = "This page link is not valid. Go back to the first page.";
const forged = Buffer.from(JSON.stringify(["a", "not-a-uuid"])).toString("base64url");

const CURSOR_LISTS = [
  "patients.list",
  "messaging.threads",
  "alerts.list",
  "alerts.worklist",
  "alerts.patientQuestions",
  "checkIns.list",
  "measures.list",
  "carePlan.history",
  "carePlan.comments",
  "carePlan.pastReview",
  "admin.users.list",
  "admin.careTeams.list",
];

type Change = (input: Record<string, unknown>) => Record<string, unknown>;
const TEXT_CASES: Array<[string, Change]> = [
  ["messaging.post", (i) => ({ ...i, body: "Hello\u0000 there" })],
  ["messaging.createThread", (i) => ({ ...i, title: "Topic \u0000" })],
  ["carePlan.comment", (i) => ({ ...i, body: "A comment \uD800" })],
  ["patients.list", (i) => ({ ...i, search: "al\u0000" })],
  ["checkIns.submit", (i) => ({ ...i, checkIn: { ...(i.checkIn as object), note: "slept badly \uDC00" } })],
  ["measures.recordLimbTemperature", (i) => ({ ...i, site: "dorsum\u0000" })],
];

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

describe.each(testBackends())("the reported server errors on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  const fixtures: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    for (const setup of MATRIX_FIXTURES) Object.assign(fixtures, await setup(handle.db, ids));
  });
  afterAll(async () => handle?.close());

  async function answer(path: string, change: Change): Promise<string> {
    const row = MATRIX.find((r) => r.path === path);
    if (!row) throw new Error(`${path} has no matrix row`);
    const kind = ACTOR_KINDS.find((k) => row.expect[k] === "allow") as ActorKind;
    n += 1;
    const input = change((row.input({ ids, patientId: ids.patients.alex, actor: kind, unique: `issue-${backend}-${n}`, fixtures }) ?? {}) as Record<string, unknown>);
    const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: actorFor(kind, ids), actorName: kind, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
    try {
      await callByPath(caller, path, input);
      return "OK";
    } catch (e) {
      return e instanceof TRPCError ? `${e.code}: ${e.message}` : String(e);
    }
  }

  it.each(CURSOR_LISTS)("%s refuses a forged cursor in words", async (path) => {
    expect(await answer(path, (i) => ({ ...i, cursor: forged }))).toBe(`BAD_REQUEST: ${PAGE_LINK}`);
  });

  it.each(TEXT_CASES)("%s refuses a NUL or a lone surrogate in words", async (path, change) => {
    const result = await answer(path, change);
    expect(result).toMatch(/^BAD_REQUEST: /);
    expect(result).toContain(UNSAFE_TEXT_MESSAGE);
  });

  it.each(["checkIns.get", "measures.submitPhq9", "patients.accessLog"])("%s refuses a date in year 0, which PostgreSQL cannot store", async (path) => {
    const field = path === "checkIns.get" ? "date" : path === "patients.accessLog" ? "before" : "takenOn";
    expect(await answer(path, (i) => ({ ...i, [field]: "0000-01-01" }))).toMatch(new RegExp(`^BAD_REQUEST: ${field}: `));
  });

  it("checkIns.edit refuses a version past the integer range", async () => {
    expect(await answer("checkIns.edit", (i) => ({ ...i, expectedVersion: 2 ** 31 }))).toMatch(/^BAD_REQUEST: expectedVersion: /);
  });
});
