import { describe, expect, it } from "vitest";
import {
  type CustomTherapy,
  doseOn,
  formatDose,
  medicationDetailsSchema,
  nextGmiStage,
  validatePrescription,
} from "./prescription";

const med = (dose: number, extra: Record<string, unknown> = {}) => ({
  kind: "medication",
  dose,
  unit: "mg",
  route: "oral",
  schedule: "twice daily",
  ...extra,
});

describe("validatePrescription: medication dose bounds", () => {
  const rows: Array<[string, unknown, string | null]> = [
    ["gabapentin", med(300), null],
    ["gabapentin", med(1200), null],
    ["gabapentin", med(1201), "Gabapentin dose 1201 mg is outside the accepted range (up to 1200 mg per dose). Check the value."],
    ["gabapentin", med(0), "A dose must be more than 0."],
    ["gabapentin", med(-25), "A dose must be more than 0."],
    ["pregabalin", med(75), null],
    ["pregabalin", med(300), null],
    ["pregabalin", med(900), "Pregabalin dose 900 mg is outside the accepted range (up to 300 mg per dose). Check the value."],
    ["duloxetine", med(60, { schedule: "once daily" }), null],
    ["duloxetine", med(121), "Duloxetine dose 121 mg is outside the accepted range (up to 120 mg per dose)."],
    ["amitriptyline", med(10, { schedule: "at night" }), null],
    ["amitriptyline", med(151), "Amitriptyline dose 151 mg is outside the accepted range (up to 150 mg per dose)."],
    ["nsaids", med(400), null],
    ["nsaids", med(1000), "up to 800 mg per dose (ibuprofen equivalent)"],
    ["topical-lidocaine", med(3, { unit: "patch", route: "topical", schedule: "12 hours on, 12 off" }), null],
    ["topical-lidocaine", med(4, { unit: "patch", route: "topical" }), "Topical lidocaine dose 4 patches is outside the accepted range (up to 3 patches at a time"],
    ["topical-lidocaine", med(5, { unit: "%", route: "topical" }), null],
    ["topical-lidocaine", med(2, { unit: "patch", route: "oral" }), "Topical lidocaine is recorded as topical, not oral. Check the route."],
    ["topical-capsaicin", med(0.075, { unit: "%", route: "topical", schedule: "four times daily" }), null],
    ["topical-capsaicin", med(8, { unit: "%", route: "topical" }), null],
    ["topical-capsaicin", med(80, { unit: "%", route: "topical" }), "Topical capsaicin dose 80% is outside the accepted range (up to 8% strength)."],
    ["topical-capsaicin", med(5, { unit: "patch", route: "topical" }), "up to 4 patches at a time"],
    ["bisphosphonates", med(60, { route: "iv", schedule: "once" }), null],
    ["bisphosphonates", med(150, { route: "iv" }), "Bisphosphonates dose 150 mg is outside the accepted range (up to 100 mg per dose)."],
    ["gabapentin", med(300, { unit: "mcg" }), "Record Gabapentin in mg, not mcg."],
    ["gabapentin", med(300, { schedule: "x" }), "Gabapentin: Enter the schedule"],
    ["gabapentin", med(300, { route: "rectal" }), "Choose a route"],
  ];
  it.each(rows)("%s %j", (id, details, expected) => {
    const result = validatePrescription(id, details);
    expect(result.ok).toBe(expected === null);
    if (!result.ok && expected) expect(result.message).toContain(expected);
  });

  it("checks every titration step against the bound", () => {
    const steps = [
      { dose: 150, startsOn: "2026-03-08" },
      { dose: 600, startsOn: "2026-03-15" },
    ];
    const result = validatePrescription("pregabalin", med(75, { titrationSteps: steps }));
    expect(result).toEqual({
      ok: false,
      message:
        "Pregabalin step from 15 Mar 2026: dose 600 mg is outside the accepted range (up to 300 mg per dose). Check the value.",
    });
  });

  it("refuses titration steps out of date order", () => {
    const steps = [
      { dose: 150, startsOn: "2026-03-15" },
      { dose: 225, startsOn: "2026-03-08" },
    ];
    const result = validatePrescription("pregabalin", med(75, { titrationSteps: steps }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("date order");
  });

  it("fills in the kind and default titration steps", () => {
    const { kind: _kind, ...withoutKind } = med(75);
    const result = validatePrescription("pregabalin", withoutKind);
    expect(result).toEqual({ ok: true, value: { ...med(75), titrationSteps: [] } });
  });
});

describe("validatePrescription: other kinds", () => {
  const exercise = { sets: 3, repetitions: 10, frequency: "daily" };
  const rows: Array<[string, unknown, string | null]> = [
    ["mirror-therapy", { ...exercise, stage: "left_right_judgement" }, null],
    ["mirror-therapy", { ...exercise, sets: 0 }, "Sets must be a whole number from 1 to 20."],
    ["mirror-therapy", { ...exercise, sets: 21 }, "Sets must be a whole number from 1 to 20."],
    ["range-of-motion-exercises", { ...exercise, repetitions: 201 }, "Repetitions must be a whole number from 1 to 200."],
    ["range-of-motion-exercises", { ...exercise, durationMinutes: 241 }, "1 to 240"],
    ["range-of-motion-exercises", { ...exercise, stage: "imagined_movement" }, "only applies to mirror therapy"],
    ["mirror-therapy", { ...exercise, stage: "dancing" }, "Choose a graded motor imagery stage."],
    ["mirror-therapy", { ...exercise, stageStartedOn: "2026-03-01" }, "Choose the graded motor imagery stage"],
    ["cbt", { sessionType: "individual", frequency: "weekly" }, null],
    ["cbt", { sessionType: "telepathic", frequency: "weekly" }, "Choose individual, group or online sessions."],
    ["sympathetic-nerve-block", { plannedDate: "2026-12-12", side: "left", recordPainBeforeAfter: true }, null],
    ["sympathetic-nerve-block", { plannedDate: "12/12/2026", side: "left", recordPainBeforeAfter: true }, "calendar date"],
    ["sympathetic-nerve-block", { plannedDate: "2026-12-12", side: "middle", recordPainBeforeAfter: true }, "Choose the side"],
    ["virtual-reality-therapy", { consentRecordedAt: null, studyReference: null }, null],
    ["virtual-reality-therapy", { consentRecordedAt: "2026-02-01", studyReference: "NCT00000000" }, null],
    ["sleep-hygiene", { frequency: "every evening", instructions: "Same bedtime" }, null],
    ["sleep-hygiene", { frequency: "" }, "Say how often"],
    ["pregabalin", { ...exercise, kind: "exercise" }, "Pregabalin needs medication details (dose, unit, route and schedule), not exercise details."],
    ["pregabalin", null, "Enter the medication details"],
    ["leeches", med(1), "Unknown therapy “leeches”. Choose one from the catalogue or add a custom intervention."],
  ];
  it.each(rows)("%s %j", (id, details, expected) => {
    const result = validatePrescription(id, details);
    expect(result.ok).toBe(expected === null);
    if (!result.ok && expected) expect(result.message).toContain(expected);
  });
});

describe("validatePrescription: custom interventions", () => {
  const custom = (category: CustomTherapy["category"]): CustomTherapy => ({
    custom: true,
    name: "Pacing diary",
    category,
    ownerDiscipline: "occupational_therapist",
  });

  it("validates details by the kind its category implies", () => {
    expect(validatePrescription(custom("self_management"), { frequency: "daily", instructions: "Log activity" }).ok).toBe(true);
    const wrong = validatePrescription(custom("pt_ot"), { frequency: "daily" });
    expect(wrong).toEqual({ ok: false, message: "Pacing diary: Sets must be a whole number from 1 to 20." });
  });

  it("has no catalogue dose bound for a custom medication, but still needs a positive dose", () => {
    expect(validatePrescription(custom("medication"), med(5000)).ok).toBe(true);
    expect(validatePrescription(custom("medication"), med(0)).ok).toBe(false);
  });
});

describe("dose helpers", () => {
  it.each([
    [75, "mg", "75 mg"],
    [1, "patch", "1 patch"],
    [3, "patch", "3 patches"],
    [0.075, "%", "0.075%"],
  ] as const)("formats %d %s", (value, unit, text) => {
    expect(formatDose(value, unit)).toBe(text);
  });

  it.each([
    ["2026-03-01", 75],
    ["2026-03-08", 150],
    ["2026-03-20", 225],
  ])("dose on %s is %d", (date, dose) => {
    const details = medicationDetailsSchema.parse(
      med(75, { titrationSteps: [{ dose: 150, startsOn: "2026-03-08" }, { dose: 225, startsOn: "2026-03-15" }] }),
    );
    expect(doseOn(details, date)).toBe(dose);
  });

  it("walks the graded motor imagery stages in order", () => {
    expect(nextGmiStage("left_right_judgement")).toBe("imagined_movement");
    expect(nextGmiStage("imagined_movement")).toBe("mirror_therapy");
    expect(nextGmiStage("mirror_therapy")).toBeNull();
  });
});
