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
    ["gabapentin", "mg", 1200],
    ["pregabalin", "mg", 300],
    ["duloxetine", "mg", 120],
    ["amitriptyline", "mg", 150],
    ["nsaids", "mg", 800],
    ["topical-lidocaine", "patch", 3],
    ["topical-capsaicin", "%", 8],
    ["bisphosphonates", "mg", 100],
  ])("%s has a data-entry bound of %s ≤ %d", (id, unit, max) => {
    const t = getTherapy(id);
    if (t?.prescriptionKind !== "medication") throw new Error(`${id} is not a medication`);
    expect(t.doseLimits.find((l) => l.unit === unit)?.max).toBe(max);
    expect(t.routes.length).toBeGreaterThan(0);
  });

  it("returns undefined for an unknown id", () => {
    expect(getTherapy("leeches")).toBeUndefined();
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
