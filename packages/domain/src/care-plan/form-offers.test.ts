import { describe, expect, it } from "vitest";
import { DISCIPLINES } from "../roles";
import { THERAPY_CATALOGUE, THERAPY_CATEGORIES } from "./catalogue";
import { additionOffer, additionStatus, allowedStatusChanges, defaultOwner, isFinalStatus, newItemIdentity, ownerChoices } from "./form-offers";
import { INTERVENTION_STATUSES, STATUS_TRANSITIONS } from "./intervention";
import { mayChangeIntervention } from "./ownership";
import { applyCommand } from "./plan-commands";
import { EXERCISE_BOUNDS, PLAN_TEXT_LIMITS } from "./limits";
import { prescriptionDetailsSchema, takesGmiStage, validatePrescription } from "./prescription";
import { TODAY, ctx, intervention, mirrorTherapy, plan } from "./test-fixtures";

const customOt = { custom: true as const, name: "Kitchen task practice", category: "pt_ot" as const, ownerDiscipline: "occupational_therapist" as const };

describe("additionStatus and additionOffer: what the add form promises", () => {
  it("a PT adding a custom item owned by the OT only proposes it, and the offer says so", () => {
    const item = newItemIdentity(customOt, "physical_therapist");
    if (!item) throw new Error("no identity");
    expect(additionStatus("physical_therapist", item, "active")).toBe("proposed");
    const offer = additionOffer("physical_therapist", item);
    expect(offer.willBeProposed).toBe(true);
    expect(offer.startOptions).toEqual(["proposed"]);
    expect(offer.message).toBe("It will be proposed for the occupational therapist to accept: only they can start it.");
    expect(offer.message).not.toMatch(/start it now/);
  });

  it("the OT adding the same item may start it at once or propose it", () => {
    const item = newItemIdentity(customOt, "occupational_therapist");
    if (!item) throw new Error("no identity");
    expect(additionStatus("occupational_therapist", item)).toBe("active");
    expect(additionStatus("occupational_therapist", item, "proposed")).toBe("proposed");
    expect(additionOffer("occupational_therapist", item)).toMatchObject({ willBeProposed: false, startOptions: ["active", "proposed"] });
  });

  it("no discipline (not a clinician) is offered nothing but a proposal", () => {
    const item = newItemIdentity({ custom: false, therapyId: "mirror-therapy" }, null);
    if (!item) throw new Error("no identity");
    expect(additionOffer(null, item).willBeProposed).toBe(true);
  });

  it("an unknown catalogue therapy has no identity", () => {
    expect(newItemIdentity({ custom: false, therapyId: "no-such-therapy" }, "pain_physician")).toBeNull();
  });

  // The offer and the command agree for every discipline × catalogue therapy: what the form says is what is saved.
  const rows = DISCIPLINES.flatMap((d) => THERAPY_CATALOGUE.map((t) => [d, t.id] as const));
  it.each(rows)("%s adding %s: the offer matches what applyCommand saves", (discipline, therapyId) => {
    const item = newItemIdentity({ custom: false, therapyId }, discipline);
    if (!item) throw new Error("no identity");
    const offer = additionOffer(discipline, item);
    expect(offer.willBeProposed).toBe(!mayChangeIntervention(discipline, item, "activate").allowed);
  });

  it.each(DISCIPLINES)("%s adding a custom OT item: the saved status is the offered one", (discipline) => {
    const saved = applyCommand(
      plan([]),
      {
        type: "addIntervention",
        therapy: customOt,
        goalIds: ["function"],
        status: "active",
        details: { kind: "exercise", sets: 2, repetitions: 10, frequency: "daily" },
      },
      ctx(discipline, ["new-ot"]),
    );
    const added = saved.interventions.find((i) => i.id === "new-ot");
    const item = newItemIdentity(customOt, discipline);
    if (!item || !added) throw new Error("not added");
    expect(added.status).toBe(additionOffer(discipline, item).willBeProposed ? "proposed" : "active");
  });
});

describe("owner choices", () => {
  it.each(THERAPY_CATEGORIES)("%s: the default owner is one of the choices, the viewer when they may own it", (category) => {
    for (const viewer of [...DISCIPLINES, null]) {
      const owner = defaultOwner(category, viewer);
      expect(ownerChoices(category)).toContain(owner);
      if (viewer !== null && ownerChoices(category).includes(viewer)) expect(owner).toBe(viewer);
    }
  });
});

describe("allowedStatusChanges", () => {
  it("the owner gets every transition the status allows; another discipline none", () => {
    const item = mirrorTherapy();
    expect(allowedStatusChanges(item, "physical_therapist")).toEqual(STATUS_TRANSITIONS[item.status]);
    expect(allowedStatusChanges(item, "psychologist")).toEqual([]);
    expect(allowedStatusChanges(item, null)).toEqual([]);
  });

  it("a custom OT item: the PT may not start or stop it, the OT may", () => {
    const item = intervention({ id: "c", custom: true, customName: "Kitchen task practice", therapyId: null, category: "pt_ot", ownerDiscipline: "occupational_therapist", status: "proposed", details: { kind: "exercise", sets: 1, repetitions: 1, frequency: "daily", instructions: "" } });
    expect(allowedStatusChanges(item, "physical_therapist")).toEqual([]);
    expect(allowedStatusChanges(item, "occupational_therapist")).toEqual(["active", "stopped"]);
  });

  it.each(INTERVENTION_STATUSES)("%s: final exactly when it allows no change", (status) => {
    expect(isFinalStatus(status)).toBe(STATUS_TRANSITIONS[status].length === 0);
  });
  it("completed and stopped are final, the others not", () => {
    expect(INTERVENTION_STATUSES.filter(isFinalStatus)).toEqual(["completed", "stopped"]);
  });
});

describe("takesGmiStage: the one mirror-therapy stage rule", () => {
  it("catalogue mirror therapy only", () => {
    expect(takesGmiStage({ custom: false, therapyId: "mirror-therapy" })).toBe(true);
    expect(takesGmiStage({ custom: true, therapyId: "mirror-therapy" })).toBe(false);
    expect(takesGmiStage({ custom: false, therapyId: "graded-exposure" })).toBe(false);
    expect(takesGmiStage({ custom: true, therapyId: null })).toBe(false);
  });

  it("the prescription check follows it: a stage is refused on any other exercise therapy", () => {
    const exercise = THERAPY_CATALOGUE.filter((t) => t.prescriptionKind === "exercise");
    for (const t of exercise) {
      const result = validatePrescription(t.id, { kind: "exercise", sets: 2, repetitions: 10, frequency: "daily", stage: "imagined_movement", stageStartedOn: TODAY });
      expect(result.ok).toBe(takesGmiStage({ custom: false, therapyId: t.id }));
    }
  });
});

describe("limits: the schemas refuse just past the numbers forms are given", () => {
  const exercise = (over: Record<string, unknown>) => prescriptionDetailsSchema.safeParse({ kind: "exercise", sets: 2, repetitions: 10, frequency: "daily", ...over });
  it.each(Object.entries(EXERCISE_BOUNDS))("%s", (field, { min, max }) => {
    expect(exercise({ [field]: min }).success).toBe(true);
    expect(exercise({ [field]: max }).success).toBe(true);
    expect(exercise({ [field]: min - 1 }).success).toBe(false);
    expect(exercise({ [field]: max + 1 }).success).toBe(false);
  });
  it("instructions", () => {
    expect(exercise({ instructions: "a".repeat(PLAN_TEXT_LIMITS.instructions) }).success).toBe(true);
    expect(exercise({ instructions: "a".repeat(PLAN_TEXT_LIMITS.instructions + 1) }).success).toBe(false);
  });
});
