import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "@concord/db/testing";
import { type Harness, codeOf, openHarness } from "../testing/harness";

describe.each(testBackends())("who has looked at my record, on %s", (backend) => {
  let h: Harness;
  let alex: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("lists, by day, each person who opened or changed the record, with role and what they did; never the patient's own reads", async () => {
    await h.callerFor("alex").patients.get({ patientId: alex });
    await h.callerFor("physician").patients.get({ patientId: alex });
    await h.callerFor("physician").patients.get({ patientId: alex });
    await h.callerFor("ot").carePlan.get({ patientId: alex });
    const log = await h.callerFor("alex").patients.accessLog({ patientId: alex });
    expect(log.days.length).toBeGreaterThanOrEqual(1);
    const today = log.days[0]!;
    const doctor = today.entries.find((e) => e.who === "Dr. Maya Okafor" && e.what === "opened your record");
    expect(doctor).toMatchObject({ role: "Pain physician", times: 2 });
    expect(today.entries.find((e) => e.who === "Priya Raman")).toMatchObject({ role: "Occupational therapist", what: "read your care plan" });
    expect(today.entries.some((e) => e.who === "Alex Morgan")).toBe(false);
    expect(JSON.stringify(log)).not.toMatch(/carePlan\.|patients\.get/);
  });

  it("is the patient's own: the team, another patient and an admin get not found", async () => {
    for (const who of ["physician", "jordan", "admin", "outsider"] as const) {
      expect(await codeOf(h.callerFor(who).patients.accessLog({ patientId: alex })), who).toMatch(/^NOT_FOUND/);
    }
    expect(await codeOf(h.callerFor("alex").patients.accessLog({ patientId: alex, before: "2023-02-30" }))).toMatch(/^BAD_REQUEST/);
  });
});
