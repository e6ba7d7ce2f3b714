import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInZone } from "@concord/domain";
import { queryRows, sql } from "@concord/db";
import { DEMO_TIME_ZONES } from "../demo/index";
import { type Harness, checkInInput, codeOf, openHarness } from "../testing/harness";

/**
 * The clinician's dashboard reads over the demo clinic: the list's numbers against what the patient
 * submitted, the summary's sections, who may read the summary, and what it leaves out.
 */
const today = todayInZone(DEMO_TIME_ZONES.alex);

describe("clinician dashboards (PGlite)", () => {
  let h: Harness;
  let alex: string;
  beforeAll(async () => {
    h = await openHarness("pglite");
    alex = h.ids.patients.alex;
    const patient = h.callerFor("alex");
    const plan = await h.callerFor("physician").carePlan.get({ patientId: alex });
    const exercise = plan.plan.interventions.find((i) => i.status === "active" && i.category === "pt_ot");
    if (!exercise) throw new Error("the demo plan has an active exercise");
    await patient.checkIns.submit({ patientId: alex, checkIn: checkInInput(addDays(today, -3), { painAverage: 7, adherence: [{ interventionId: exercise.id, status: "done" }] }) });
    await patient.checkIns.submit({ patientId: alex, checkIn: checkInInput(addDays(today, -1), { painAverage: 4, adherence: [{ interventionId: exercise.id, status: "partly" }], note: "Better after the mirror work." }) });
    // A red flag raises an urgent alert.
    await patient.checkIns.submit({ patientId: alex, checkIn: checkInInput(today, { painAverage: 6, signsOfInfection: true }) });
    // A shared thread the patient opened, then a team-only thread between clinicians (newest).
    await patient.messaging.createThread({ patientId: alex, space: "patient", title: "Mirror questions", body: "How long should each session be?" });
    await h.callerFor("physician").messaging.createThread({ patientId: alex, space: "team", title: "Pregabalin step", body: "Team only: hold the step if dizzy." });
  });
  afterAll(async () => h?.close());

  it("lists the patient with their last check-in, 30-day pain, alerts and 14-day adherence", async () => {
    const page = await h.callerFor("physician").patients.list({ limit: 25 });
    const row = page.items.find((p) => p.id === alex);
    expect(row).toMatchObject({ lastCheckInDate: today, lastPainAverage: 6, openUrgentAlerts: 1 });
    expect(row?.painSeries).toEqual([
      { date: addDays(today, -3), pain: 7 },
      { date: addDays(today, -1), pain: 4 },
      { date: today, pain: 6 },
    ]);
    // done (1) and partly (½) over two reported entries; today's check-in reported no exercises.
    expect(row?.adherence).toEqual({ percentage: 75, daysWithData: 2, daysInWindow: 14 });
    // Urgent first: Alex's open urgent alert puts them at the top.
    expect(page.items[0]?.id).toBe(alex);
    const byName = await h.callerFor("physician").patients.list({ limit: 25, sort: "name" });
    expect(byName.items.map((p) => p.name)).toEqual([...byName.items.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
  });

  it("summarises medications with doses, items by goal, open alerts, next review and recent messages", async () => {
    const summary = await h.callerFor("psychologist").patients.summary({ patientId: alex });
    expect(summary.medications.map((m) => [m.name, m.dose])).toEqual([["Pregabalin", "75 mg oral, twice a day"]]);
    expect(summary.goals.map((g) => g.goalId)).toEqual(["pain", "mobility", "function", "wellbeing"]);
    expect(summary.goals.find((g) => g.goalId === "mobility")?.interventions.map((i) => i.name).join(" | ")).toMatch(/mirror/i);
    expect(summary.goals.flatMap((g) => g.interventions).every((i) => i.status === "active" || i.status === "paused")).toBe(true);
    expect(summary.openAlerts.urgentTotal).toBe(1);
    expect(summary.openAlerts.items[0]?.severity).toBe("urgent");
    expect(summary.nextReview?.date).toBe(addDays(today, 14));
    expect(summary.messagesVisible).toBe(true);
    expect(summary.recentMessages.map((m) => [m.threadTitle, m.space, m.body])).toEqual([
      ["Pregabalin step", "team", "Team only: hold the step if dizzy."],
      ["Mirror questions", "patient", "How long should each session be?"],
    ]);
  });

  it("is the care team's only: a clinician outside it, the patient and an administrator get 'not found'", async () => {
    for (const key of ["outsider", "alex", "jordan", "admin"] as const) {
      expect(await codeOf(h.callerFor(key).patients.summary({ patientId: alex }))).toMatch(/^NOT_FOUND/);
    }
    expect(await codeOf(h.callerFor(null).patients.summary({ patientId: alex }))).toMatch(/^UNAUTHORIZED/);
  });

  it("audits each read once, and the refusals as denied", async () => {
    const before = await queryRows<{ id: number }>(h.handle.db, sql`select coalesce(max(id), 0)::int as id from audit_events`);
    await h.callerFor("pt").patients.summary({ patientId: alex });
    await codeOf(h.callerFor("outsider").patients.summary({ patientId: alex }));
    const rows = await queryRows<{ actor_id: string; outcome: string; patient_id: string }>(
      h.handle.db,
      sql`select actor_id, outcome, patient_id from audit_events where id > ${before[0]?.id ?? 0} and action = 'patients.summary' order by id`,
    );
    expect(rows).toEqual([
      { actor_id: h.ids.users.pt, outcome: "allowed", patient_id: alex },
      { actor_id: h.ids.users.outsider, outcome: "denied", patient_id: alex },
    ]);
  });
});
