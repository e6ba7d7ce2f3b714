import { expect, request as playwrightRequest, test } from "./fixtures";
import { ACTOR_EMAILS } from "../authz/actors";
import { apiSignIn, trpcHttp } from "./helpers";
import { pdfText } from "./pdf-text";

test("the patient and a clinician on the team download the second-opinion PDF; anyone else gets 404", async ({ baseURL }) => {
  const physician = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(physician, "physician@concord.demo");
  const list = await trpcHttp(physician, "patients.list", { limit: 10 }, "query");
  const alex = JSON.parse(list.text).result.data.json.items.find((p: { name: string }) => p.name === "Alex Morgan");
  expect(alex?.id).toBeTruthy();
  const summary = JSON.parse((await trpcHttp(physician, "patients.secondOpinion", { patientId: alex.id }, "query")).text).result.data.json;
  const medication: string | undefined = summary.medications[0]?.name;
  expect(medication, "the demo plan has a medication to report").toBeTruthy();

  const download = async (context: typeof physician, path: string) => {
    const response = await context.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="second-opinion-Alex-Morgan-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    return pdfText(body);
  };

  const clinicianCopy = await download(physician, `/patients/${alex.id}/second-opinion.pdf`);
  expect(clinicianCopy).toContain("ICD-10-CM");
  expect(clinicianCopy).toContain("G90.512");
  expect(clinicianCopy).toContain("12 Apr 1988");
  expect(clinicianCopy).toContain("left upper limb");
  expect(clinicianCopy).toContain(medication as string);
  expect(clinicianCopy).toContain("Open alerts");

  const patient = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(patient, ACTOR_EMAILS.patient as string);
  const ownCopy = await download(patient, "/me/second-opinion.pdf");
  expect(ownCopy).toContain("G90.512");
  expect(ownCopy).toContain("12 Apr 1988");
  expect(ownCopy).toContain("listed in the care team's copy");

  const outsider = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(outsider, ACTOR_EMAILS.outsider as string);
  const otherPatient = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(otherPatient, ACTOR_EMAILS.otherPatient as string);
  const admin = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(admin, ACTOR_EMAILS.admin as string);
  const anonymous = await playwrightRequest.newContext({ baseURL });
  for (const [who, context] of Object.entries({ outsider, otherPatient, admin, anonymous })) {
    const response = await context.get(`/patients/${alex.id}/second-opinion.pdf`);
    expect(response.status(), who).toBe(404);
    expect(response.headers()["content-type"], who).not.toContain("pdf");
  }
  // A clinician has no "own" summary; a stranger's id is as unknown as a missing one.
  expect((await physician.get("/me/second-opinion.pdf")).status()).toBe(404);
  expect((await physician.get("/patients/00000000-0000-4000-8000-00000000abcd/second-opinion.pdf")).status()).toBe(404);

  // (The audit row of each download is checked in packages/api/src/routers/second-opinion.int.test.ts.)
  for (const c of [physician, patient, outsider, otherPatient, admin, anonymous]) await c.dispose();
});
