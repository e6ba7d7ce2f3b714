import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { CSS_ITEMS, CSS_ITEM_IDS, type CssItemId, cssChange, scoreCss } from "./css";

const form = (presentIds: readonly string[]): Record<CssItemId, boolean> =>
  Object.fromEntries(CSS_ITEM_IDS.map((id) => [id, presentIds.includes(id)])) as Record<CssItemId, boolean>;

const symptomIds = CSS_ITEMS.filter((i) => i.kind === "symptom").map((i) => i.id);
const signIds = CSS_ITEMS.filter((i) => i.kind === "sign").map((i) => i.id);

function invalidMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("INVALID");
    return (e as DomainError).message;
  }
  throw new Error("expected an INVALID DomainError");
}

describe("CSS items", () => {
  it("has 8 symptoms and 9 signs with unique ids", () => {
    expect(symptomIds).toHaveLength(8);
    expect(signIds).toHaveLength(9);
    expect(new Set(CSS_ITEM_IDS).size).toBe(17);
  });
});

describe("scoreCss", () => {
  const rows: Array<[string, string[], number, number, number]> = [
    ["none present", [], 0, 0, 0],
    ["all present", [...CSS_ITEM_IDS], 17, 8, 9],
    ["all symptoms only", symptomIds, 8, 8, 0],
    ["all signs only", signIds, 9, 0, 9],
    ["allodynia symptom and sign", ["symptom_allodynia_hyperpathia", "sign_allodynia"], 2, 1, 1],
  ];
  it.each(rows)("%s", (_label, present, total, symptoms, signs) => {
    const r = scoreCss(form(present));
    expect(r.total).toBe(total);
    expect(r.symptomCount).toBe(symptoms);
    expect(r.signCount).toBe(signs);
    expect(r.present).toHaveLength(total);
  });

  it("lists every missing item", () => {
    const f: Partial<Record<CssItemId, boolean>> = form([]);
    delete f.sign_allodynia;
    delete f.symptom_motor_changes;
    const msg = invalidMessage(() => scoreCss(f));
    expect(msg).toContain("Missing (2)");
    expect(msg).toContain("Motor changes (weakness, tremor, dystonia)");
    expect(msg).toContain("Allodynia");
  });

  it("rejects an empty form naming all 17", () => {
    expect(invalidMessage(() => scoreCss({}))).toContain("Missing (17)");
  });

  it("rejects unknown items and non-boolean answers", () => {
    expect(invalidMessage(() => scoreCss({ ...form([]), extra_item: true } as Record<CssItemId, boolean>))).toContain("Unknown CSS item: extra_item.");
    expect(invalidMessage(() => scoreCss({ ...form([]), sign_allodynia: 1 } as unknown as Record<CssItemId, boolean>))).toContain("Allodynia");
  });
});

describe("cssChange", () => {
  const rows: Array<[number | null, number, number | null, boolean, string | null]> = [
    [10, 14, 4, false, "worse"],
    [10, 15, 5, true, "worse"],
    [10, 6, -4, false, "better"],
    [10, 5, -5, true, "better"],
    [7, 7, 0, false, "unchanged"],
    [null, 9, null, false, null],
  ];
  it.each(rows)("from %s to %s → change %s, meaningful %s", (prev, cur, change, meaningful, direction) => {
    expect(cssChange(prev, cur)).toEqual({ change, beyondMeasurementError: meaningful, direction });
  });

  it.each([
    [null, 18],
    [-1, 5],
    [3.5, 5],
  ])("rejects totals out of range (%s → %s)", (prev, cur) => {
    expect(invalidMessage(() => cssChange(prev, cur))).toMatch(/whole number from 0 to 17/);
  });
});
