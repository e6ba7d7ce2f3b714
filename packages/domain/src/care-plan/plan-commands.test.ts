import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import type { Discipline } from "../roles";
import { EXPERIMENTAL_NEEDS_CONSENT, type Intervention } from "./intervention";
import type { CarePlan } from "./plan";
import { type PlanCommand, applyCommand } from "./plan-commands";
import { diffPlans, summariseDiff } from "./plan-diff";
import {
  TODAY,
  cbtProposal,
  ctx,
  intervention,
  mirrorTherapy,
  nerveBlock,
  pacingDiary,
  plan,
  pregabalin,
  sleepHygiene,
  vrProposal,
} from "./test-fixtures";

function fails(p: CarePlan, command: PlanCommand, actor: Discipline): DomainError {
  try {
    applyCommand(p, command, ctx(actor));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected the command to be refused");
}

const med = (dose: number, dosesPerDay = 2) => ({ dose, dosesPerDay });

describe("applyCommand: general", () => {
  it("never mutates the input and never bumps the version", () => {
    const before = plan();
    const snapshot = structuredClone(before);
    const after = applyCommand(before, { type: "setReviewDate", reviewDueAt: "2026-05-01" }, ctx("psychologist"));
    expect(before).toEqual(snapshot);
    expect(after.version).toBe(before.version);
    expect(after.reviewDueAt).toBe("2026-05-01");
  });

  it("refuses a malformed command with a readable message", () => {
    const error = fails(plan(), { type: "setReviewDate", reviewDueAt: "next week" }, "pain_physician");
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("Use a calendar date such as 2026-03-01.");
  });

  it("refuses an unknown command type", () => {
    expect(fails(plan(), { type: "deletePatient" } as unknown as PlanCommand, "pain_physician").message).toBe("Unknown plan change.");
  });

  it("refuses a review date in the past", () => {
    expect(fails(plan(), { type: "setReviewDate", reviewDueAt: "2026-03-01" }, "pain_physician").message).toBe(
      "The review date cannot be in the past.",
    );
  });
});

describe("applyCommand: goals", () => {
  const noWellbeing = () => ({ ...plan(), goals: plan().goals.filter((g) => g.id !== "wellbeing") });

  it("adds a goal with default status", () => {
    const after = applyCommand(
      noWellbeing(),
      { type: "addGoal", goalId: "wellbeing", targets: [{ kind: "measure_at_most", measure: "gad7", value: 7 }] },
      ctx("psychologist"),
    );
    expect(after.goals.at(-1)).toEqual({
      id: "wellbeing",
      status: "not_started",
      note: null,
      targets: [{ kind: "measure_at_most", measure: "gad7", value: 7 }],
    });
  });

  it("refuses a goal without a target", () => {
    const error = fails(noWellbeing(), { type: "addGoal", goalId: "wellbeing", targets: [] }, "psychologist");
    expect(error.message).toBe("A goal needs at least one measurable target.");
  });

  it("refuses a goal the plan already has", () => {
    const error = fails(plan(), { type: "addGoal", goalId: "pain", targets: [{ kind: "pain_average_at_most", value: 3, byDate: "2026-09-01" }] }, "pain_physician");
    expect(error.message).toContain("already has the goal ‘Reduce pain and hypersensitivity’");
  });

  it("updates a goal's status and keeps its targets", () => {
    const after = applyCommand(plan(), { type: "updateGoal", goalId: "mobility", status: "achieved" }, ctx("physical_therapist"));
    const goal = after.goals.find((g) => g.id === "mobility");
    expect(goal?.status).toBe("achieved");
    expect(goal?.targets).toEqual(plan().goals.find((g) => g.id === "mobility")?.targets);
  });

  it("refuses to clear a goal's targets", () => {
    expect(fails(plan(), { type: "updateGoal", goalId: "mobility", targets: [] }, "physical_therapist").message).toBe(
      "A goal needs at least one measurable target.",
    );
  });
});

describe("applyCommand: addIntervention", () => {
  const addDuloxetine = (extra: Partial<PlanCommand & { type: "addIntervention" }> = {}): PlanCommand => ({
    type: "addIntervention",
    therapy: { therapyId: "duloxetine" },
    details: { ...med(60, 1), schedule: "in the morning" },
    ...extra,
  });

  it("lets the owner add an item directly as active, responsible and started today", () => {
    const after = applyCommand(plan(), addDuloxetine(), ctx("pain_physician"));
    expect(after.interventions.at(-1)).toMatchObject({
      id: "new-1",
      therapyId: "duloxetine",
      category: "medication",
      ownerDiscipline: "pain_physician",
      responsibleClinicianId: "c-pain_physician",
      status: "active",
      startDate: TODAY,
      goalIds: ["pain"],
      details: { kind: "medication", agentId: "duloxetine", dose: 60, unit: "mg", route: "oral", dosesPerDay: 1, schedule: "in the morning", titrationSteps: [], reviewNeeded: [] },
    });
  });

  it("lets the owner add it as a proposal", () => {
    const after = applyCommand(plan(), addDuloxetine({ status: "proposed" }), ctx("pain_physician"));
    expect(after.interventions.at(-1)?.status).toBe("proposed");
    expect(after.interventions.at(-1)?.startDate).toBeNull();
  });

  it.each(["physical_therapist", "occupational_therapist", "psychologist"] as const)(
    "turns a %s's addition of a medication into a proposal with nobody responsible yet",
    (discipline) => {
      const after = applyCommand(plan(), addDuloxetine({ status: "active" }), ctx(discipline));
      expect(after.interventions.at(-1)).toMatchObject({ status: "proposed", responsibleClinicianId: null, ownerDiscipline: "pain_physician" });
    },
  );

  it("defaults the owner of a PT/OT item to the adding therapist", () => {
    const command: PlanCommand = {
      type: "addIntervention",
      therapy: { therapyId: "functional-retraining" },
      details: { sets: 2, repetitions: 5, frequency: "daily" },
    };
    expect(applyCommand(plan(), command, ctx("occupational_therapist")).interventions.at(-1)?.ownerDiscipline).toBe(
      "occupational_therapist",
    );
    expect(applyCommand(plan(), command, ctx("psychologist")).interventions.at(-1)).toMatchObject({
      ownerDiscipline: "physical_therapist",
      status: "proposed",
    });
  });

  it("links the therapy's usual goals that the plan has", () => {
    const p = { ...plan(), goals: plan().goals.filter((g) => g.id !== "function") };
    const command: PlanCommand = {
      type: "addIntervention",
      therapy: { therapyId: "range-of-motion-exercises" },
      details: { sets: 3, repetitions: 10, frequency: "daily" },
    };
    expect(applyCommand(p, command, ctx("physical_therapist")).interventions.at(-1)?.goalIds).toEqual(["mobility"]);
  });

  it.each([
    [{ therapy: { therapyId: "leeches" } }, "Unknown therapy “leeches”. Choose one from the catalogue or add a custom intervention."],
    [{ details: med(900) }, "Duloxetine dose 900 mg is outside the accepted range (20–120 mg per dose). Check the value."],
    [{ details: med(60, 3) }, "Duloxetine 60 mg three times a day is 180 mg a day, more than the accepted 120 mg a day. Check the dose and the doses per day."],
    [{ details: { dose: 60 } }, "Duloxetine: Doses per day must be a whole number from 1 to 6."],
    [{ goalIds: ["function", "sleep"] }, "Choose one of the four treatment goals."],
  ])("refuses %j", (extra, message) => {
    const error = fails(plan(), addDuloxetine(extra as Partial<PlanCommand & { type: "addIntervention" }>), "pain_physician");
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe(message);
  });

  it("refuses goals the plan does not have", () => {
    const p = { ...plan([]), goals: plan().goals.filter((g) => g.id !== "pain") };
    expect(fails(p, addDuloxetine(), "pain_physician").message).toBe(
      "Link Duloxetine to at least one goal in this plan; add the goal first if it is missing.",
    );
    expect(fails(p, addDuloxetine({ goalIds: ["pain"] }), "pain_physician").message).toBe(
      "This plan has no goal ‘Reduce pain and hypersensitivity’. Add the goal before linking Duloxetine to it.",
    );
  });

  it("refuses a second live item for the same therapy, but allows a restart after stopping", () => {
    const add: PlanCommand = { type: "addIntervention", therapy: { therapyId: "pregabalin" }, details: med(75) };
    expect(fails(plan(), add, "pain_physician").message).toBe("Pregabalin is already in the plan (active). Update that item instead.");
    const stopped = plan([{ ...pregabalin(), status: "stopped", stopReason: "dizziness" }]);
    expect(applyCommand(stopped, add, ctx("pain_physician")).interventions).toHaveLength(2);
  });

  it("adds a custom intervention with the chosen owner", () => {
    const command: PlanCommand = {
      type: "addIntervention",
      therapy: { custom: true, name: "Pacing diary", category: "pt_ot", ownerDiscipline: "occupational_therapist" },
      goalIds: ["function"],
      details: { sets: 1, repetitions: 1, frequency: "daily" },
    };
    expect(applyCommand(plan(), command, ctx("occupational_therapist")).interventions.at(-1)).toMatchObject({
      therapyId: null,
      custom: true,
      customName: "Pacing diary",
      ownerDiscipline: "occupational_therapist",
      status: "active",
    });
    expect(applyCommand(plan(), command, ctx("physical_therapist")).interventions.at(-1)?.status).toBe("proposed");
  });

  it("refuses a custom item owned by a discipline that cannot own its category", () => {
    const command: PlanCommand = {
      type: "addIntervention",
      therapy: { custom: true, name: "Compounded cream", category: "medication", ownerDiscipline: "physical_therapist" },
      goalIds: ["pain"],
      details: med(10),
    };
    expect(fails(plan(), command, "physical_therapist").message).toBe(
      "The physical therapist cannot own this item; choose the pain physician.",
    );
  });

  it("requires a goal for a custom item", () => {
    const command: PlanCommand = {
      type: "addIntervention",
      therapy: { custom: true, name: "Pacing diary", category: "self_management", ownerDiscipline: "psychologist" },
      details: { frequency: "daily" },
    };
    expect(fails(plan(), command, "psychologist").message).toContain("Link Pacing diary to at least one goal");
  });

  it("refuses to start an experimental therapy without consent, but lets anyone propose it", () => {
    const command: PlanCommand = {
      type: "addIntervention",
      therapy: { therapyId: "virtual-reality-therapy" },
      details: { consentRecordedAt: null, studyReference: null },
    };
    expect(fails(plan(), command, "pain_physician").message).toBe(EXPERIMENTAL_NEEDS_CONSENT);
    expect(applyCommand(plan(), command, ctx("physical_therapist")).interventions.at(-1)?.status).toBe("proposed");
  });
});

describe("applyCommand: updateIntervention", () => {
  it("merges and validates details for the owner", () => {
    const after = applyCommand(
      plan(),
      { type: "updateIntervention", interventionId: "iv-preg", details: { dose: 150 }, note: "Review in 2 weeks" },
      ctx("pain_physician"),
    );
    const item = after.interventions.find((i) => i.id === "iv-preg");
    expect(item?.details).toMatchObject({ dose: 150, dosesPerDay: 2 });
    expect(item?.note).toBe("Review in 2 weeks");
  });

  it("clears an optional field sent as null, and still requires the mandatory ones", () => {
    const timed = applyCommand(plan([mirrorTherapy()]), { type: "updateIntervention", interventionId: "iv-mirror", details: { durationMinutes: 10 } }, ctx("physical_therapist"));
    expect(timed.interventions[0]?.details).toMatchObject({ durationMinutes: 10 });
    const after = applyCommand(
      timed,
      { type: "updateIntervention", interventionId: "iv-mirror", details: { durationMinutes: null, sets: 4 } },
      ctx("physical_therapist"),
    );
    const details = after.interventions[0]?.details;
    expect(details).toMatchObject({ sets: 4 });
    expect(details && "durationMinutes" in details).toBe(false);
    const error = fails(plan([mirrorTherapy()]), { type: "updateIntervention", interventionId: "iv-mirror", details: { sets: null } }, "physical_therapist");
    expect(error.message).toContain("Sets must be a whole number from 1 to 20.");
  });

  it("refuses an out-of-range dose", () => {
    const error = fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", details: { dose: 900 } }, "pain_physician");
    expect(error.message).toBe("Pregabalin dose 900 mg is outside the accepted range (25–300 mg per dose). Check the value.");
  });

  it("checks a change of doses per day against the daily maximum", () => {
    const error = fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", details: { dose: 300, dosesPerDay: 3 } }, "pain_physician");
    expect(error.message).toBe("Pregabalin 300 mg three times a day is 900 mg a day, more than the accepted 600 mg a day. Check the dose and the doses per day.");
  });

  it.each(["physical_therapist", "occupational_therapist", "psychologist"] as const)("forbids a %s from changing medications", (d) => {
    const error = fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", note: "x" }, d);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("Only the pain physician can change medications.");
  });

  it.each(["pain_physician", "physical_therapist", "occupational_therapist", "psychologist"] as const)(
    "lets a %s change a self-management item",
    (d) => {
      const after = applyCommand(plan([sleepHygiene()]), { type: "updateIntervention", interventionId: "iv-sleep", details: { frequency: "nightly" } }, ctx(d));
      expect(after.interventions[0]?.details).toMatchObject({ frequency: "nightly" });
    },
  );

  it("refuses changes to a stopped item", () => {
    const p = plan([{ ...pregabalin(), status: "stopped", stopReason: "nausea" }]);
    expect(fails(p, { type: "updateIntervention", interventionId: "iv-preg", note: "x" }, "pain_physician").message).toBe(
      "Pregabalin is stopped and can no longer be changed. Add a new item instead.",
    );
  });

  it("refuses removing consent from an active experimental therapy", () => {
    const running = {
      ...vrProposal(),
      status: "active" as const,
      details: { kind: "experimental" as const, consentRecordedAt: "2026-02-01", studyReference: "NCT01234567" },
    };
    const error = fails(plan([running]), { type: "updateIntervention", interventionId: "iv-vr", details: { studyReference: null } }, "pain_physician");
    expect(error.message).toBe(EXPERIMENTAL_NEEDS_CONSENT);
  });

  it("unassigns the responsible clinician with null and leaves it alone when absent", () => {
    const unassigned = applyCommand(plan(), { type: "updateIntervention", interventionId: "iv-preg", responsibleClinicianId: null }, ctx("pain_physician"));
    expect(unassigned.interventions[0]?.responsibleClinicianId).toBeNull();
    const untouched = applyCommand(plan(), { type: "updateIntervention", interventionId: "iv-preg", note: "x" }, ctx("pain_physician"));
    expect(untouched.interventions[0]?.responsibleClinicianId).toBe("c-phys");
    expect(fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", responsibleClinicianId: "" }, "pain_physician").code).toBe("INVALID");
    expect(fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", responsibleClinicianId: null }, "psychologist").code).toBe("FORBIDDEN");
  });

  it("changes a medication's doses per day and timing note; the route and unit stay the agent's", () => {
    const naproxen = intervention({ id: "iv-nsaid", therapyId: "nsaids", details: { kind: "medication", agentId: "naproxen", dose: 250, unit: "mg", route: "oral", dosesPerDay: 2, schedule: "with meals" } });
    const after = applyCommand(
      plan([naproxen]),
      { type: "updateIntervention", interventionId: "iv-nsaid", details: { dosesPerDay: 3, schedule: "with food" } },
      ctx("pain_physician"),
    );
    expect(after.interventions[0]?.details).toMatchObject({ agentId: "naproxen", dose: 250, route: "oral", dosesPerDay: 3, schedule: "with food" });
    expect(fails(plan([naproxen]), { type: "updateIntervention", interventionId: "iv-nsaid", details: { route: "topical" } }, "pain_physician").message).toBe(
      "Naproxen is recorded as oral, not topical. Check the route.",
    );
    expect(fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", details: { route: "iv" } }, "pain_physician").message).toBe(
      "Pregabalin is recorded as oral, not IV. Check the route.",
    );
    expect(fails(plan(), { type: "updateIntervention", interventionId: "iv-preg", details: { dosesPerDay: 0 } }, "pain_physician").message).toBe(
      "Pregabalin: Doses per day must be a whole number from 1 to 6.",
    );
  });

  it("refuses switching one medicine for another on the same item: each keeps its own trial", () => {
    const naproxen = intervention({ id: "iv-nsaid", therapyId: "nsaids", details: { kind: "medication", agentId: "naproxen", dose: 250, unit: "mg", route: "oral", dosesPerDay: 2 } });
    expect(fails(plan([naproxen]), { type: "updateIntervention", interventionId: "iv-nsaid", details: { agentId: "ibuprofen", dose: 400 } }, "pain_physician").message).toBe(
      "To change from Naproxen to Ibuprofen, stop Naproxen and add Ibuprofen, so each keeps its own trial history.",
    );
  });

  it("completes a migrated entry that awaits review; a save that passes every check clears the review", () => {
    // Saved before agents: the class only, and a frequency in words.
    const legacy = intervention({ id: "iv-nsaid", therapyId: "nsaids", details: { kind: "medication", dose: 500, unit: "mg", route: "oral", schedule: "twice daily with food" } });
    expect(legacy.details).toMatchObject({ agentId: null, dosesPerDay: 2, schedule: "with food", reviewNeeded: [expect.stringContaining("Name the medicine")] });
    const p = plan([legacy]);
    expect(fails(p, { type: "updateIntervention", interventionId: "iv-nsaid", note: "x", details: { schedule: "with meals" } }, "pain_physician").message).toBe(
      "Name the medicine, not only its class (Anti-inflammatory drugs (NSAIDs)): choose Ibuprofen, Naproxen or Diclofenac 1% gel.",
    );
    const done = applyCommand(p, { type: "updateIntervention", interventionId: "iv-nsaid", details: { agentId: "naproxen" } }, ctx("pain_physician"));
    expect(done.interventions[0]?.details).toMatchObject({ agentId: "naproxen", dose: 500, dosesPerDay: 2, reviewNeeded: [] });
    // Until then, a dose change asks for the missing medicine first.
    expect(
      fails(p, { type: "recordTrialEntry", interventionId: "iv-nsaid", entry: { type: "dose_change", to: 250, date: TODAY, reason: "Stomach upset" } }, "pain_physician").message,
    ).toContain("Name the medicine");
  });

  it("needs a maximum daily dose for a custom medication and checks the daily total against it", () => {
    const add = (details: Record<string, unknown>): PlanCommand => ({
      type: "addIntervention",
      therapy: { custom: true, name: "Compounded ketamine cream", category: "medication", ownerDiscipline: "pain_physician" },
      goalIds: ["pain"],
      details,
    });
    const cream = { dose: 1, unit: "g", route: "topical", dosesPerDay: 3 };
    expect(fails(plan(), add(cream), "pain_physician").message).toContain("Enter the maximum daily dose of Compounded ketamine cream");
    expect(fails(plan(), add({ ...cream, maxDailyDose: 2 }), "pain_physician").message).toContain("3 g a day, more than the maximum daily dose entered (2 g)");
    expect(applyCommand(plan(), add({ ...cream, maxDailyDose: 4 }), ctx("pain_physician")).interventions.at(-1)?.details).toMatchObject({ maxDailyDose: 4, agentId: null });
  });

  describe("planned titration steps", () => {
    const titrated = () =>
      plan([
        intervention({
          id: "iv-preg",
          details: { kind: "medication", agentId: "pregabalin", dose: 75, unit: "mg", route: "oral", dosesPerDay: 2, titrationSteps: [{ dose: 100, startsOn: "2026-02-20" }, { dose: 150, startsOn: "2026-03-16" }] },
        }),
      ]);
    const steps = (titrationSteps: unknown[]) => ({ type: "updateIntervention" as const, interventionId: "iv-preg", details: { titrationSteps } });

    it("adds and removes future steps", () => {
      const added = applyCommand(
        titrated(),
        steps([{ dose: 100, startsOn: "2026-02-20" }, { dose: 150, startsOn: "2026-03-16" }, { dose: 225, startsOn: "2026-03-30" }]),
        ctx("pain_physician"),
      );
      expect(added.interventions[0]?.details).toMatchObject({ titrationSteps: [{ startsOn: "2026-02-20" }, { startsOn: "2026-03-16" }, { dose: 225, startsOn: "2026-03-30" }] });
      const removed = applyCommand(titrated(), steps([{ dose: 100, startsOn: "2026-02-20" }]), ctx("pain_physician"));
      expect(removed.interventions[0]?.details).toMatchObject({ titrationSteps: [{ dose: 100, startsOn: "2026-02-20" }] });
    });

    it.each([
      ["a step beyond the dose bounds", [{ dose: 100, startsOn: "2026-02-20" }, { dose: 150, startsOn: "2026-03-16" }, { dose: 600, startsOn: "2026-03-30" }], "Pregabalin step from 30 Mar 2026: dose 600 mg is outside the accepted range (25–300 mg per dose). Check the value."],
      ["a step starting today", [{ dose: 100, startsOn: "2026-02-20" }, { dose: 125, startsOn: TODAY }, { dose: 150, startsOn: "2026-03-16" }], "must start after today"],
      ["removing a step that has started", [{ dose: 150, startsOn: "2026-03-16" }], "has already started and stays in the plan"],
      ["two steps on one day", [{ dose: 100, startsOn: "2026-02-20" }, { dose: 150, startsOn: "2026-03-16" }, { dose: 200, startsOn: "2026-03-16" }], "one step a day at most"],
      ["a step without a dose", [{ dose: 100, startsOn: "2026-02-20" }, { dose: 150, startsOn: "2026-03-16" }, { startsOn: "2026-03-30" }], "Enter the dose as a number."],
    ])("refuses %s", (_what, titrationSteps, message) => {
      const error = fails(titrated(), steps(titrationSteps), "pain_physician");
      expect(error.code).toBe("INVALID");
      expect(error.message).toContain(message);
    });

    it("refuses more doses a day when a planned step would then pass the daily maximum", () => {
      const planned = [{ dose: 100, startsOn: "2026-02-20" }, { dose: 150, startsOn: "2026-03-16" }, { dose: 225, startsOn: "2026-03-30" }];
      const withStep = applyCommand(titrated(), steps(planned), ctx("pain_physician"));
      const error = fails(withStep, { type: "updateIntervention", interventionId: "iv-preg", details: { dosesPerDay: 3 } }, "pain_physician");
      expect(error.message).toBe(
        "Pregabalin step from 30 Mar 2026: 225 mg three times a day is 675 mg a day, more than the accepted 600 mg a day. Check the dose and the doses per day.",
      );
    });
  });

  it("refuses an unknown intervention", () => {
    expect(fails(plan(), { type: "updateIntervention", interventionId: "nope", note: "x" }, "pain_physician").message).toContain(
      "not in this plan",
    );
  });
});

describe("applyCommand: changeInterventionStatus", () => {
  it("stops with a reason", () => {
    const after = applyCommand(
      plan(),
      { type: "changeInterventionStatus", interventionId: "iv-preg", to: "stopped", reason: " Dizziness " },
      ctx("pain_physician"),
    );
    expect(after.interventions[0]).toMatchObject({ status: "stopped", stopReason: "Dizziness" });
  });

  it("refuses to stop without a reason", () => {
    const error = fails(plan(), { type: "changeInterventionStatus", interventionId: "iv-preg", to: "stopped" }, "pain_physician");
    expect(error).toMatchObject({ code: "INVALID", message: "Give a reason for stopping “Pregabalin”." });
  });

  it("activating a proposal sets start date and responsible clinician", () => {
    const after = applyCommand(plan([cbtProposal()]), { type: "changeInterventionStatus", interventionId: "iv-cbt", to: "active" }, ctx("psychologist"));
    expect(after.interventions[0]).toMatchObject({ status: "active", startDate: TODAY, responsibleClinicianId: "c-psychologist" });
  });

  it.each([
    ["pain_physician", "iv-cbt", "active", "FORBIDDEN"],
    ["psychologist", "iv-mirror", "paused", "FORBIDDEN"],
    ["physical_therapist", "iv-mirror", "paused", null],
    ["occupational_therapist", "iv-mirror", "completed", null],
    ["occupational_therapist", "iv-diary", "paused", null],
    ["physical_therapist", "iv-diary", "paused", "FORBIDDEN"],
    ["pain_physician", "iv-block", "proposed", "INVALID"],
    ["pain_physician", "iv-vr", "active", "INVALID"],
  ] as const)("%s moving %s to %s → %s", (actor, id, to, code) => {
    const p = plan([cbtProposal(), mirrorTherapy(), pacingDiary(), nerveBlock(), vrProposal()]);
    const command: PlanCommand = { type: "changeInterventionStatus", interventionId: id, to };
    if (code === null) expect(applyCommand(p, command, ctx(actor)).interventions.find((i) => i.id === id)?.status).toBe(to);
    else expect(fails(p, command, actor).code).toBe(code);
  });
});

describe("applyCommand: recordTrialEntry", () => {
  it("a dose change updates the prescription and logs the step", () => {
    const after = applyCommand(
      plan(),
      { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "dose_change", to: 150, date: TODAY, reason: "Partial relief" } },
      ctx("pain_physician"),
    );
    const item = after.interventions[0];
    expect(item?.details).toMatchObject({ dose: 150, unit: "mg" });
    expect(item?.trialEntries).toEqual([{ type: "dose_change", from: 75, to: 150, unit: "mg", date: TODAY, reason: "Partial relief" }]);
  });

  it("keeps titration steps after the change and drops those it supersedes", () => {
    const titrated = {
      ...pregabalin(),
      details: {
        ...pregabalin().details,
        titrationSteps: [
          { dose: 150, startsOn: "2026-02-20" },
          { dose: 225, startsOn: "2026-03-20" },
        ],
      },
    };
    const after = applyCommand(
      plan([titrated]),
      { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "dose_change", to: 100, date: TODAY, reason: "Drowsy" } },
      ctx("pain_physician"),
    );
    expect(after.interventions[0]?.details).toMatchObject({ dose: 100, titrationSteps: [{ dose: 225, startsOn: "2026-03-20" }] });
    expect(after.interventions[0]?.trialEntries[0]).toMatchObject({ from: 150, to: 100 });
  });

  describe("reconciles planned titration steps with the new dose", () => {
    const withSteps = (item: Intervention, titrationSteps: Array<{ dose: number; startsOn: string; note?: string }>): Intervention => ({
      ...item,
      details: { ...item.details, titrationSteps } as Intervention["details"],
    });
    const change = (p: CarePlan, id: string, to: number, reason = "Reviewed in clinic") =>
      applyCommand(p, { type: "recordTrialEntry", interventionId: id, entry: { type: "dose_change", to, date: TODAY, reason } }, ctx("pain_physician"));
    const stepsOf = (p: CarePlan) => {
      const d = p.interventions[0]?.details;
      return d?.kind === "medication" ? d.titrationSteps.map((s) => [s.startsOn, s.dose]) : [];
    };

    it("withdraws a planned step the raised dose already reaches, and logs it", () => {
      // The reported case: pregabalin raised from 75 to 150 mg while "from 8 Mar: 150 mg" was planned.
      const p = plan([withSteps(pregabalin(), [{ dose: 150, startsOn: "2026-03-08", note: "if well tolerated" }])]);
      const after = change(p, "iv-preg", 150, "Pain still 6/10");
      expect(stepsOf(after)).toEqual([]);
      expect(after.interventions[0]?.trialEntries).toEqual([
        { type: "dose_change", from: 75, to: 150, unit: "mg", date: TODAY, reason: "Pain still 6/10", withdrawnSteps: [{ dose: 150, startsOn: "2026-03-08", note: "if well tolerated" }] },
      ]);
      expect(summariseDiff(diffPlans(p, after))).toBe(
        "Pregabalin: dose 75 mg → 150 mg; Pregabalin: titration step withdrawn: 150 mg from 8 Mar 2026 (if well tolerated); Pregabalin: dose change recorded (Pain still 6/10), 1 planned step withdrawn",
      );
    });

    it("keeps the steps that still raise the dose, and withdraws those that would now lower it", () => {
      const p = plan([withSteps(pregabalin(), [{ dose: 150, startsOn: "2026-03-08" }, { dose: 225, startsOn: "2026-03-15" }, { dose: 300, startsOn: "2026-03-22" }])]);
      expect(stepsOf(change(p, "iv-preg", 200))).toEqual([["2026-03-15", 225], ["2026-03-22", 300]]);
      expect(stepsOf(change(p, "iv-preg", 300))).toEqual([]);
    });

    it("keeps a rise plan when the dose is lowered for side effects", () => {
      const p = plan([withSteps(pregabalin(), [{ dose: 150, startsOn: "2026-03-08" }])]);
      const after = change(p, "iv-preg", 50, "Dizzy");
      expect(stepsOf(after)).toEqual([["2026-03-08", 150]]);
      expect(after.interventions[0]?.trialEntries[0]).not.toHaveProperty("withdrawnSteps");
    });

    it("keeps a taper tapering: an early cut withdraws the steps it has already reached", () => {
      const steroid = intervention({
        id: "iv-pred",
        therapyId: "corticosteroid-course",
        details: { kind: "medication", agentId: "prednisolone", dose: 40, unit: "mg", route: "oral", dosesPerDay: 1 },
      });
      const p = plan([withSteps(steroid, [{ dose: 30, startsOn: "2026-03-09" }, { dose: 20, startsOn: "2026-03-16" }, { dose: 10, startsOn: "2026-03-23" }])]);
      expect(stepsOf(change(p, "iv-pred", 20, "Mood change"))).toEqual([["2026-03-23", 10]]);
    });

    it("reconciles a dose changed through the prescription too", () => {
      const p = plan([withSteps(pregabalin(), [{ dose: 150, startsOn: "2026-03-08" }, { dose: 225, startsOn: "2026-03-15" }])]);
      const after = applyCommand(p, { type: "updateIntervention", interventionId: "iv-preg", details: { dose: 150 } }, ctx("pain_physician"));
      expect(stepsOf(after)).toEqual([["2026-03-15", 225]]);
      expect(diffPlans(p, after).map((e) => e.label)).toContain("Pregabalin: titration step withdrawn: 150 mg from 8 Mar 2026");
    });
  });

  it.each([
    ["pain_physician", { type: "dose_change", to: 600, date: TODAY, reason: "x1" }, "INVALID", "(25–300 mg per dose)"],
    ["pain_physician", { type: "dose_change", to: 5, date: TODAY, reason: "x1" }, "INVALID", "dose 5 mg is outside the accepted range (25–300 mg per dose)"],
    ["pain_physician", { type: "dose_change", to: 75, date: TODAY, reason: "x1" }, "INVALID", "already 75 mg"],
    ["physical_therapist", { type: "dose_change", to: 150, date: TODAY, reason: "x1" }, "FORBIDDEN", "Only the pain physician"],
    ["pain_physician", { type: "response", pain: 3, date: "2026-03-03" }, "INVALID", "cannot be dated after today"],
  ] as const)("%s recording %j → %s", (actor, entry, code, message) => {
    const error = fails(plan(), { type: "recordTrialEntry", interventionId: "iv-preg", entry }, actor);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it.each(["physical_therapist", "occupational_therapist", "psychologist"] as const)("lets a %s record a side effect", (d) => {
    const after = applyCommand(
      plan(),
      { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "side_effect", name: "Dizziness", severity: "mild", date: TODAY } },
      ctx(d),
    );
    expect(after.interventions[0]?.trialEntries).toEqual([{ type: "side_effect", name: "Dizziness", severity: "mild", date: TODAY }]);
  });

  it("refuses trial entries on non-medications and on proposals", () => {
    const response = { type: "response", pain: 3, date: TODAY } as const;
    expect(fails(plan(), { type: "recordTrialEntry", interventionId: "iv-mirror", entry: response }, "pain_physician").message).toContain(
      "medications only",
    );
    const proposed = plan([{ ...pregabalin(), status: "proposed", startDate: null }]);
    expect(fails(proposed, { type: "recordTrialEntry", interventionId: "iv-preg", entry: response }, "pain_physician").message).toContain(
      "has not started yet",
    );
  });

  it("refuses dose changes once stopped but still takes observations", () => {
    const p = plan([{ ...pregabalin(), status: "stopped", stopReason: "nausea" }]);
    expect(
      fails(p, { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "dose_change", to: 50, date: TODAY, reason: "taper" } }, "pain_physician").message,
    ).toBe("Pregabalin is stopped; its dose can no longer change.");
    const after = applyCommand(p, { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "response", pain: 6, date: TODAY } }, ctx("pain_physician"));
    expect(after.interventions[0]?.trialEntries).toHaveLength(1);
  });
});
