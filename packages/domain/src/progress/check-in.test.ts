import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  CHECK_IN_SYMPTOMS,
  CHECK_IN_SYMPTOM_LABELS,
  FUTURE_CHECK_IN_MESSAGE,
  checkInSchema,
  makeCheckInSchema,
  parseCheckIn,
  validateCheckInDate,
} from "./check-in";

const valid = () => ({
  date: "2024-03-10",
  painNow: 4,
  painAverage: 5,
  painWorst: 8,
  symptoms: { burningPain: true, allodynia: true },
  chestPainOrBreathlessness: false,
  suddenSwelling: false,
  coldPaleLimb: false,
  signsOfInfection: false,
  newLimbAffected: false,
  bodyLocations: [{ site: "left_arm" }, { site: "other", detail: "left shoulder" }],
  sleepHours: 6.5,
  sleepQuality: 4,
  mood: 6,
  adherence: [
    { interventionId: "pi-1", status: "done" },
    { interventionId: "pi-2", status: "partly", sideEffects: "Drowsy in the morning" },
  ],
  note: "Better after the mirror therapy session.",
});

function firstMessage(input: unknown): string | undefined {
  const r = checkInSchema.safeParse(input);
  return r.success ? undefined : r.error.issues[0]?.message;
}

describe("checkInSchema", () => {
  it("accepts a complete check-in and defaults unticked symptoms to false", () => {
    const r = checkInSchema.parse(valid());
    expect(r.symptoms.burningPain).toBe(true);
    expect(r.symptoms.swelling).toBe(false);
    expect(Object.keys(r.symptoms).sort()).toEqual([...CHECK_IN_SYMPTOMS].sort());
  });

  const rejections: Array<[string, Record<string, unknown>, string]> = [
    ["pain now above 10", { painNow: 11 }, "Pain now must be a whole number from 0 to 10."],
    ["pain now negative", { painNow: -1 }, "Pain now must be a whole number from 0 to 10."],
    ["average pain not whole", { painAverage: 4.5 }, "Average pain must be a whole number from 0 to 10."],
    ["worst pain missing", { painWorst: undefined }, "Worst pain must be a whole number from 0 to 10."],
    ["worst pain as text", { painWorst: "7" }, "Worst pain must be a whole number from 0 to 10."],
    ["sleep over 24 hours", { sleepHours: 24.5 }, "Sleep hours must be a number from 0 to 24."],
    ["sleep quality 11", { sleepQuality: 11 }, "Sleep quality must be a whole number from 0 to 10."],
    ["mood -1", { mood: -1 }, "Mood must be a whole number from 0 to 10."],
    ["malformed date", { date: "10/03/2024" }, "Dates must be real calendar days written as YYYY-MM-DD."],
    ["impossible date", { date: "2023-02-29" }, "Dates must be real calendar days written as YYYY-MM-DD."],
    ["note too long", { note: "x".repeat(2001) }, "The note must be 2000 characters or fewer."],
    ["red flag not answered", { signsOfInfection: undefined }, "Please answer: Redness, heat, discharge or fever, or a problem at a stimulator, wound or injection site."],
    ["unknown limb", { bodyLocations: [{ site: "left_ear" }] }, "Body location must be left_arm, right_arm, left_leg, right_leg or other."],
    ["other without detail", { bodyLocations: [{ site: "other", detail: "  " }] }, "Please say where, for a location that is not an arm or leg."],
    ["same limb twice", { bodyLocations: [{ site: "left_leg" }, { site: "left_leg" }] }, "Each limb can be listed once."],
    ["bad adherence status", { adherence: [{ interventionId: "pi-1", status: "maybe" }] }, "Adherence status must be done, partly or skipped."],
    ["side effects too long", { adherence: [{ interventionId: "pi-1", status: "done", sideEffects: "x".repeat(501) }] }, "Side effects must be 500 characters or fewer."],
    ["intervention twice", { adherence: [{ interventionId: "pi-1", status: "done" }, { interventionId: "pi-1", status: "skipped" }] }, "Each intervention can be reported once a check-in."],
    ["unknown symptom key", { symptoms: { burningPain: true, itching: true } }, "Unknown symptom: itching."],
  ];
  it.each(rejections)("rejects %s", (_label, patch, message) => {
    expect(firstMessage({ ...valid(), ...patch })).toBe(message);
  });

  const acceptances: Array<[string, Record<string, unknown>]> = [
    ["pain 0", { painNow: 0, painAverage: 0, painWorst: 0 }],
    ["pain 10", { painNow: 10, painAverage: 10, painWorst: 10 }],
    ["sleep 0 and 24", { sleepHours: 24 }],
    ["note of exactly 2000", { note: "x".repeat(2000) }],
    ["no locations and no adherence", { bodyLocations: [], adherence: [] }],
    ["two 'other' locations", { bodyLocations: [{ site: "other", detail: "jaw" }, { site: "other", detail: "back" }] }],
  ];
  it.each(acceptances)("accepts %s", (_label, patch) => {
    expect(firstMessage({ ...valid(), ...patch })).toBeUndefined();
  });
});

describe("check-in date versus today", () => {
  const rows: Array<[string, string, boolean]> = [
    ["2024-03-10", "2024-03-10", true],
    ["2024-03-09", "2024-03-10", true],
    ["2024-03-11", "2024-03-10", false],
    ["2025-01-01", "2024-12-31", false],
  ];
  it.each(rows)("validateCheckInDate(%s, today %s) ok=%s", (date, today, ok) => {
    if (ok) expect(() => validateCheckInDate(date, today)).not.toThrow();
    else expect(() => validateCheckInDate(date, today)).toThrow(FUTURE_CHECK_IN_MESSAGE);
  });

  it("throws a DomainError INVALID for a future date", () => {
    try {
      validateCheckInDate("2024-03-11", "2024-03-10");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("INVALID");
    }
  });

  it("rejects a malformed date", () => {
    expect(() => validateCheckInDate("2024-3-1", "2024-03-10")).toThrow(/YYYY-MM-DD/);
  });

  it("makeCheckInSchema puts the future-date message on the date field", () => {
    const r = makeCheckInSchema("2024-03-09").safeParse(valid());
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]?.message).toBe(FUTURE_CHECK_IN_MESSAGE);
      expect(r.error.issues[0]?.path).toEqual(["date"]);
    }
    expect(makeCheckInSchema("2024-03-10").safeParse(valid()).success).toBe(true);
  });

  it("parseCheckIn throws INVALID with every issue in details", () => {
    try {
      parseCheckIn({ ...valid(), painNow: 12, mood: 20 }, "2024-03-10");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.message).toBe("Pain now must be a whole number from 0 to 10.");
      expect(err.details?.issues as unknown[] | undefined).toHaveLength(2);
    }
    expect(parseCheckIn(valid(), "2024-03-10").painWorst).toBe(8);
  });
});

describe("symptom labels", () => {
  it("has a non-empty plain-language label for every symptom", () => {
    for (const s of CHECK_IN_SYMPTOMS) expect(CHECK_IN_SYMPTOM_LABELS[s].trim().length).toBeGreaterThan(3);
    expect(CHECK_IN_SYMPTOM_LABELS.allodynia).toMatch(/touch/);
  });
});
