import { describe, expect, it } from "vitest";
import { interventionSchema } from "./intervention";
import { dosesPerDayFromSchedule, upgradeCarePlanDocument } from "./legacy-medication";
import { carePlanSchema } from "./plan";
import { plan } from "./test-fixtures";

/** A medication entry exactly as plans stored it before medicines were recorded by agent. */
const legacyItem = (therapyId: string | null, details: Record<string, unknown>) => ({
  id: `iv-${therapyId ?? "custom"}`,
  therapyId,
  custom: therapyId === null,
  customName: therapyId === null ? "Compounded cream" : null,
  category: "medication",
  ownerDiscipline: "pain_physician",
  responsibleClinicianId: "c-phys",
  goalIds: ["pain"],
  status: "active",
  startDate: "2026-02-01",
  nextReviewDate: null,
  note: null,
  details: { kind: "medication", ...details },
  stopReason: null,
  trialEntries: [],
});

describe("dosesPerDayFromSchedule: only a plainly stated count", () => {
  it.each([
    ["twice daily", 2, ""],
    ["Twice daily with food", 2, "with food"],
    ["BD", 2, ""],
    ["every 12 hours", 2, "every 12 hours"],
    ["morning and night", 2, "morning and night"],
    ["three times a day", 3, ""],
    ["tds after meals", 3, "after meals"],
    ["every 8 hours", 3, "every 8 hours"],
    ["four times daily", 4, ""],
    ["six times a day", 6, ""],
    ["once daily in the morning", 1, "in the morning"],
    ["daily", 1, ""],
    ["at night", 1, "at night"],
    ["12 hours on, 12 off", 1, "12 hours on, 12 off"],
  ])("“%s” → %i a day, note “%s”", (text, dosesPerDay, note) => {
    expect(dosesPerDayFromSchedule(text)).toEqual({ dosesPerDay, note });
  });

  it.each(["as needed", "twice daily as needed", "up to three times a day", "1-2 times daily", "once or twice daily", "weekly", "every other day", "with meals", "", "once"])(
    "“%s” is not read as a number",
    (text) => {
      expect(dosesPerDayFromSchedule(text)).toBeNull();
    },
  );

  it("does not guess between two counts", () => {
    expect(dosesPerDayFromSchedule("twice daily, three times a day if needed")).toBeNull();
    expect(dosesPerDayFromSchedule("twice daily then tds")).toBeNull();
  });
});

describe("reading a plan stored before agents", () => {
  it("names the only agent, reads the count, and needs no review when everything is known and within bounds", () => {
    const item = interventionSchema.parse(legacyItem("pregabalin", { dose: 75, unit: "mg", route: "oral", schedule: "twice daily" }));
    expect(item.details).toEqual({
      kind: "medication",
      agentId: "pregabalin",
      dose: 75,
      unit: "mg",
      route: "oral",
      dosesPerDay: 2,
      maxDailyDose: null,
      schedule: "",
      titrationSteps: [],
      reviewNeeded: [],
    });
  });

  it.each([
    ["a class without its agent", "nsaids", { dose: 400, unit: "mg", route: "oral", schedule: "three times a day" }, { agentId: null, dosesPerDay: 3 }, "Name the medicine: this entry was recorded before medicines were recorded by name, as “Anti-inflammatory drugs (NSAIDs)” only."],
    ["a schedule without a count", "gabapentin", { dose: 300, unit: "mg", route: "oral", schedule: "as needed" }, { agentId: "gabapentin", dosesPerDay: null, schedule: "as needed" }, "Enter how many doses a day: the old schedule “as needed” does not say one number."],
    ["a strength recorded as the dose", "topical-lidocaine", { dose: 5, unit: "%", route: "topical", schedule: "12 hours on, 12 off" }, { agentId: "lidocaine-5-patch", dosesPerDay: 1 }, "The dose was recorded in %; Lidocaine 5% patch is recorded in patch. Enter the dose again."],
    ["a dose the old per-dose bound let through", "gabapentin", { dose: 1200, unit: "mg", route: "oral", schedule: "six times a day" }, { dosesPerDay: 6 }, "Gabapentin 1200 mg six times a day is 7200 mg a day, more than the accepted 3600 mg a day."],
    ["a daily total over the agent's maximum", "pregabalin", { dose: 300, unit: "mg", route: "oral", schedule: "three times a day" }, { dosesPerDay: 3 }, "Check this entry against the medicine's bounds: Pregabalin 300 mg three times a day is 900 mg a day, more than the accepted 600 mg a day."],
    ["one class-wide bisphosphonate bound", "bisphosphonates", { dose: 100, unit: "mg", route: "iv", schedule: "once" }, { agentId: null, dosesPerDay: null }, "Name the medicine"],
  ])("flags %s for review without inventing a value", (_what, therapyId, details, expected, reason) => {
    const item = interventionSchema.parse(legacyItem(therapyId, details));
    expect(item.details).toMatchObject({ ...expected, dose: details.dose });
    expect(item.details.kind === "medication" && item.details.reviewNeeded.join(" ")).toContain(reason);
  });

  it("asks for a maximum daily dose on a custom medication", () => {
    const item = interventionSchema.parse(legacyItem(null, { dose: 1, unit: "g", route: "topical", schedule: "twice daily" }));
    expect(item.details).toMatchObject({ agentId: null, dosesPerDay: 2, maxDailyDose: null, reviewNeeded: ["Enter the maximum daily dose: a custom medication now needs one."] });
  });

  it("leaves entries saved since untouched, and refuses a new-style entry that lacks doses per day", () => {
    const current = plan().interventions[0];
    expect(interventionSchema.parse(current)).toEqual(current);
    const incomplete = { ...legacyItem("pregabalin", {}), details: { kind: "medication", agentId: "pregabalin", dose: 75, unit: "mg", route: "oral", dosesPerDay: null } };
    expect(interventionSchema.safeParse(incomplete).success).toBe(false);
  });

  it("upgrades a whole stored document for readers that do not parse it, and the result parses", () => {
    const stored = { ...plan([]), interventions: [legacyItem("nsaids", { dose: 400, unit: "mg", route: "oral", schedule: "tds" }), plan().interventions[1]] };
    const upgraded = upgradeCarePlanDocument(stored);
    expect(upgraded.interventions[0]?.details).toMatchObject({ agentId: null, dosesPerDay: 3, reviewNeeded: [expect.stringContaining("Name the medicine")] });
    expect(upgraded.interventions[1]).toBe(stored.interventions[1]);
    expect(carePlanSchema.parse(upgraded).interventions[0]?.details).toMatchObject({ dosesPerDay: 3 });
    expect(upgradeCarePlanDocument(null)).toBeNull();
  });
});
