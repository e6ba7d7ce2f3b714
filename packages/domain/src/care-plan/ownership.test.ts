import { describe, expect, it } from "vitest";
import { DISCIPLINES, type Discipline } from "../roles";
import { THERAPY_CATEGORIES, type TherapyCategory } from "./catalogue";
import type { InterventionStatus } from "./intervention";
import { INTERVENTION_ACTIONS, type InterventionAction, actionForTransition, mayChangeIntervention } from "./ownership";

/** The brief's ownership rules, restated by hand. */
const OWNERS: Record<TherapyCategory, Discipline[]> = {
  medication: ["pain_physician"],
  interventional: ["pain_physician"],
  experimental: ["pain_physician"],
  pt_ot: ["physical_therapist", "occupational_therapist"],
  psychological: ["psychologist"],
  self_management: ["pain_physician", "physical_therapist", "occupational_therapist", "psychologist"],
};
const OPEN: InterventionAction[] = ["propose", "comment"];

const catalogueItem = (category: TherapyCategory) => ({
  category,
  custom: false,
  customName: null,
  therapyId: "some-therapy",
  ownerDiscipline: OWNERS[category][0] ?? "pain_physician",
});

describe("mayChangeIntervention: discipline × category × action", () => {
  const rows = DISCIPLINES.flatMap((d) =>
    THERAPY_CATEGORIES.flatMap((c) =>
      INTERVENTION_ACTIONS.map((a) => [d, c, a, OPEN.includes(a) || OWNERS[c].includes(d)] as const),
    ),
  );
  it("covers 4 × 6 × 8 cases", () => expect(rows).toHaveLength(192));

  it.each(rows)("%s on %s: %s → %s", (discipline, category, action, allowed) => {
    const decision = mayChangeIntervention(discipline, catalogueItem(category), action);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.message).toMatch(/^Only the .+ can change .+\./);
  });
});

describe("mayChangeIntervention: messages", () => {
  it.each([
    ["physical_therapist", "medication", "Only the pain physician can change medications."],
    ["psychologist", "interventional", "Only the pain physician can change interventional procedures."],
    ["occupational_therapist", "experimental", "Only the pain physician can change experimental therapies."],
    ["pain_physician", "pt_ot", "Only the physical therapist or occupational therapist can change physical and occupational therapy items."],
    ["physical_therapist", "psychological", "Only the psychologist can change psychological therapies."],
  ] as const)("%s on %s", (discipline, category, message) => {
    const decision = mayChangeIntervention(discipline, catalogueItem(category), "update");
    expect(decision).toEqual({ allowed: false, message: `${message} You can still comment or propose a change.` });
  });
});

describe("mayChangeIntervention: custom items", () => {
  const custom = (category: TherapyCategory, ownerDiscipline: Discipline) => ({
    category,
    custom: true,
    customName: "Pacing diary",
    therapyId: null,
    ownerDiscipline,
  });

  it.each([
    ["occupational_therapist", "pt_ot", "occupational_therapist", true],
    ["physical_therapist", "pt_ot", "occupational_therapist", false],
    ["pain_physician", "medication", "pain_physician", true],
    ["psychologist", "psychological", "psychologist", true],
    ["pain_physician", "psychological", "psychologist", false],
    // Self-management stays whole-team even when one discipline is recorded as owner.
    ["physical_therapist", "self_management", "psychologist", true],
  ] as const)("%s updating a custom %s owned by %s → %s", (actor, category, owner, allowed) => {
    expect(mayChangeIntervention(actor, custom(category, owner), "update").allowed).toBe(allowed);
    expect(mayChangeIntervention(actor, custom(category, owner), "comment").allowed).toBe(true);
  });

  it("names the custom item and its owner", () => {
    const decision = mayChangeIntervention("physical_therapist", custom("pt_ot", "occupational_therapist"), "stop");
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toContain("Only the occupational therapist can change “Pacing diary”.");
  });
});

describe("actionForTransition", () => {
  it.each([
    ["proposed", "active", "activate"],
    ["paused", "active", "resume"],
    ["active", "paused", "pause"],
    ["active", "completed", "complete"],
    ["paused", "completed", "complete"],
    ["proposed", "stopped", "stop"],
    ["active", "stopped", "stop"],
  ] as Array<[InterventionStatus, InterventionStatus, InterventionAction]>)("%s → %s is %s", (from, to, action) => {
    expect(actionForTransition(from, to)).toBe(action);
  });
});
