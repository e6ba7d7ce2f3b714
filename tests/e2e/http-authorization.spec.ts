import { expect, request as playwrightRequest, test } from "./fixtures";
import { ACTOR_EMAILS } from "../authz/actors";
import { MATRIX, type MatrixContext } from "../authz/matrix/index";
import { listProcedureTypes } from "./procedure-types";
import { PORTAL_ORIGIN, apiSignIn, trpcHttp } from "./helpers";

const ANY_ID = "00000000-0000-4000-8000-00000000abcd";
/** Over HTTP we know only the target patient's id; every other id in an input is a stand-in. */
const standInIds = new Proxy({}, { get: () => new Proxy({}, { get: () => ANY_ID }) }) as MatrixContext["ids"];

test("outsiders, other patients, the compliance officer and anonymous callers are denied every patient procedure over HTTP", async ({ baseURL }) => {
  const physician = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(physician, "physician@concord.demo");
  const list = await trpcHttp(physician, "patients.list", { limit: 10 }, "query");
  const alex = JSON.parse(list.text).result.data.json.items.find((p: { name: string }) => p.name === "Alex Morgan");
  expect(alex?.id).toBeTruthy();

  const callers = {
    outsider: await playwrightRequest.newContext({ baseURL }),
    otherPatient: await playwrightRequest.newContext({ baseURL }),
    compliance: await playwrightRequest.newContext({ baseURL }),
    anonymous: await playwrightRequest.newContext({ baseURL }),
  };
  await apiSignIn(callers.outsider, ACTOR_EMAILS.outsider!);
  await apiSignIn(callers.otherPatient, ACTOR_EMAILS.otherPatient!);
  await apiSignIn(callers.compliance, ACTOR_EMAILS.compliance!);

  const types = listProcedureTypes();
  const rows = MATRIX.filter((r) => r.patientScoped);
  expect(rows.length).toBeGreaterThan(1);
  const results: string[] = [];
  for (const row of rows) {
    for (const [kind, context] of Object.entries(callers)) {
      const input = row.input({ ids: standInIds, patientId: alex.id, actor: kind as MatrixContext["actor"], unique: `http-${kind}`, fixtures: new Proxy({}, { get: () => ANY_ID }) });
      const { status, text } = await trpcHttp(context, row.path, input, types[row.path] ?? "query");
      const expected = kind === "anonymous" ? 401 : 404;
      results.push(`${row.path} ${kind} ${status}`);
      expect(status, `${row.path} as ${kind}: ${text.slice(0, 200)}`).toBe(expected);
      expect(text).not.toContain("Alex");
    }
  }
  console.log(`HTTP denials checked: ${results.length}`);
});

test("malformed and oversized input gets a 400 naming the field, and a huge body a 413", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(admin, "admin@concord.demo");
  const bad = await trpcHttp(admin, "admin.users.invite", { email: "not-an-email", name: "x".repeat(500), role: "wizard" }, "mutation");
  expect(bad.status).toBe(400);
  const message = JSON.parse(bad.text).error.json.message as string;
  expect(message).toContain("email: Enter a valid email address.");
  expect(message).toContain("name: The name is too long");
  const broken = await admin.post("/api/trpc/admin.users.invite", { data: "{not json", headers: { "content-type": "application/json", origin: PORTAL_ORIGIN } });
  expect(broken.status()).toBe(400);
  const huge = await trpcHttp(admin, "admin.users.invite", { email: "a@b.co", name: "y".repeat(2_000_000), role: "admin" }, "mutation");
  expect(huge.status).toBe(413);
  // Nothing was written by the failed requests.
  const users = await trpcHttp(admin, "admin.users.list", { search: "a@b.co", limit: 5 }, "query");
  expect(JSON.parse(users.text).result.data.json.items).toEqual([]);
});

test("a cross-site mutation is refused even with a valid session", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(admin, "admin@concord.demo");
  const response = await admin.post("/api/trpc/admin.users.setActive", {
    data: JSON.stringify({ json: { userId: "00000000-0000-4000-8000-000000000001", active: false } }),
    headers: { "content-type": "application/json", origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.json.message).toBe("Cross-site requests are not allowed.");
});

test("the compliance officer's procedures answer only the compliance officer over HTTP; emergency access only clinicians", async ({ baseURL }) => {
  const types = listProcedureTypes();
  const kinds = ["physician", "patient", "admin", "compliance", "anonymous"] as const;
  const contexts = Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await playwrightRequest.newContext({ baseURL })] as const)));
  for (const k of kinds) if (k !== "anonymous") await apiSignIn(contexts[k]!, ACTOR_EMAILS[k]!);
  const rows = MATRIX.filter((r) => r.path.startsWith("compliance.") && r.path !== "compliance.reviewEmergencyAccess");
  expect(rows.length).toBe(5);
  let checked = 0;
  for (const row of rows) {
    for (const k of kinds) {
      const input = row.input({ ids: standInIds, patientId: ANY_ID, actor: k, unique: `http-c-${k}`, fixtures: new Proxy({}, { get: () => ANY_ID }) });
      const { status, text } = await trpcHttp(contexts[k]!, row.path, input, types[row.path] ?? "query");
      const expected = k === "compliance" ? 200 : k === "anonymous" ? 401 : 403;
      expect(status, `${row.path} as ${k}: ${text.slice(0, 200)}`).toBe(expected);
      if (k !== "compliance") expect(text).not.toMatch(/Alex|Morgan|patients\.get/);
      checked += 1;
    }
  }
  // Breaking the glass is for clinicians: a compliance officer, an admin and a patient are refused.
  for (const k of ["compliance", "admin", "patient"] as const) {
    const { status } = await trpcHttp(contexts[k]!, "emergencyAccess.open", { name: "Casey Nguyen", dateOfBirth: "1996-01-22", reason: "An HTTP probe, not an emergency." }, "mutation");
    expect(status, k).toBe(403);
    checked += 1;
  }
  console.log(`HTTP compliance and emergency-access checks: ${checked}`);
});
