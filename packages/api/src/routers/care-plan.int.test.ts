import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { DomainError, type PlanCommand } from "@concord/domain";
import { and, eq, getCarePlan, listAuditForActor, listCarePlanRevisionVersions, listNotifications, schema } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { type DemoActorKey, type Harness, openHarness } from "../testing/harness";

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause instanceof DomainError ? e.cause : null;
    return { code: e.code, message: e.message, ...(cause?.details ? { details: cause.details } : {}) };
  }
  throw new Error("expected the call to fail");
}

describe.each(testBackends())("carePlan procedures on %s", (backend) => {
  let h: Harness;
  let alex: string;
  const call = (key: DemoActorKey | null) => h.callerFor(key).carePlan;
  const findItem = async (therapyId: string) => {
    const plan = await call("physician").get({ patientId: alex });
    const item = plan.plan.interventions.find((i) => i.therapyId === therapyId);
    if (!item) throw new Error(`no ${therapyId} in the plan`);
    return { plan, item };
  };
  const chain = async (patientId: string) => {
    const record = await getCarePlan(h.handle.db, patientId);
    return { version: record?.version ?? null, revisions: record ? await listCarePlanRevisionVersions(h.handle.db, record.id) : [] };
  };

  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("gives the team the seeded plan with its version; Jordan's plan is past review", async () => {
    const plan = await call("pt").get({ patientId: alex });
    expect(plan.exists).toBe(true);
    expect(plan.version).toBe(9);
    expect(plan.plan.goals.map((g) => g.id)).toEqual(["pain", "mobility", "function", "wellbeing"]);
    expect(plan.plan.interventions.map((i) => [i.therapyId, i.status])).toEqual([
      ["pregabalin", "active"],
      ["mirror-therapy", "active"],
      ["desensitization", "active"],
      ["cbt", "proposed"],
      ["sleep-hygiene", "active"],
    ]);
    expect(plan.pastReview).toBe(false);
    expect(plan.viewerDiscipline).toBe("physical_therapist");
    expect(plan.names[h.ids.users.pt]).toBe("Sam Lindqvist");
    expect((await call("physician").get({ patientId: h.ids.patients.jordan })).pastReview).toBe(true);
    expect(await chain(alex)).toEqual({ version: 9, revisions: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
  });

  it("gives the team the plan and its history, the patient only their patient view, and denies everyone else without a leak", async () => {
    expect((await call("physician").get({ patientId: alex })).version).toBe(9);
    expect((await call("physician").history({ patientId: alex })).items).toHaveLength(9);
    // The patient reads their plan through patientView: never the team's document (notes, stop reasons, proposals) or change log.
    expect((await call("alex").patientView({ patientId: alex })).view?.version).toBe(9);
    expect(await failure(call("alex").get({ patientId: alex }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(call("alex").history({ patientId: alex }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(call(null).get({ patientId: alex }))).toMatchObject({ code: "UNAUTHORIZED" });
    for (const key of ["outsider", "unassigned", "admin", "casey"] as const) {
      expect(await failure(call(key).get({ patientId: alex }))).toMatchObject({ code: "NOT_FOUND" });
    }
    const [denied] = await listAuditForActor(h.handle.db, h.ids.users.outsider, "carePlan.get", 1);
    expect(denied).toMatchObject({ outcome: "denied", patientId: alex });
  });

  it("applies a change by the owning discipline, bumps the version by one and records who did what", async () => {
    const { plan, item } = await findItem("mirror-therapy");
    const result = await call("pt").update({
      patientId: alex,
      expectedVersion: plan.version,
      command: { type: "changeInterventionStatus", interventionId: item.id, to: "paused" },
    });
    expect(result.version).toBe(plan.version + 1);
    expect(result.summary).toBe("Mirror therapy (graded motor imagery): status active → paused");
    const history = await call("physician").history({ patientId: alex, limit: 1 });
    expect(history.items[0]).toMatchObject({
      version: plan.version + 1,
      authorName: "Sam Lindqvist",
      authorRole: "Physical therapist",
      summary: "Mirror therapy (graded motor imagery): status active → paused",
      diff: [{ path: `interventions.${item.id}.status`, kind: "changed", before: "active", after: "paused" }],
    });
    // The rest of the team and the patient hear of it; the author does not.
    const forPhysician = await listNotifications(h.handle.db, { userId: h.ids.users.physician, limit: 5 });
    expect(forPhysician.items[0]).toMatchObject({ kind: "plan_change", link: `/patients/${alex}/plan` });
    const forPatient = await listNotifications(h.handle.db, { userId: h.ids.users.alex, limit: 5 });
    expect(forPatient.items[0]).toMatchObject({ kind: "plan_change", link: "/me/plan" });
    // Unread only: the demo clinic's own plan-building notifications are on record, read.
    expect((await listNotifications(h.handle.db, { userId: h.ids.users.pt, unreadOnly: true, limit: 5 })).items).toHaveLength(0);
  });

  it("refuses a stale edit of an item changed since with CONFLICT naming what changed, and writes nothing", async () => {
    const { plan, item } = await findItem("mirror-therapy");
    const stale = plan.version - 1;
    const before = await chain(alex);
    const error = await failure(
      call("pt").update({
        patientId: alex,
        expectedVersion: stale,
        command: { type: "updateIntervention", interventionId: item.id, note: "Five minutes, twice a day." },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      `Someone else changed this plan while you were editing (now version ${plan.version}: Sam Lindqvist — Mirror therapy (graded motor imagery): status active → paused). Review their change and apply yours again.`,
    );
    expect(error.details).toMatchObject({
      currentVersion: plan.version,
      expectedVersion: stale,
      changes: [{ version: plan.version, authorName: "Sam Lindqvist", authorRole: "Physical therapist", summary: "Mirror therapy (graded motor imagery): status active → paused" }],
    });
    expect(await chain(alex)).toEqual(before);
    const [audit] = await listAuditForActor(h.handle.db, h.ids.users.pt, "carePlan.update", 1);
    expect(audit).toMatchObject({ outcome: "error", detail: { code: "CONFLICT" } });
  });

  it("re-applies a stale edit of an item nobody changed since on the current plan, and records where it came from", async () => {
    const { plan, item } = await findItem("pregabalin");
    const stale = plan.version - 1;
    const result = await call("physician").update({
      patientId: alex,
      expectedVersion: stale,
      command: { type: "updateIntervention", interventionId: item.id, note: "Take with food." },
    });
    expect(result.version).toBe(plan.version + 1);
    expect(result.summary).toBe("Pregabalin: note added");
    // The change made since (mirror therapy paused) is kept, not overwritten by the older view.
    expect(result.plan.interventions.find((i) => i.therapyId === "mirror-therapy")?.status).toBe("paused");
    expect(result.plan.interventions.find((i) => i.id === item.id)?.note).toBe("Take with food.");
    const record = await getCarePlan(h.handle.db, alex);
    const [revision] = await h.handle.db
      .select()
      .from(schema.carePlanRevisions)
      .where(and(eq(schema.carePlanRevisions.planId, record?.id ?? ""), eq(schema.carePlanRevisions.version, plan.version + 1)));
    expect(revision?.command).toMatchObject({ type: "updateIntervention", rebasedFrom: stale });
  });

  it("answers CONFLICT with the rule's reason when a stale edit of an untouched item fails on the current plan", async () => {
    const { plan, item } = await findItem("sleep-hygiene");
    const before = await chain(alex);
    const error = await failure(
      call("physician").update({
        patientId: alex,
        expectedVersion: plan.version - 1,
        command: { type: "recordTrialEntry", interventionId: item.id, entry: { type: "response", date: "2026-01-01", pain: 5, note: "Sleeping better" } },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("and your change no longer fits it: Trial entries are kept for medications only");
    expect(error.details).toMatchObject({ currentVersion: plan.version, expectedVersion: plan.version - 1, detectedBy: "rebase" });
    expect(await chain(alex)).toEqual(before);
  });

  describe("bad input is refused with a reason, and nothing is written", () => {
    const cases: Array<[string, DemoActorKey, (ids: Record<string, string>) => PlanCommand, string, string]> = [
      ["an unknown therapy", "physician", () => ({ type: "addIntervention", therapy: { therapyId: "leeches" }, details: {} }), "BAD_REQUEST", "Unknown therapy “leeches”"],
      [
        "a dose outside the sane range",
        "physician",
        (ids) => ({ type: "recordTrialEntry", interventionId: ids.pregabalin!, entry: { type: "dose_change", to: 900, date: "2026-01-01", reason: "typo" } }),
        "BAD_REQUEST",
        "Pregabalin dose 900 mg is outside the accepted range (25–300 mg per dose)",
      ],
      [
        "a stop without a reason",
        "physician",
        (ids) => ({ type: "changeInterventionStatus", interventionId: ids.pregabalin!, to: "stopped" }),
        "BAD_REQUEST",
        "Give a reason for stopping “Pregabalin”",
      ],
      ["a goal without a target", "psychologist", () => ({ type: "updateGoal", goalId: "wellbeing", targets: [] }), "BAD_REQUEST", "A goal needs at least one measurable target."],
      [
        "an edit by the wrong discipline",
        "pt",
        (ids) => ({ type: "updateIntervention", interventionId: ids.pregabalin!, details: { dose: 100 } }),
        "FORBIDDEN",
        "Only the pain physician can change medications. You can still comment or propose a change.",
      ],
      [
        "a responsible clinician from outside the team",
        "physician",
        (ids) => ({ type: "updateIntervention", interventionId: ids.pregabalin!, responsibleClinicianId: ids.outsider! }),
        "BAD_REQUEST",
        "The responsible clinician must be on this patient's care team.",
      ],
      ["a change that changes nothing", "physician", () => ({ type: "updateGoal", goalId: "pain" }), "BAD_REQUEST", "nothing was saved"],
    ];
    it.each(cases)("%s", async (_label, actor, command, code, message) => {
      const { plan, item } = await findItem("pregabalin");
      const before = await chain(alex);
      const error = await failure(
        call(actor).update({ patientId: alex, expectedVersion: plan.version, command: command({ pregabalin: item.id, outsider: h.ids.users.outsider }) }),
      );
      expect(error.code).toBe(code);
      expect(error.message).toContain(message);
      expect(await chain(alex)).toEqual(before);
    });

    it("a malformed request never reaches the plan", async () => {
      const before = await chain(alex);
      const error = await failure(call("physician").update({ patientId: alex, expectedVersion: -1, command: { type: "nonsense" } as never }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(await chain(alex)).toEqual(before);
    });
  });

  it("lets a non-owner propose but not activate, and the owner take it on", async () => {
    const plan = await call("ot").get({ patientId: alex });
    const proposed = await call("ot").update({
      patientId: alex,
      expectedVersion: plan.version,
      command: { type: "addIntervention", therapy: { therapyId: "topical-lidocaine" }, status: "active", details: { dose: 1, unit: "patch", route: "topical", dosesPerDay: 1, schedule: "12 hours on, 12 off" } },
    });
    const added = proposed.plan.interventions.at(-1)!;
    expect(added).toMatchObject({ therapyId: "topical-lidocaine", status: "proposed", responsibleClinicianId: null });
    expect(await failure(call("ot").update({ patientId: alex, expectedVersion: proposed.version, command: { type: "changeInterventionStatus", interventionId: added.id, to: "active" } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const activated = await call("physician").update({
      patientId: alex,
      expectedVersion: proposed.version,
      command: { type: "changeInterventionStatus", interventionId: added.id, to: "active" },
    });
    expect(activated.plan.interventions.at(-1)).toMatchObject({ status: "active", responsibleClinicianId: h.ids.users.physician });
  });

  it("creates a plan on the first change for a patient who has none", async () => {
    const casey = h.ids.patients.casey;
    const empty = await call("outsider").get({ patientId: casey });
    expect(empty).toMatchObject({ exists: false, version: 0, plan: { goals: [], interventions: [] } });
    const refused = await failure(call("outsider").update({ patientId: casey, expectedVersion: 0, command: { type: "addGoal", goalId: "pain", targets: [] } }));
    expect(refused.message).toContain("A goal needs at least one measurable target.");
    expect(await getCarePlan(h.handle.db, casey)).toBeNull();
    const created = await call("outsider").update({
      patientId: casey,
      expectedVersion: 0,
      command: { type: "addGoal", goalId: "pain", targets: [{ kind: "pain_average_at_most", value: 4, byDate: "2027-01-01" }] },
    });
    expect(created.version).toBe(1);
    expect(await chain(casey)).toEqual({ version: 1, revisions: [1] });
  });

  it("keeps comments from the team and the patient, newest first, without moving the version", async () => {
    const { plan, item } = await findItem("sleep-hygiene");
    await call("psychologist").comment({ patientId: alex, interventionId: item.id, body: "How are the evenings going?" });
    await call("alex").comment({ patientId: alex, body: "Better since I stopped reading on my phone." });
    expect(await failure(call("alex").comment({ patientId: alex, interventionId: "nope", body: "hi" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(call("alex").comment({ patientId: alex, body: "   " }))).toMatchObject({ code: "BAD_REQUEST" });
    const page = await call("physician").comments({ patientId: alex, limit: 1 });
    expect(page.items[0]).toMatchObject({ body: "Better since I stopped reading on my phone.", authorName: "Alex Morgan", authorRole: "Patient" });
    const next = await call("physician").comments({ patientId: alex, limit: 1, cursor: page.nextCursor ?? undefined });
    expect(next.items[0]).toMatchObject({ body: "How are the evenings going?", interventionId: item.id });
    expect((await call("physician").get({ patientId: alex })).version).toBe(plan.version);
  });

  it("shows the patient a plain-language plan and what changed since they last looked", async () => {
    const first = await call("alex").patientView({ patientId: alex });
    if (!first.view) throw new Error("no view");
    expect(first.view.changes.firstLook).toBe(true);
    expect(first.view.goals.map((g) => g.label)).toContain("Ease pain and sensitivity to touch");
    const actions = first.view.goals.flatMap((g) => g.actions.map((t) => t.action));
    expect(actions.some((t) => t.startsWith("Pregabalin 75 mg by mouth, twice a day"))).toBe(true);
    expect(await failure(call("alex").markSeen({ patientId: alex, version: first.view.version + 5 }))).toMatchObject({ code: "BAD_REQUEST" });
    await call("alex").markSeen({ patientId: alex, version: first.view.version });

    const { plan, item } = await findItem("pregabalin");
    await call("physician").update({
      patientId: alex,
      expectedVersion: plan.version,
      command: { type: "changeInterventionStatus", interventionId: item.id, to: "stopped", reason: "Dizzy at work" },
    });
    const after = await call("alex").patientView({ patientId: alex });
    expect(after.view?.changes).toMatchObject({ firstLook: false, unseen: true, items: [{ summary: "Pregabalin: status active → stopped" }] });
    // Only the patient records what they have seen.
    expect(await failure(call("physician").markSeen({ patientId: alex, version: 1 }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets the OT hand an item to the PT and clear an optional field; the patient sees who and in which discipline", async () => {
    const { plan, item } = await findItem("desensitization");
    const saved = await call("ot").update({
      patientId: alex,
      expectedVersion: plan.version,
      command: { type: "updateIntervention", interventionId: item.id, responsibleClinicianId: h.ids.users.pt, details: { durationMinutes: null, sets: 4 } },
    });
    const updated = saved.plan.interventions.find((i) => i.id === item.id);
    expect(updated).toMatchObject({ responsibleClinicianId: h.ids.users.pt, details: { sets: 4, repetitions: 5 } });
    expect(updated?.details).not.toHaveProperty("durationMinutes");
    const view = await call("alex").patientView({ patientId: alex });
    const action = view.view?.goals.flatMap((g) => g.actions).find((t) => t.interventionId === item.id);
    expect(action).toMatchObject({ responsible: "Sam Lindqvist (Physical therapist)", action: "Desensitization: 4 sets of 5, three times a day" });
  });

  it("lets the physician unassign a medication, change its schedule and plan a future titration step; a past step is refused", async () => {
    // Pregabalin was stopped above: the physician starts gabapentin instead.
    const update = (expectedVersion: number, command: PlanCommand) => call("physician").update({ patientId: alex, expectedVersion, command });
    const { plan } = await findItem("pregabalin");
    const added = await update(plan.version, {
      type: "addIntervention",
      therapy: { therapyId: "gabapentin" },
      details: { dose: 300, dosesPerDay: 2 },
    });
    const item = added.plan.interventions.find((i) => i.therapyId === "gabapentin");
    if (!item) throw new Error("gabapentin was not added");
    expect(item.responsibleClinicianId).toBe(h.ids.users.physician);
    const unassigned = await update(added.version, { type: "updateIntervention", interventionId: item.id, responsibleClinicianId: null });
    expect(unassigned.summary).toBe("Gabapentin: responsible clinician changed");
    expect(unassigned.plan.interventions.find((i) => i.id === item.id)?.responsibleClinicianId).toBeNull();

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const saved = await update(unassigned.version, {
      type: "updateIntervention",
      interventionId: item.id,
      details: { dosesPerDay: 1, schedule: "at night", titrationSteps: [{ dose: 150, startsOn: tomorrow }] },
    });
    expect(saved.summary).toMatch(/^Gabapentin: doses per day 2 → 1; Gabapentin: timing note none → at night; Gabapentin: titration step planned: 150 mg from \d+ \w+ \d{4}$/);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const refused = await failure(
      update(saved.version, { type: "updateIntervention", interventionId: item.id, details: { titrationSteps: [{ dose: 100, startsOn: yesterday }, { dose: 150, startsOn: tomorrow }] } }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("must start after today") });
    expect((await chain(alex)).version).toBe(saved.version);

    const view = await call("alex").patientView({ patientId: alex });
    const action = view.view?.goals.flatMap((g) => g.actions).find((t) => t.interventionId === item.id);
    expect(action).toMatchObject({ responsible: "Your pain physician", action: "Gabapentin 300 mg by mouth, once a day (at night)", nextStep: expect.stringContaining("150 mg") });
  });

  it("pages history newest first by version, with no gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await call("ot").history({ patientId: alex, limit: 4, cursor });
      seen.push(...page.items.map((i) => i.version));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const current = (await call("ot").get({ patientId: alex })).version;
    expect(seen).toEqual(Array.from({ length: current }, (_, i) => current - i));
    expect(await failure(call("ot").history({ patientId: alex, cursor: "garbage" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists plans past review on the clinician's own teams only", async () => {
    const mine = await h.callerFor("physician").carePlan.pastReview({});
    expect(mine.items.map((p) => p.patientName)).toEqual(["Jordan Lee"]);
    const filtered = await h.callerFor("physician").carePlan.pastReview({ patientIds: [alex] });
    expect(filtered.items).toEqual([]);
    expect((await h.callerFor("outsider").carePlan.pastReview({ patientIds: [h.ids.patients.jordan] })).items).toEqual([]);
    expect((await h.callerFor("unassigned").carePlan.pastReview({})).items).toEqual([]);
    for (const key of ["alex", "admin"] as const) {
      expect(await failure(h.callerFor(key).carePlan.pastReview({}))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await failure(h.callerFor(null).carePlan.pastReview({}))).toMatchObject({ code: "UNAUTHORIZED" });
    // Each read is on the record: a row for each patient it showed (Jordan, then nobody), then its own row.
    const audit = await listAuditForActor(h.handle.db, h.ids.users.physician, "carePlan.pastReview", 3);
    expect(audit.map((a) => a.patientId)).toEqual([null, null, h.ids.patients.jordan]);
    expect(audit[0]).toMatchObject({ outcome: "allowed", detail: { permission: "carePlan.reviewList", type: "query" } });
  });
});
