import { describe, expect, it } from "vitest";
import { REVIEW_ALERT_COOLDOWN_DAYS, alertsToRaise, latestPossibleToday } from "./alert-policy";
import type { RuleFiring } from "./rules";

const firing = (
  ruleId: RuleFiring["ruleId"],
  severity: RuleFiring["severity"],
  date: string,
  kind: RuleFiring["kind"] = "pattern",
  dedupeKey = `${ruleId}:${date}`,
): RuleFiring => ({
  ruleId,
  severity,
  kind,
  title: ruleId,
  logic: "",
  consider: "Consider.",
  source: "test",
  message: "",
  evidence: [],
  dedupeKey,
  record: { kind: "pattern", id: null },
  notify: [],
  cooldownDays: kind === "pattern" ? REVIEW_ALERT_COOLDOWN_DAYS : 0,
  patientCrisisResources: false,
  patientEmergency: false,
});

describe("alertsToRaise", () => {
  const today = "2026-03-20";
  const cases: Array<{ name: string; firing: RuleFiring; existing: Parameters<typeof alertsToRaise>[1]; raised: boolean }> = [
    { name: "a first firing is raised", firing: firing("low-adherence", "review", today), existing: [], raised: true },
    {
      name: "the same dedupe key is never raised twice",
      firing: firing("phq9-self-harm", "urgent", today),
      existing: [{ ruleId: "phq9-self-harm", dedupeKey: `phq9-self-harm:${today}`, createdOn: today, acknowledged: true }],
      raised: false,
    },
    {
      name: "an urgent rule with new data is raised even with an open alert",
      firing: firing("red-flag-cold-limb", "urgent", today, "answer", "red-flag-cold-limb:check_in:c2:coldPaleLimb"),
      existing: [{ ruleId: "red-flag-cold-limb", dedupeKey: "red-flag-cold-limb:check_in:c1:coldPaleLimb", createdOn: today, acknowledged: false }],
      raised: true,
    },
    {
      name: "a red flag added by editing today's check-in raises after an earlier alert of that day was acknowledged",
      firing: firing("red-flag-infection-or-device", "urgent", today, "answer", "red-flag-infection-or-device:check_in:c1:signsOfInfection"),
      existing: [
        { ruleId: "red-flag-cold-limb", dedupeKey: "red-flag-cold-limb:check_in:c1:coldPaleLimb", createdOn: today, acknowledged: true, acknowledgedOn: today },
        { ruleId: "red-flag-infection-or-device", dedupeKey: "red-flag-infection-or-device:check_in:c0:signsOfInfection", createdOn: today, acknowledged: true, acknowledgedOn: today },
      ],
      raised: true,
    },
    {
      name: "a second PHQ-9 the same day with item 9 higher raises although the first was acknowledged",
      firing: firing("phq9-self-harm", "urgent", today, "answer", "phq9-self-harm:measure:m2:item9=3"),
      existing: [{ ruleId: "phq9-self-harm", dedupeKey: "phq9-self-harm:measure:m1:item9=1", createdOn: today, acknowledged: true, acknowledgedOn: today }],
      raised: true,
    },
    {
      name: "a review answer is not raised while the same rule has an open alert",
      firing: firing("phq9-severe", "review", today, "answer", "phq9-severe:measure:m2:total=22"),
      existing: [{ ruleId: "phq9-severe", dedupeKey: "phq9-severe:measure:m1:total=21", createdOn: "2026-03-19", acknowledged: false }],
      raised: false,
    },
    {
      name: "a review answer is raised the day after the same rule's alert was acknowledged (no pattern cooldown)",
      firing: firing("phq9-severe", "review", today, "answer", "phq9-severe:measure:m2:total=22"),
      existing: [{ ruleId: "phq9-severe", dedupeKey: "phq9-severe:measure:m1:total=21", createdOn: "2026-03-19", acknowledged: true, acknowledgedOn: "2026-03-19" }],
      raised: true,
    },
    {
      name: "a pattern's cooldown runs from the acknowledgement, not from the day it was raised",
      firing: firing("low-adherence", "review", today),
      existing: [{ ruleId: "low-adherence", dedupeKey: "low-adherence:2026-02-01", createdOn: "2026-02-01", acknowledged: true, acknowledgedOn: "2026-03-15" }],
      raised: false,
    },
    {
      name: "a review rule is not raised while the same rule has an open alert",
      firing: firing("low-adherence", "review", today),
      existing: [{ ruleId: "low-adherence", dedupeKey: "low-adherence:2026-01-01", createdOn: "2026-01-01", acknowledged: false }],
      raised: false,
    },
    {
      name: "a review rule is not raised within the cooldown after acknowledgement",
      firing: firing("low-adherence", "review", today),
      existing: [{ ruleId: "low-adherence", dedupeKey: "low-adherence:2026-03-10", createdOn: "2026-03-10", acknowledged: true }],
      raised: false,
    },
    {
      name: "a review rule is raised again once the cooldown has passed",
      firing: firing("low-adherence", "review", today),
      existing: [{ ruleId: "low-adherence", dedupeKey: "low-adherence:2026-03-06", createdOn: "2026-03-06", acknowledged: true }],
      raised: true,
    },
    {
      name: "another rule's alert does not hold a review rule back",
      firing: firing("css-rising", "review", today),
      existing: [{ ruleId: "low-adherence", dedupeKey: "low-adherence:2026-03-19", createdOn: "2026-03-19", acknowledged: false }],
      raised: true,
    },
  ];
  it.each(cases)("$name", ({ firing: f, existing, raised }) => {
    expect(alertsToRaise([f], existing, today)).toEqual(raised ? [f] : []);
  });
  it("uses a 14-day cooldown", () => expect(REVIEW_ALERT_COOLDOWN_DAYS).toBe(14));
});

describe("latestPossibleToday", () => {
  it.each([
    ["2026-03-20T00:00:00Z", "2026-03-20"],
    ["2026-03-20T09:59:59Z", "2026-03-20"],
    ["2026-03-20T10:00:00Z", "2026-03-21"],
  ])("at %s it is %s somewhere", (now, day) => expect(latestPossibleToday(new Date(now))).toBe(day));
});
