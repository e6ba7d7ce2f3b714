import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { BUDAPEST_CATEGORIES, BUDAPEST_ITEMS, type BudapestCategory, type BudapestTickKind, type BudapestTicks, evaluateBudapest } from "./budapest";

/** Ticks the first symptom (or sign) item in each listed category. */
const tick = (kind: BudapestTickKind, cats: BudapestCategory[]): BudapestTicks =>
  Object.fromEntries(cats.map((c) => [c, [BUDAPEST_ITEMS[c][kind][0]!.id]]));

const [S, V, SO, MT] = BUDAPEST_CATEGORIES;
const ALL: BudapestCategory[] = [S, V, SO, MT];

describe("evaluateBudapest: thresholds", () => {
  const rows: Array<[string, BudapestCategory[], BudapestCategory[], boolean, boolean, boolean, boolean]> = [
    // label, symptom categories, sign categories, disproportionate, no better explanation, clinical, research
    ["3 symptom cats, 2 sign cats", [S, V, SO], [S, MT], true, true, true, false],
    ["2 symptom cats", [S, V], [S, MT], true, true, false, false],
    ["4 symptom cats, 2 sign cats", ALL, [V, SO], true, true, true, true],
    ["4 symptom cats, 1 sign cat", ALL, [V], true, true, false, false],
    ["3 symptom cats, 1 sign cat", [S, V, MT], [SO], true, true, false, false],
    ["pain not disproportionate", ALL, ALL, false, true, false, false],
    ["another diagnosis explains it", ALL, ALL, true, false, false, false],
    ["nothing ticked", [], [], true, true, false, false],
  ];
  it.each(rows)("%s", (_label, symptomCats, signCats, disproportionatePain, noBetterExplanation, clinical, research) => {
    const r = evaluateBudapest({
      disproportionatePain,
      noBetterExplanation,
      symptoms: tick("symptoms", symptomCats),
      signs: tick("signs", signCats),
    });
    expect(r.symptomCategories).toBe(symptomCats.length);
    expect(r.signCategories).toBe(signCats.length);
    expect(r.clinicalCriteriaMet).toBe(clinical);
    expect(r.researchCriteriaMet).toBe(research);
  });

  it("counts a category once however many items are ticked, and ignores empty lists", () => {
    const r = evaluateBudapest({
      disproportionatePain: true,
      noBetterExplanation: true,
      symptoms: { sensory: ["hyperesthesia", "allodynia"], vasomotor: [], motor_trophic: ["trophic_changes"] },
      signs: { sensory: ["hyperalgesia_pinprick", "allodynia_light_touch", "allodynia_joint_movement"] },
    });
    expect(r.symptomCategories).toBe(2);
    expect(r.symptomCategoriesTicked).toEqual(["sensory", "motor_trophic"]);
    expect(r.signCategories).toBe(1);
  });
});

describe("evaluateBudapest: explanation", () => {
  it("shows the counts and says it is a checklist aid, not a diagnosis", () => {
    const r = evaluateBudapest({
      disproportionatePain: true,
      noBetterExplanation: true,
      symptoms: tick("symptoms", [S, V, SO]),
      signs: tick("signs", [S, MT]),
    });
    expect(r.explanation).toContain("Symptoms in 3 of 4 categories (need 3 for clinical, 4 for research); signs in 2 of 4 (need 2).");
    expect(r.explanation).toMatch(/checklist aid/i);
    expect(r.explanation).toMatch(/not a diagnosis/i);
    expect(r.explanation).toContain("Clinical checklist met; research checklist not met.");
  });

  it("reports the failing inputs", () => {
    const r = evaluateBudapest({ disproportionatePain: false, noBetterExplanation: true, symptoms: tick("symptoms", ALL), signs: tick("signs", ALL) });
    expect(r.explanation).toContain("Symptoms in 4 of 4 categories");
    expect(r.explanation).toContain("Pain disproportionate to any inciting event: no.");
    expect(r.explanation).toContain("Neither the clinical nor the research checklist is met.");
  });
});

describe("evaluateBudapest: invalid input", () => {
  const rows: Array<[string, BudapestTicks, BudapestTicks, RegExp]> = [
    ["unknown symptom id", { sensory: ["tingling"] }, {}, /"tingling" is not a sensory symptom/],
    ["sign id used as symptom", { sensory: ["hyperalgesia_pinprick"] }, {}, /"hyperalgesia_pinprick" is not a sensory symptom/],
    ["item in the wrong category", {}, { vasomotor: ["oedema"] }, /"oedema" is not a vasomotor sign/],
    ["unknown category", { trophic: ["x"] } as BudapestTicks, {}, /unknown category "trophic"/],
  ];
  it.each(rows)("%s → INVALID", (_label, symptoms, signs, message) => {
    try {
      evaluateBudapest({ disproportionatePain: true, noBetterExplanation: true, symptoms, signs });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("INVALID");
      expect((e as DomainError).message).toMatch(message);
    }
  });

  it("has unique item ids within each category and kind", () => {
    for (const c of BUDAPEST_CATEGORIES) {
      for (const kind of ["symptoms", "signs"] as const) {
        const ids = BUDAPEST_ITEMS[c][kind].map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });
});
