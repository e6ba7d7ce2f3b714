import { describe, expect, it } from "vitest";
import { REVIEW_ALERT_COOLDOWN_DAYS, alertsToRaise, latestPossibleToday } from "./alert-policy";
import type { RuleFiring } from "./rules";

const firing = (ruleId: RuleFiring["ruleId"], severity: RuleFiring["severity"], date: string): RuleFiring => ({
  ruleId,
  severity,
  title: ruleId,
  logic: "",
  consider: "Consider.",
  message: "",
  evidence: [],
  dedupeKey: `${ruleId}:${date}`,
  notify: [],
  patientCrisisResources: false,
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
      firing: firing("red-flag-symptoms", "urgent", today),
      existing: [{ ruleId: "red-flag-symptoms", dedupeKey: "red-flag-symptoms:2026-03-19", createdOn: "2026-03-19", acknowledged: false }],
      raised: true,
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
