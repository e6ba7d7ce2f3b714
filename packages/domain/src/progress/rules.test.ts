import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import type { AdherenceStatus } from "./check-in";
import { addDays } from "../dates/index";
import { CHECK_IN_RED_FLAGS, type CheckInRedFlag } from "./check-in";
import {
  type AlertSeverity,
  PAIN_FLARE_RULE,
  type ProgressSnapshot,
  RULES,
  RULE_IDS,
  type RuleId,
  type RuleSubmission,
  type SnapshotCheckIn,
  URGENT_ACKNOWLEDGE_MINUTES,
  acknowledgeBy,
  evaluateRules,
  urgentAlertRecipients,
} from "./rules";

const START = "2024-01-01";

const checkIn = (date: string, painAverage = 5, extra: Partial<SnapshotCheckIn> = {}): SnapshotCheckIn => ({
  date,
  painAverage,
  adherence: [],
  ...extra,
});

/** Consecutive daily check-ins from `from` with the given average pain values. */
const daily = (from: string, pains: number[]): SnapshotCheckIn[] => pains.map((p, i) => checkIn(addDays(from, i), p));

const snapshot = (overrides: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  today: "2024-06-01",
  crpsOnsetDate: null,
  checkIns: [],
  cssScores: [],
  psychologicalEvaluationOnRecord: true,
  conservativeCareStartedOn: null,
  ...overrides,
});

const rule = (id: RuleId) => RULES.find((r) => r.id === id)!;
const fires = (id: RuleId, s: ProgressSnapshot, sub: RuleSubmission | null = null) => rule(id).evaluate(s, sub) !== null;
const submittedCheckIn = (id: string, date: string, answers: Partial<Record<CheckInRedFlag, boolean>>, painAverage = 5): RuleSubmission => ({
  kind: "check_in",
  id,
  date,
  painAverage,
  answers,
});
const phq9Form = (id: string, date: string, item9: number, total = 10 + item9): RuleSubmission => ({ kind: "phq9", id, date, item9, total });
const seven = (v: number) => Array<number>(7).fill(v);

describe("rule catalogue", () => {
  it("has one rule per id, each saying 'Consider' and stating its logic", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of RULES) {
      expect(r.consider).toMatch(/^Consider /);
      expect(r.logic.length).toBeGreaterThan(20);
      expect(r.source.length).toBeGreaterThan(10);
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
  const css = (...pairs: Array<[string, number]>) => snapshot({ cssScores: pairs.map(([date, total], i) => ({ id: `css-${i}`, date, total })) });
  const rows: Array<[string, ProgressSnapshot, boolean]> = [
    ["up 4 does not fire", css(["2024-03-01", 10], ["2024-05-01", 14]), false],
    ["up 5 fires", css(["2024-03-01", 10], ["2024-05-01", 15]), true],
    ["down 5 does not fire", css(["2024-03-01", 15], ["2024-05-01", 10]), false],
    ["single score does not fire", css(["2024-05-01", 15]), false],
    ["compares by date, whatever the input order", css(["2024-05-01", 15], ["2024-01-01", 12], ["2024-03-01", 10]), true],
    ["a rise of 5 since baseline in small steps fires (10 → 12 → 13 → 15)", css(["2024-01-01", 10], ["2024-02-01", 12], ["2024-03-01", 13], ["2024-05-01", 15]), true],
    ["a rise of 5 over any span: from a later low point (12 → 8 → 13)", css(["2024-01-01", 12], ["2024-03-01", 8], ["2024-05-01", 13]), true],
    ["an older rise that has come back down does not fire", css(["2024-01-01", 2], ["2024-03-01", 10], ["2024-05-01", 6]), false],
    ["a future-dated score is ignored", css(["2024-03-01", 10], ["2024-05-01", 11], ["2024-07-01", 17]), false],
  ];
  it.each(rows)("%s", (_label, s, expected) => expect(fires("css-rising", s)).toBe(expected));

  it("names the latest measure as its source, says 'beyond measurement error' and cites Harden 2017", () => {
    const f = rule("css-rising").evaluate(css(["2024-01-01", 10], ["2024-03-01", 12], ["2024-05-01", 15]))!;
    expect(f.record).toEqual({ kind: "measure", id: "css-2" });
    expect(f.dedupeKey).toBe("css-rising:2024-05-01");
    expect(f.consider).toBe("Consider reviewing the plan.");
    expect(f.message).toContain("5 points above the baseline of 10 on 2024-01-01");
    expect(f.logic).toContain("a change of 5 or more points is beyond measurement error (smallest real difference, Harden 2017)");
    expect(f.logic).not.toMatch(/clinically meaningful/i);
    expect(f.source).toContain("Pain 2017;158:1430");
  });
});

describe("pain-flare", () => {
  const TODAY = "2024-06-10";
  // 7 baseline days (06-01..06-07) at pain 3, then the 48 hours (06-08, 06-09).
  const history = (recent: number[], baseline = seven(3)) => [...daily("2024-06-01", baseline), ...daily("2024-06-08", recent)];
  const rows: Array<[string, SnapshotCheckIn[], boolean]> = [
    ["average 3 points above the 7-day average fires", history([6, 6]), true],
    ["2.5 points above does not fire", history([5, 6]), false],
    ["one check-in in the 48 hours, 3 above, fires", [...daily("2024-06-01", seven(3)), checkIn("2024-06-09", 6)], true],
    ["fewer than 4 baseline check-ins does not fire", [...daily("2024-06-05", [3, 3, 3]), ...daily("2024-06-08", [9, 9])], false],
  ];
  it.each(rows)("%s", (_label, checkIns, expected) => expect(fires("pain-flare", snapshot({ today: TODAY, checkIns }))).toBe(expected));

  it("reads the window ending on a back-dated check-in that was just submitted", () => {
    // The latest check-in (06-20) is quiet; the back-dated one for 06-09 is the flare.
    const checkIns = [...history([6, 7]), checkIn("2024-06-20", 3)];
    const s = snapshot({ today: "2024-06-20", checkIns });
    expect(fires("pain-flare", s)).toBe(false);
    const f = rule("pain-flare").evaluate(s, submittedCheckIn("c-0609", "2024-06-09", {}, 7))!;
    expect(f.dedupeKey).toBe("pain-flare:2024-06-09");
    expect(f.evidence).toContainEqual({ label: "Rise looked for (points)", value: PAIN_FLARE_RULE.risePoints });
    expect(f.severity).toBe("review");
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
  const rows: Array<[string, RuleSubmission | null, boolean]> = [
    ["item 9 = 1 fires", phq9Form("m1", "2024-05-01", 1), true],
    ["item 9 = 0 does not fire", phq9Form("m1", "2024-05-01", 0), false],
    ["a back-dated form with item 9 above 0 fires", phq9Form("m1", "2023-01-01", 2), true],
    ["no submission does not fire", null, false],
    ["a check-in does not fire it", submittedCheckIn("c1", "2024-05-01", {}), false],
  ];
  it.each(rows)("%s", (_label, sub, expected) => expect(fires("phq9-self-harm", snapshot(), sub)).toBe(expected));

  it("is urgent, names psychologist and pain physician, asks for crisis resources, and keys on the form and the answer", () => {
    const f = rule("phq9-self-harm").evaluate(snapshot(), phq9Form("m1", "2024-05-01", 1))!;
    expect(f.severity).toBe("urgent");
    expect([...f.notify].sort()).toEqual(["pain_physician", "psychologist"]);
    expect(f.patientCrisisResources).toBe(true);
    expect(f.record).toEqual({ kind: "measure", id: "m1" });
    expect(f.dedupeKey).toBe("phq9-self-harm:measure:m1:item9=1");
    expect(f.evidence).toContainEqual({ label: "Item 9 answer (0–3)", value: 1 });
    expect(f.message).not.toMatch(/notify/i);
  });

  it("a second form the same day with item 9 rising from 1 to 3 has a new key (it raises again)", () => {
    const first = rule("phq9-self-harm").evaluate(snapshot(), phq9Form("m1", "2024-05-01", 1))!;
    const second = rule("phq9-self-harm").evaluate(snapshot(), phq9Form("m2", "2024-05-01", 3))!;
    expect(second.dedupeKey).not.toBe(first.dedupeKey);
  });
});

describe("phq9-severe", () => {
  it.each([
    [19, false],
    [20, true],
    [27, true],
  ])("total %s fires: %s", (total, expected) => {
    expect(fires("phq9-severe", snapshot(), phq9Form("m1", "2024-05-01", 0, total))).toBe(expected);
  });
  it("is a review alert citing the PHQ-9 bands", () => {
    const f = rule("phq9-severe").evaluate(snapshot(), phq9Form("m1", "2024-05-01", 0, 21))!;
    expect(f.severity).toBe("review");
    expect(f.kind).toBe("answer");
    expect(f.source).toContain("Kroenke");
  });
});

describe("check-in red flags", () => {
  const ruleOf: Record<CheckInRedFlag, RuleId> = {
    chestPainOrBreathlessness: "red-flag-chest-symptoms",
    suddenSwelling: "red-flag-limb-swelling",
    coldPaleLimb: "red-flag-cold-limb",
    signsOfInfection: "red-flag-infection-or-device",
    neuroDeficitAfterProcedure: "red-flag-after-procedure",
    newLimbAffected: "symptom-spread",
  };
  const severity: Record<CheckInRedFlag, AlertSeverity> = {
    chestPainOrBreathlessness: "urgent",
    suddenSwelling: "urgent",
    coldPaleLimb: "urgent",
    signsOfInfection: "urgent",
    neuroDeficitAfterProcedure: "urgent",
    newLimbAffected: "review",
  };
  const emergency = new Set<CheckInRedFlag>(["chestPainOrBreathlessness", "suddenSwelling"]);

  it.each(CHECK_IN_RED_FLAGS.map((f) => [f]))("%s: fires on yes only, with its severity, key on record + answer, and the rule's data", (flag) => {
    const id = ruleOf[flag];
    expect(fires(id, snapshot(), submittedCheckIn("c1", "2024-05-31", { [flag]: false }))).toBe(false);
    expect(fires(id, snapshot(), submittedCheckIn("c1", "2024-05-31", {}))).toBe(false);
    const f = rule(id).evaluate(snapshot(), submittedCheckIn("c1", "2024-05-31", { [flag]: true }))!;
    expect(f.severity).toBe(severity[flag]);
    expect(f.kind).toBe("answer");
    expect(f.record).toEqual({ kind: "check_in", id: "c1" });
    expect(f.dedupeKey).toBe(`${id}:check_in:c1:${flag}`);
    expect(f.patientEmergency).toBe(emergency.has(flag));
    expect(f.consider).toMatch(/^Consider /);
    expect(f.evidence).toContainEqual({ label: "Check-in date", value: "2024-05-31" });
  });

  it("reads the submitted check-in, whatever its date: a back-dated check-in with a red flag fires", () => {
    const s = snapshot({ today: "2024-06-01", checkIns: [checkIn("2024-05-20"), checkIn("2024-06-01")] });
    expect(fires("red-flag-infection-or-device", s, submittedCheckIn("c-0520", "2024-05-20", { signsOfInfection: true }))).toBe(true);
  });

  it("an edit of the same check-in that adds a second red flag gives a new alert key, the unchanged flag the same key", () => {
    const before = evaluateRules(snapshot(), submittedCheckIn("c1", "2024-05-31", { coldPaleLimb: true }));
    const after = evaluateRules(snapshot(), submittedCheckIn("c1", "2024-05-31", { coldPaleLimb: true, signsOfInfection: true }));
    const keysBefore = new Set(before.map((f) => f.dedupeKey));
    const newKeys = after.map((f) => f.dedupeKey).filter((k) => !keysBefore.has(k));
    expect(newKeys).toEqual(["red-flag-infection-or-device:check_in:c1:signsOfInfection"]);
  });

  it("tells the patient to call emergency services for chest pain or breathlessness", () => {
    const [f] = evaluateRules(snapshot(), submittedCheckIn("c1", "2024-05-31", { chestPainOrBreathlessness: true }));
    expect(f?.ruleId).toBe("red-flag-chest-symptoms");
    expect(f?.patientEmergency).toBe(true);
    expect(f?.logic).toContain("call emergency services now");
  });
});

describe("urgentAlertRecipients", () => {
  const team = [
    { clinicianId: "pt", discipline: "physical_therapist" as const, active: true },
    { clinicianId: "ot", discipline: "occupational_therapist" as const, active: true },
    { clinicianId: "psy", discipline: "psychologist" as const, active: false },
  ];
  it("notifies the named disciplines when they are on the team", () => {
    expect(urgentAlertRecipients(["psychologist", "pain_physician"], [...team, { clinicianId: "doc", discipline: "pain_physician", active: true }])).toEqual({
      clinicianIds: ["doc"],
      routedTo: "named-disciplines",
    });
  });
  it("a team without a psychologist or pain physician: every active clinician is notified", () => {
    expect(urgentAlertRecipients(["psychologist", "pain_physician"], team)).toEqual({ clinicianIds: ["pt", "ot"], routedTo: "whole-team" });
  });
  it("a rule naming nobody reaches the whole team", () => {
    expect(urgentAlertRecipients([], team).clinicianIds).toEqual(["pt", "ot"]);
  });
  it("a team without any active clinician: nobody (the caller tells admins)", () => {
    expect(urgentAlertRecipients(["psychologist"], [])).toEqual({ clinicianIds: [], routedTo: "nobody" });
    expect(urgentAlertRecipients(["psychologist"], [team[2]!])).toEqual({ clinicianIds: [], routedTo: "nobody" });
  });
});

describe("acknowledgeBy", () => {
  it(`is ${URGENT_ACKNOWLEDGE_MINUTES} minutes after the alert was raised`, () => {
    expect(acknowledgeBy(new Date("2026-12-01T23:50:00Z")).toISOString()).toBe("2026-12-02T00:20:00.000Z");
  });
});

describe("evaluateRules", () => {
  it("returns urgent results first, each with its rule and a stable dedupe key", () => {
    const s = snapshot({
      crpsOnsetDate: "2023-01-01",
      psychologicalEvaluationOnRecord: false,
      cssScores: [
        { id: "a", date: "2024-03-01", total: 5 },
        { id: "b", date: "2024-05-01", total: 12 },
      ],
      checkIns: [checkIn("2024-05-31", 5)],
    });
    const sub = submittedCheckIn("c1", "2024-05-31", { suddenSwelling: true, newLimbAffected: true });
    const first = evaluateRules(s, sub);
    expect(first.map((f) => f.ruleId)).toEqual(["red-flag-limb-swelling", "symptom-spread", "css-rising", "no-psych-evaluation"]);
    expect(evaluateRules(s, sub).map((f) => f.dedupeKey)).toEqual(first.map((f) => f.dedupeKey));
  });

  it("returns nothing for a quiet snapshot", () => {
    expect(evaluateRules(snapshot())).toEqual([]);
  });

  it.each([
    ["bad date", { today: "2024-13-01" }],
    ["pain out of range", { checkIns: [checkIn("2024-05-01", 11)] }],
    ["CSS total out of range", { cssScores: [{ id: "a", date: "2024-05-01", total: 18 }] }],
  ])("rejects an invalid snapshot: %s", (_label, patch) => {
    expect(() => evaluateRules({ ...snapshot(), ...patch })).toThrow(DomainError);
  });

  it.each([
    ["PHQ-9 item 9 out of range", phq9Form("m1", "2024-05-01", 4, 20)],
    ["an impossible check-in date", submittedCheckIn("c1", "2023-02-30", {})],
  ])("rejects an invalid submission: %s", (_label, sub) => {
    expect(() => evaluateRules(snapshot(), sub)).toThrow(DomainError);
  });
});
