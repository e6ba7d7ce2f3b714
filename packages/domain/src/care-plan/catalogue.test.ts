import { describe, expect, it } from "vitest";
import { DISCIPLINES } from "../roles";
import { GOAL_IDS } from "./goals";
import {
  CATEGORY_OWNERS,
  THERAPY_CATALOGUE,
  THERAPY_CATEGORIES,
  THERAPY_CATEGORY_LABELS,
  type TherapyCategory,
  getTherapy,
  therapiesByCategory,
} from "./catalogue";
import { MEDICATION_AGENTS, getAgent } from "./medication-agents";

/** Every therapy named in /work/shared/CRPS-DOMAIN.md, with the category of its table row. */
const REFERENCE: Array<[term: string, category: TherapyCategory]> = [
  ["range-of-motion exercises", "pt_ot"],
  ["desensitization", "pt_ot"],
  ["mirror therapy", "pt_ot"],
  ["functional retraining", "pt_ot"],
  ["gabapentin", "medication"],
  ["pregabalin", "medication"],
  ["duloxetine", "medication"],
  ["amitriptyline", "medication"],
  ["nsaids", "medication"],
  ["oral corticosteroid course", "medication"],
  ["topical lidocaine", "medication"],
  ["topical capsaicin", "medication"],
  ["bisphosphonates", "medication"],
  ["sympathetic nerve block", "interventional"],
  ["spinal cord stimulation", "interventional"],
  ["dorsal root ganglion", "interventional"],
  ["ketamine infusion", "interventional"],
  ["cognitive behavioural therapy", "psychological"],
  ["mindfulness-based stress reduction", "psychological"],
  ["support groups or counselling", "psychological"],
  ["regular gentle movement", "self_management"],
  ["heat or cold therapy", "self_management"],
  ["balanced nutrition", "self_management"],
  ["stress management", "self_management"],
  ["sleep hygiene", "self_management"],
  ["stem cell therapy", "experimental"],
  ["immune-modulating therapies", "experimental"],
  ["virtual reality therapy", "experimental"],
  ["new neuromodulation devices", "experimental"],
];

describe("therapy catalogue completeness", () => {
  it.each(REFERENCE)("lists “%s” exactly once, under %s", (term, category) => {
    const matches = THERAPY_CATALOGUE.filter((t) => t.name.toLowerCase().includes(term));
    expect(matches).toHaveLength(1);
    expect(matches[0]?.category).toBe(category);
  });

  it("has nothing beyond the reference", () => {
    expect(THERAPY_CATALOGUE).toHaveLength(REFERENCE.length);
  });
});

describe("therapy catalogue entries", () => {
  it.each(THERAPY_CATALOGUE.map((t) => [t.id, t] as const))("%s is well formed", (id, t) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(getTherapy(id)).toBe(t);
    expect(t.ownerDisciplines).toEqual(CATEGORY_OWNERS[t.category]);
    expect(t.defaultGoals.length).toBeGreaterThan(0);
    for (const g of t.defaultGoals) expect(GOAL_IDS).toContain(g);
    const sentences = t.patientExplanation.split(/(?<=\.)\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(t.patientExplanation).not.toMatch(/\bcure|guarantee|you (must|should)\b/i);
    expect(t.patientLed).toBe(t.category === "self_management");
  });

  it("has unique ids", () => {
    expect(new Set(THERAPY_CATALOGUE.map((t) => t.id)).size).toBe(THERAPY_CATALOGUE.length);
  });

  it.each([
    ["pt_ot", "conservative", "exercise", ["physical_therapist", "occupational_therapist"]],
    ["medication", "conservative", "medication", ["pain_physician"]],
    ["interventional", "interventional", "procedure", ["pain_physician"]],
    ["psychological", "conservative", "psychological", ["psychologist"]],
    ["self_management", "conservative", "self_management", [...DISCIPLINES]],
    ["experimental", "experimental", "experimental", ["pain_physician"]],
  ] as const)("%s items: tier %s, kind %s, owners %j", (category, tier, kind, owners) => {
    const items = THERAPY_CATALOGUE.filter((t) => t.category === category);
    expect(items.length).toBeGreaterThan(0);
    for (const t of items) {
      expect(t.tier).toBe(tier);
      expect(t.prescriptionKind).toBe(kind);
      expect([...t.ownerDisciplines].sort()).toEqual([...owners].sort());
    }
  });

  it.each([
    ["gabapentin", ["gabapentin"]],
    ["pregabalin", ["pregabalin"]],
    ["duloxetine", ["duloxetine"]],
    ["amitriptyline", ["amitriptyline"]],
    ["nsaids", ["ibuprofen", "naproxen", "diclofenac-gel"]],
    ["corticosteroid-course", ["prednisolone"]],
    ["topical-lidocaine", ["lidocaine-5-patch"]],
    ["topical-capsaicin", ["capsaicin-8-patch", "capsaicin-cream"]],
    ["bisphosphonates", ["alendronate", "pamidronate", "neridronate", "clodronate", "zoledronic-acid"]],
  ])("%s is prescribed by agent: %j", (id, agentIds) => {
    const t = getTherapy(id);
    if (t?.prescriptionKind !== "medication") throw new Error(`${id} is not a medication`);
    expect(t.agents.map((a) => a.id)).toEqual(agentIds);
  });

  it("gives every medication at least one agent, and every agent a medication", () => {
    const medications = THERAPY_CATALOGUE.filter((t) => t.prescriptionKind === "medication");
    for (const t of medications) expect(t.prescriptionKind === "medication" && t.agents.length).toBeGreaterThan(0);
    for (const a of MEDICATION_AGENTS) expect(getTherapy(a.therapyId)?.prescriptionKind).toBe("medication");
  });

  it.each([
    ["pamidronate", "iv", "mg", 90],
    ["zoledronic-acid", "iv", "mg", 5],
    ["neridronate", "iv", "mg", 100],
    ["clodronate", "iv", "mg", 300],
    ["alendronate", "oral", "mg", 40],
    ["diclofenac-gel", "topical", "g", 32],
    ["lidocaine-5-patch", "topical", "patch", 3],
  ] as const)("%s is %s, in %s, at most %d a day", (id, route, unit, perDay) => {
    expect(getAgent(id)).toMatchObject({ route, unit, perDay: { max: perDay } });
  });
});

describe("medication agents", () => {
  it.each(MEDICATION_AGENTS.map((a) => [a.id, a] as const))("%s has sane, sourced bounds", (id, a) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(getAgent(id)).toBe(a);
    expect(a.perDose.min).toBeGreaterThan(0);
    expect(a.perDose.min).toBeLessThanOrEqual(a.perDose.max);
    expect(a.perDose.max).toBeLessThanOrEqual(a.perDay.max);
    expect(a.perDose.source.length).toBeGreaterThan(20);
    expect(a.perDay.source.length).toBeGreaterThan(20);
    expect(a.unit).not.toBe("%");
    // A fixed regimen is one dose a day, so its daily maximum is the per-dose maximum.
    if (a.dosing !== "daily") expect(a.perDay.max).toBe(a.perDose.max);
    // Patient-facing names never carry the "(verify)" marks kept for clinicians in the sources.
    expect(a.name).not.toMatch(/verify/i);
  });

  it("has unique ids", () => {
    expect(new Set(MEDICATION_AGENTS.map((a) => a.id)).size).toBe(MEDICATION_AGENTS.length);
  });

  it("returns undefined for an unknown id", () => {
    expect(getTherapy("leeches")).toBeUndefined();
    expect(getAgent("leeches")).toBeUndefined();
  });
});

describe("therapiesByCategory", () => {
  it("groups every therapy under its category, in catalogue order", () => {
    const groups = therapiesByCategory();
    expect(Object.keys(groups)).toEqual([...THERAPY_CATEGORIES]);
    expect(Object.values(groups).flat()).toHaveLength(THERAPY_CATALOGUE.length);
    expect(groups.psychological.map((t) => t.id)).toEqual(["cbt", "mbsr", "support-groups-counselling"]);
    for (const c of THERAPY_CATEGORIES) for (const t of groups[c]) expect(t.category).toBe(c);
  });

  it("labels every category", () => {
    for (const c of THERAPY_CATEGORIES) expect(THERAPY_CATEGORY_LABELS[c].length).toBeGreaterThan(3);
  });
});
