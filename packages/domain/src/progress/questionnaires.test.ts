import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  GAD7_ITEMS,
  LICENSED_MEASURES,
  PHQ9_ITEMS,
  type ItemAnswers,
  scoreGad7,
  scorePhq9,
  scorePsfs,
  validateLicensedScore,
} from "./questionnaires";

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

/** A form of `n` answers summing to `total`, filled from item 1 with 3s; item 9 stays 0 unless asked. */
function answersSumming(n: number, total: number, item9 = 0): number[] {
  const a = Array<number>(n).fill(0);
  let left = total - (n === 9 ? item9 : 0);
  for (let i = 0; i < n && left > 0; i++) {
    if (n === 9 && i === 8) continue;
    a[i] = Math.min(3, left);
    left -= a[i]!;
  }
  if (n === 9) a[8] = item9;
  return a;
}

describe("PHQ-9", () => {
  it("has 9 items", () => expect(PHQ9_ITEMS).toHaveLength(9));

  const bands: Array<[number, string]> = [
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [24, "severe"],
  ];
  it.each(bands)("total %i → %s", (total, band) => {
    const r = scorePhq9(answersSumming(9, total));
    expect(r.total).toBe(total);
    expect(r.band).toBe(band);
    expect(r.selfHarmFlag).toBe(false);
  });

  it("all 1s = 9, mild, with the self-harm flag set by item 9", () => {
    const r = scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r).toEqual({ total: 9, band: "mild", bandLabel: "Mild", item9: 1, selfHarmFlag: true });
  });

  it("all 3s = 27, severe", () => expect(scorePhq9(Array(9).fill(3)).band).toBe("severe"));

  it.each([
    [0, false],
    [1, true],
    [3, true],
  ])("item 9 = %i → selfHarmFlag %s even at a minimal total", (item9, flag) => {
    const r = scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, item9]);
    expect(r.selfHarmFlag).toBe(flag);
    expect(r.band).toBe("minimal");
  });

  const bad: Array<[string, ItemAnswers, string]> = [
    ["item 4 missing", [1, 1, 1, null, 1, 1, 1, 1, 1], "PHQ-9 item 4 is missing."],
    ["items 4 and 9 missing (short list)", [1, 1, 1, undefined, 1, 1, 1, 1], "PHQ-9 items 4 and 9 are missing."],
    ["three missing", [null, 1, null, 1, 1, 1, 1, 1, null], "PHQ-9 items 1, 3 and 9 are missing."],
    ["item 2 is 4", [0, 4, 0, 0, 0, 0, 0, 0, 0], "PHQ-9 item 2 must be a whole number from 0 to 3."],
    ["item 7 negative", [0, 0, 0, 0, 0, 0, -1, 0, 0], "PHQ-9 item 7 must be a whole number from 0 to 3."],
    ["item 5 fractional", [0, 0, 0, 0, 1.5, 0, 0, 0, 0], "PHQ-9 item 5 must be a whole number from 0 to 3."],
    ["ten answers", Array(10).fill(0), "PHQ-9 has 9 items; 10 answers were given."],
  ];
  it.each(bad)("%s", (_label, answers, message) => {
    expect(invalidMessage(() => scorePhq9(answers))).toBe(message);
  });

  it("treats a hole in a sparse array as missing", () => {
    const sparse: number[] = [];
    sparse[0] = 1;
    sparse[8] = 0;
    expect(invalidMessage(() => scorePhq9(sparse))).toBe("PHQ-9 items 2, 3, 4, 5, 6, 7 and 8 are missing.");
  });
});

describe("GAD-7", () => {
  it("has 7 items", () => expect(GAD7_ITEMS).toHaveLength(7));

  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ])("total %i → %s", (total, band) => {
    const r = scoreGad7(answersSumming(7, total));
    expect(r.total).toBe(total);
    expect(r.band).toBe(band);
  });

  it.each([
    [[0, 0, 0, 0, 0, 0], "GAD-7 item 7 is missing."],
    [[0, 0, 0, 0, 0, 0, 9], "GAD-7 item 7 must be a whole number from 0 to 3."],
  ] as Array<[ItemAnswers, string]>)("rejects %j", (answers, message) => {
    expect(invalidMessage(() => scoreGad7(answers))).toBe(message);
  });
});

describe("PSFS", () => {
  const acts = (...scores: Array<number | null>) => scores.map((score, i) => ({ activity: `Activity ${i + 1}`, score }));

  it.each([
    [[4, 5, 6], 5],
    [[1, 2, 2], 1.7],
    [[0, 0, 1], 0.3],
    [[1, 2, 3, 3], 2.3], // 2.25 rounds half up
    [[10, 10, 10, 10, 9], 9.8],
    [[0, 0, 0], 0],
  ])("scores %j → %s", (scores, mean) => {
    const r = scorePsfs(acts(...scores));
    expect(r.score).toBe(mean);
    expect(r.activityCount).toBe(scores.length);
  });

  it.each([
    ["two activities", acts(5, 5), "PSFS needs 3 to 5 activities; 2 were given."],
    ["six activities", acts(1, 1, 1, 1, 1, 1), "PSFS needs 3 to 5 activities; 6 were given."],
    ["missing score", acts(5, null, 5), "PSFS activity 2 score is missing."],
    ["score 11", acts(5, 5, 11), "PSFS activity 3 score must be a whole number from 0 to 10."],
    ["score -1", acts(-1, 5, 5), "PSFS activity 1 score must be a whole number from 0 to 10."],
    ["unnamed activity", [{ activity: " ", score: 3 }, ...acts(1, 2)], "PSFS activity 1 needs a name."],
  ])("rejects %s", (_label, activities, message) => {
    expect(invalidMessage(() => scorePsfs(activities))).toBe(message);
  });
});

describe("licensed measures", () => {
  it("lists the licensed measures with their ranges", () => {
    const byId = Object.fromEntries(LICENSED_MEASURES.map((m) => [m.id, [m.min, m.max]]));
    expect(byId).toMatchObject({ tsk_17: [17, 68], pcs: [0, 52], promis_pain_interference: [20, 80], quickdash: [0, 100], lefs: [0, 80] });
  });

  it("keeps no item text: only id, name, range and notes", () => {
    for (const m of LICENSED_MEASURES) {
      expect(Object.keys(m).every((k) => ["id", "name", "min", "max", "wholeNumber", "scoreKind", "note"].includes(k))).toBe(true);
    }
  });

  it.each([
    ["tsk_17", 17, true],
    ["tsk_17", 68, true],
    ["tsk_17", 16, false],
    ["tsk_17", 69, false],
    ["tsk_17", 40.5, false],
    ["pcs", 0, true],
    ["pcs", 53, false],
    ["promis_pain_interference", 57.3, true],
    ["promis_pain_interference", 19.9, false],
    ["quickdash", 27.3, true],
    ["quickdash", 100.1, false],
    ["lefs", 80, true],
    ["lefs", 81, false],
    ["lefs", Number.NaN, false],
  ])("%s score %s valid=%s", (id, score, ok) => {
    if (ok) expect(validateLicensedScore(id, score)).toEqual({ measureId: id, score });
    else expect(invalidMessage(() => validateLicensedScore(id, score))).toMatch(/from \d+ to \d+\.$/);
  });

  it("names the measure and range in the message, and rejects unknown measures", () => {
    expect(invalidMessage(() => validateLicensedScore("tsk_17", 70))).toBe("Tampa Scale of Kinesiophobia (TSK-17) total score must be a whole number from 17 to 68.");
    expect(invalidMessage(() => validateLicensedScore("sf_36", 50))).toBe("Unknown licensed measure: sf_36.");
  });
});
