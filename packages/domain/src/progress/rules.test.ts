import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import type { AdherenceStatus } from "./check-in";
import { addDays } from "./dates";
import {
  PATIENT_CRISIS_RESOURCES,
  type ProgressSnapshot,
  RULES,
  RULE_IDS,
  type RuleId,
  type SnapshotCheckIn,
  evaluateRules,
} from "./rules";

const START = "2024-01-01";

const checkIn = (date: string, painAverage = 5, extra: Partial<SnapshotCheckIn> = {}): SnapshotCheckIn => ({
  date,
  painAverage,
  adherence: [],
  suddenSwelling: false,
  signsOfInfection: false,
  newLimbAffected: false,
  ...extra,
});

/** Consecutive daily check-ins from `from` with the given average pain values. */
const daily = (from: string, pains: number[]): SnapshotCheckIn[] => pains.map((p, i) => checkIn(addDays(from, i), p));

const snapshot = (overrides: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  today: "2024-06-01",
  crpsOnsetDate: null,
  checkIns: [],
  cssScores: [],
  phq9: [],
  psychologicalEvaluationOnRecord: true,
  conservativeCareStartedOn: null,
  ...overrides,
});

const rule = (id: RuleId) => RULES.find((r) => r.id === id)!;
const fires = (id: RuleId, s: ProgressSnapshot) => rule(id).evaluate(s) !== null;
const seven = (v: number) => Array<number>(7).fill(v);

describe("rule catalogue", () => {
  it("has one rule per id, each saying 'Consider' and stating its logic", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of RULES) {
      expect(r.consider).toMatch(/^Consider /);
      expect(r.logic.length).toBeGreaterThan(20);
    }
  });
});

describe("pain-not-improving", () => {
  /** Baseline week from START, then the recent week ending `today`. */
  const painSnapshot = (today: string, baseline: number[], recent: number[]) =>
    snapshot({ today, conservativeCareStartedOn: START, checkIns: [...daily(START, baseline), ...daily(addDays(today, -6), recent)] });

  const eightWeeks = addDays(START, 56);
  const sevenWeeksSixDays = addDays(START, 55);
  const rows: Array<[string, string, number[], number[], boolean]> = [
    ["exactly 30% better (10 → 7) does not fire", eightWeeks, seven(10), seven(7), false],
    ["28.6% better (10 → 7.14) fires", eightWeeks, seven(10), [...Array(6).fill(7), 8], true],
    ["unchanged fires", eightWeeks, seven(6), seven(6), true],
    ["worse fires", eightWeeks, seven(5), seven(7), true],
    ["50% better does not fire", eightWeeks, seven(8), seven(4), false],
    ["at 7 weeks 6 days it does not fire yet", sevenWeeksSixDays, seven(6), seven(6), false],
    ["no pain at baseline does not fire", eightWeeks, seven(0), seven(0), false],
  ];
  it.each(rows)("%s", (_label, today, baseline, recent, expected) => {
    expect(fires("pain-not-improving", painSnapshot(today, baseline, recent))).toBe(expected);
  });

  it("shows its evidence and keys on the last check-in used", () => {
    const f = rule("pain-not-improving").evaluate(painSnapshot(eightWeeks, seven(10), [...Array(6).fill(7), 8]))!;
    expect(f.severity).toBe("review");
    expect(f.consider).toBe("Consider an interventional review.");
    expect(f.message).toContain("fallen by 28.6%");
    expect(f.evidence).toContainEqual({ label: "Improvement (%)", value: 28.6 });
    expect(f.evidence).toContainEqual({ label: "Time on conservative care", value: "8 weeks 0 days" });
    expect(f.evidence).toContainEqual({ label: "Baseline average pain (2024-01-01 to 2024-01-07)", value: 10 });
    expect(f.dedupeKey).toBe(`pain-not-improving:${eightWeeks}`);
  });

  it("uses check-ins from the start of conservative care, not before", () => {
    const s = snapshot({
      today: eightWeeks,
      conservativeCareStartedOn: START,
      // High pain before care began would make the recent week look 40% better if it were counted.
      checkIns: [...daily(addDays(START, -7), seven(10)), ...daily(START, seven(6)), ...daily(addDays(eightWeeks, -6), seven(6))],
    });
    expect(fires("pain-not-improving", s)).toBe(true);
  });

  it("takes the first 7 days with data as baseline even when they are spread out", () => {
    const baseline = [0, 2, 4, 6, 8, 10, 12].map((d) => checkIn(addDays(START, d), 10));
    const s = snapshot({ today: eightWeeks, conservativeCareStartedOn: START, checkIns: [...baseline, ...daily(addDays(eightWeeks, -6), seven(7))] });
    expect(rule("pain-not-improving").evaluate(s)).toBeNull(); // 30% better
  });

  it("does not fire without 14 days of data or without a start date", () => {
    const few = snapshot({ today: eightWeeks, conservativeCareStartedOn: START, checkIns: [...daily(START, seven(6)), ...daily(addDays(eightWeeks, -5), Array(6).fill(6))] });
    expect(fires("pain-not-improving", few)).toBe(false);
    expect(fires("pain-not-improving", { ...painSnapshot(eightWeeks, seven(6), seven(6)), conservativeCareStartedOn: null })).toBe(false);
  });

  it("ignores check-ins dated after today", () => {
    const s = painSnapshot(eightWeeks, seven(10), seven(7));
    s.checkIns.push(checkIn(addDays(eightWeeks, 1), 10));
    expect(fires("pain-not-improving", s)).toBe(false);
  });
});

describe("css-rising", () => {
  const css = (...pairs: Array<[string, number]>) => snapshot({ cssScores: pairs.map(([date, total]) => ({ date, total })) });
  const rows: Array<[string, ProgressSnapshot, boolean]> = [
    ["up 4 does not fire", css(["2024-03-01", 10], ["2024-05-01", 14]), false],
    ["up 5 fires", css(["2024-03-01", 10], ["2024-05-01", 15]), true],
    ["down 5 does not fire", css(["2024-03-01", 15], ["2024-05-01", 10]), false],
    ["single score does not fire", css(["2024-05-01", 15]), false],
    ["compares the latest two by date, whatever the input order", css(["2024-05-01", 15], ["2024-01-01", 2], ["2024-03-01", 10]), true],
    ["an older rise does not fire when the latest step is small", css(["2024-01-01", 2], ["2024-03-01", 10], ["2024-05-01", 11]), false],
    ["a future-dated score is ignored", css(["2024-03-01", 10], ["2024-05-01", 11], ["2024-07-01", 17]), false],
  ];
  it.each(rows)("%s", (_label, s, expected) => expect(fires("css-rising", s)).toBe(expected));

  it("keys on the latest score's date and says 'Consider reviewing the plan.'", () => {
    const f = rule("css-rising").evaluate(css(["2024-03-01", 10], ["2024-05-01", 15]))!;
    expect(f.dedupeKey).toBe("css-rising:2024-05-01");
    expect(f.consider).toBe("Consider reviewing the plan.");
    expect(f.message).toContain("from 10 on 2024-03-01 to 15 on 2024-05-01");
  });
});

describe("low-adherence", () => {
  const TODAY = "2024-06-01";
  const day = (offset: number, ...statuses: AdherenceStatus[]) =>
    checkIn(addDays(TODAY, offset), 5, { adherence: statuses.map((status) => ({ status })) });
  const justUnderHalf: AdherenceStatus[] = [...Array<AdherenceStatus>(24).fill("done"), ...Array<AdherenceStatus>(25).fill("skipped")];
  const rows: Array<[string, SnapshotCheckIn[], boolean]> = [
    ["both weeks 48.98% fires", [day(-10, ...justUnderHalf), day(-2, ...justUnderHalf)], true],
    ["older week exactly 50% does not fire", [day(-10, "done", "skipped"), day(-2, "skipped")], false],
    ["latest week exactly 50% does not fire", [day(-10, "skipped"), day(0, "partly")], false],
    ["older week has no data: does not fire", [day(-20, "skipped"), day(-2, "skipped")], false],
    ["days without check-ins are not counted as skipped", [day(-13, "done"), day(-6, "done")], false],
    ["both weeks all skipped fires", [day(-13, "skipped"), day(-7, "skipped"), day(-6, "skipped")], true],
  ];
  it.each(rows)("%s", (_label, checkIns, expected) => {
    expect(fires("low-adherence", snapshot({ today: TODAY, checkIns }))).toBe(expected);
  });

  it("keys on the latest check-in with adherence data", () => {
    const f = rule("low-adherence").evaluate(snapshot({ today: TODAY, checkIns: [day(-10, "skipped"), day(-3, "partly", "skipped"), day(-1)] }))!;
    expect(f.dedupeKey).toBe(`low-adherence:${addDays(TODAY, -3)}`);
    expect(f.consider).toBe("Consider checking barriers with the patient.");
    expect(f.evidence).toHaveLength(2);
  });
});

describe("no-psych-evaluation", () => {
  const rows: Array<[string, string | null, string, boolean, boolean]> = [
    ["exactly 2 months does not fire", "2024-01-15", "2024-03-15", false, false],
    ["2 months and a day fires", "2024-01-15", "2024-03-16", false, true],
    ["month-end onset: 31 Dec + 2 months = 29 Feb does not fire", "2023-12-31", "2024-02-29", false, false],
    ["month-end onset: 1 Mar fires", "2023-12-31", "2024-03-01", false, true],
    ["evaluation on record does not fire", "2023-01-01", "2024-06-01", true, false],
    ["unknown onset does not fire", null, "2024-06-01", false, false],
  ];
  it.each(rows)("%s", (_label, onset, today, onRecord, expected) => {
    expect(fires("no-psych-evaluation", snapshot({ crpsOnsetDate: onset, today, psychologicalEvaluationOnRecord: onRecord }))).toBe(expected);
  });

  it("keys on the onset date so it alerts once", () => {
    const a = rule("no-psych-evaluation").evaluate(snapshot({ crpsOnsetDate: "2024-01-15", today: "2024-04-01", psychologicalEvaluationOnRecord: false }))!;
    const b = rule("no-psych-evaluation").evaluate(snapshot({ crpsOnsetDate: "2024-01-15", today: "2024-05-01", psychologicalEvaluationOnRecord: false }))!;
    expect(a.dedupeKey).toBe("no-psych-evaluation:2024-01-15");
    expect(b.dedupeKey).toBe(a.dedupeKey);
    expect(a.consider).toBe("Consider a psychological evaluation.");
  });
});

describe("phq9-self-harm", () => {
  const phq = (...forms: Array<[string, number]>) => snapshot({ phq9: forms.map(([date, item9]) => ({ date, item9, total: 10 + item9 })) });
  const rows: Array<[string, ProgressSnapshot, boolean]> = [
    ["item 9 = 1 fires", phq(["2024-05-01", 1]), true],
    ["item 9 = 0 does not fire", phq(["2024-05-01", 0]), false],
    ["earlier positive but latest 0 does not fire", phq(["2024-04-01", 2], ["2024-05-01", 0]), false],
    ["latest positive fires whatever the order", phq(["2024-05-01", 3], ["2024-04-01", 0]), true],
    ["no PHQ-9 does not fire", phq(), false],
  ];
  it.each(rows)("%s", (_label, s, expected) => expect(fires("phq9-self-harm", s)).toBe(expected));

  it("is urgent, notifies psychologist and pain physician, and asks for crisis resources", () => {
    const f = rule("phq9-self-harm").evaluate(phq(["2024-05-01", 1]))!;
    expect(f.severity).toBe("urgent");
    expect([...f.notify].sort()).toEqual(["pain_physician", "psychologist"]);
    expect(f.patientCrisisResources).toBe(true);
    expect(f.dedupeKey).toBe("phq9-self-harm:2024-05-01");
    expect(f.evidence).toContainEqual({ label: "Item 9 answer (0–3)", value: 1 });
  });
});

describe("red-flag-symptoms", () => {
  const rows: Array<[string, Partial<SnapshotCheckIn>, boolean, string]> = [
    ["sudden swelling", { suddenSwelling: true }, true, "possible deep vein thrombosis"],
    ["signs of infection", { signsOfInfection: true }, true, "signs of infection"],
    ["spread to another limb", { newLimbAffected: true }, true, "another limb"],
    ["no red flags", {}, false, ""],
  ];
  it.each(rows)("%s", (_label, flags, expected, text) => {
    const f = rule("red-flag-symptoms").evaluate(snapshot({ checkIns: [checkIn("2024-05-30"), checkIn("2024-05-31", 5, flags)] }));
    expect(f !== null).toBe(expected);
    if (f) {
      expect(f.severity).toBe("urgent");
      expect(f.message).toContain(text);
      expect(f.dedupeKey).toBe("red-flag-symptoms:2024-05-31");
      expect(f.patientCrisisResources).toBe(false);
    }
  });

  it("looks only at the latest check-in", () => {
    const s = snapshot({ checkIns: [checkIn("2024-05-30", 5, { signsOfInfection: true }), checkIn("2024-05-31")] });
    expect(fires("red-flag-symptoms", s)).toBe(false);
  });
});

describe("evaluateRules", () => {
  it("returns urgent results first, each with its rule and a stable dedupe key", () => {
    const s = snapshot({
      crpsOnsetDate: "2023-01-01",
      psychologicalEvaluationOnRecord: false,
      cssScores: [{ date: "2024-03-01", total: 5 }, { date: "2024-05-01", total: 12 }],
      phq9: [{ date: "2024-05-20", item9: 2, total: 16 }],
      checkIns: [checkIn("2024-05-31", 5, { suddenSwelling: true })],
    });
    const first = evaluateRules(s);
    expect(first.map((f) => f.ruleId)).toEqual(["phq9-self-harm", "red-flag-symptoms", "css-rising", "no-psych-evaluation"]);
    expect(evaluateRules(s).map((f) => f.dedupeKey)).toEqual(first.map((f) => f.dedupeKey));
  });

  it("returns nothing for a quiet snapshot", () => {
    expect(evaluateRules(snapshot())).toEqual([]);
  });

  it.each([
    ["bad date", { today: "2024-13-01" }],
    ["pain out of range", { checkIns: [checkIn("2024-05-01", 11)] }],
    ["CSS total out of range", { cssScores: [{ date: "2024-05-01", total: 18 }] }],
    ["PHQ-9 item 9 out of range", { phq9: [{ date: "2024-05-01", item9: 4, total: 20 }] }],
  ])("rejects an invalid snapshot: %s", (_label, patch) => {
    expect(() => evaluateRules({ ...snapshot(), ...patch })).toThrow(DomainError);
  });
});

describe("patient crisis resources", () => {
  it("tells the patient to contact emergency services or a crisis line now, with verified-later examples", () => {
    expect(PATIENT_CRISIS_RESOURCES.message).toMatch(/^If you are thinking about harming yourself, contact your local emergency number now, or a crisis line/);
    expect(PATIENT_CRISIS_RESOURCES.examples.map((e) => e.text).join(" ")).toMatch(/988.*116 123/);
    expect(PATIENT_CRISIS_RESOURCES.examples.every((e) => e.verify)).toBe(true);
    expect(PATIENT_CRISIS_RESOURCES.examplesNote).toContain("(verify)");
  });
});
