import { type APIResponse, expect, request as playwrightRequest, test } from "./fixtures";
import { ACTOR_EMAILS } from "../authz/actors";
import { apiSignIn, trpcHttp } from "./helpers";

const FHIR_JSON = /^application\/fhir\+json/;

interface Entry {
  resource: { resourceType: string; id: string; code?: { coding?: { system?: string; code?: string }[] } };
}

test("the patient reads their own record over FHIR R4; an outsider gets 404, the signed-out 401", async ({ baseURL }) => {
  const patient = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(patient, ACTOR_EMAILS.patient as string);
  const me = JSON.parse((await trpcHttp(patient, "me.get", undefined, "query")).text).result.data.json;
  const alexId: string = me.patientId;
  expect(alexId).toBeTruthy();

  // The e2e clinic has no history: the patient records a check-in for a day a month ago, so there is a
  // pain score to read (today's check-in is left for the check-in journeys).
  const header = JSON.parse((await trpcHttp(patient, "patients.get", { patientId: alexId }, "query")).text).result.data.json;
  const monthAgo = new Date(`${header.today}T12:00:00Z`);
  monthAgo.setUTCDate(monthAgo.getUTCDate() - 30);
  const checkIn = {
    date: monthAgo.toISOString().slice(0, 10),
    painNow: 7,
    painAverage: 5,
    painWorst: 8,
    symptoms: { burningPain: true },
    chestPainOrBreathlessness: false,
    suddenSwelling: false,
    coldPaleLimb: false,
    signsOfInfection: false,
    newLimbAffected: false,
    bodyLocations: [{ site: "left_arm" }],
    sleepHours: 6.5,
    sleepQuality: 5,
    mood: 6,
    adherence: [],
  };
  const submitted = await trpcHttp(patient, "checkIns.submit", { patientId: alexId, checkIn }, "mutation");
  // A rerun on the same server finds it already there: either way a check-in exists.
  expect([200, 409], submitted.text).toContain(submitted.status);

  const everything = await patient.get(`/fhir/R4/Patient/${alexId}/$everything`);
  expect(everything.status()).toBe(200);
  expect(everything.headers()["content-type"]).toMatch(FHIR_JSON);
  const bundle = await everything.json();
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  const entries: Entry[] = bundle.entry;
  const types = new Set(entries.map((e) => e.resource.resourceType));
  for (const type of ["Patient", "Condition", "CareTeam", "CarePlan", "Goal", "MedicationRequest", "Observation"]) expect(types, type).toContain(type);
  // Alerts are the team's decision support: not in the patient's own copy.
  expect(types).not.toContain("Flag");
  const pain = entries.find((e) => e.resource.resourceType === "Observation" && e.resource.code?.coding?.some((c) => c.system === "http://loinc.org" && c.code === "72514-3"));
  expect(pain, "a pain 0-10 Observation (LOINC 72514-3)").toBeTruthy();

  const search = await patient.get(`/fhir/R4/Observation?patient=Patient/${alexId}&code=http://loinc.org|72514-3&_count=1`);
  expect(search.status()).toBe(200);
  const page = await search.json();
  expect(page.entry).toHaveLength(1);
  expect(page.entry[0].resource.valueInteger).toEqual(expect.any(Number));

  // Every Observation, one a page, by following the keyset next links: each once, the same set as $everything's.
  const walked: string[] = [];
  let next: string | null = `/fhir/R4/Observation?patient=${alexId}&_count=1`;
  for (let i = 0; next && i < 250; i += 1) {
    const response: APIResponse = await patient.get(next);
    expect(response.status(), next).toBe(200);
    const body: { entry?: Entry[]; link: { relation: string; url: string }[] } = await response.json();
    walked.push(...(body.entry ?? []).map((e) => e.resource.id));
    const link: string | undefined = body.link.find((l) => l.relation === "next")?.url;
    next = link ? new URL(link).pathname + new URL(link).search : null;
  }
  expect(new Set(walked).size).toBe(walked.length);
  expect(walked.sort()).toEqual(entries.filter((e) => e.resource.resourceType === "Observation").map((e) => e.resource.id).sort());

  const carePlans = await (await patient.get(`/fhir/R4/CarePlan?patient=${alexId}`)).json();
  expect(carePlans.entry.map((e: Entry) => e.resource.resourceType)).toEqual(["CarePlan"]);

  const outsider = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(outsider, ACTOR_EMAILS.outsider as string);
  for (const path of [`/fhir/R4/Patient/${alexId}`, `/fhir/R4/Patient/${alexId}/$everything`, `/fhir/R4/Observation?patient=${alexId}`, `/fhir/R4/CarePlan?patient=${alexId}`]) {
    const response = await outsider.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] });
  }

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const signedOut = await anonymous.get(`/fhir/R4/Patient/${alexId}/$everything`);
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["content-type"]).toMatch(FHIR_JSON);
  expect(await signedOut.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });

  const metadata = await anonymous.get("/fhir/R4/metadata");
  expect(metadata.status()).toBe(200);
  expect(await metadata.json()).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1" });

  // Unsupported requests are OperationOutcomes with a 4xx, never a 500.
  expect((await patient.get(`/fhir/R4/Encounter?patient=${alexId}`)).status()).toBe(404);
  expect((await patient.get(`/fhir/R4/CarePlan?patient=${alexId}&status=active`)).status()).toBe(400);
  expect((await patient.get(`/fhir/R4/Observation?patient=${alexId}&_cursor=c.garbage!`)).status()).toBe(400);
  expect((await patient.get(`/fhir/R4/Observation?patient=${alexId}&_cursor=c.bm90LWEtY3Vyc29y`)).status()).toBe(400);
  expect((await patient.post(`/fhir/R4/Patient`, { data: "{}" })).status()).toBe(405);
});

test("a message the patient posts in a thread shared with their team is in their $everything as a Communication", async ({ baseURL }) => {
  // Casey: no other journey reads her conversations (Alex's must stay empty for the messaging journey).
  const casey = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(casey, ACTOR_EMAILS.otherPatient as string);
  const me = JSON.parse((await trpcHttp(casey, "me.get", undefined, "query")).text).result.data.json;
  const body = `FHIR check ${Date.now().toString(36)}: is swimming fine this week?`;
  const created = await trpcHttp(casey, "messaging.createThread", { patientId: me.patientId, space: "patient", title: "Swimming", body }, "mutation");
  expect(created.status, created.text).toBe(200);
  const bundle = await (await casey.get(`/fhir/R4/Patient/${me.patientId}/$everything`)).json();
  const communication = (bundle.entry as { resource: { resourceType: string; payload?: { contentString?: string }[]; sender?: { reference?: string } } }[])
    .map((e) => e.resource)
    .find((r) => r.resourceType === "Communication" && r.payload?.[0]?.contentString === body);
  expect(communication?.sender?.reference).toBe(`Patient/${me.patientId}`);
});
