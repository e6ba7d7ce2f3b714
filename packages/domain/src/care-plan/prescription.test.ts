import { describe, expect, it } from "vitest";
import { getAgent } from "./medication-agents";
import { dailyTotal, describeDoseBounds, doseBounds } from "./medication-dosing";
import {
  type CustomTherapy,
  checkPrescription,
  doseOn,
  formatDose,
  medicationDetailsSchema,
  nextGmiStage,
  validatePrescription,
} from "./prescription";

/** Details as the physician enters them: the agent decides route and unit unless they are given. */
const med = (agentId: string | null, dose: number, dosesPerDay: number | undefined, extra: Record<string, unknown> = {}) => ({
  kind: "medication",
  ...(agentId === null ? {} : { agentId }),
  dose,
  ...(dosesPerDay === undefined ? {} : { dosesPerDay }),
  ...extra,
});

describe("validatePrescription: each agent's own bounds, per dose and per day", () => {
  const rows: Array<[therapy: string, details: unknown, expected: string | null]> = [
    // Single-agent therapies name their agent implicitly.
    ["gabapentin", med(null, 300, 3), null],
    ["gabapentin", med("gabapentin", 1200, 3), null],
    ["gabapentin", med("gabapentin", 1200, 6), "Gabapentin 1200 mg six times a day is 7200 mg a day, more than the accepted 3600 mg a day. Check the dose and the doses per day."],
    ["gabapentin", med("gabapentin", 1201, 1), "Gabapentin dose 1201 mg is outside the accepted range (100–1200 mg per dose). Check the value."],
    ["gabapentin", med("gabapentin", 30, 3), "outside the accepted range (100–1200 mg per dose)"],
    ["gabapentin", med("gabapentin", 0, 3), "A dose must be more than 0."],
    ["gabapentin", med("gabapentin", -25, 3), "A dose must be more than 0."],
    ["pregabalin", med("pregabalin", 300, 2), null],
    ["pregabalin", med("pregabalin", 300, 3), "Pregabalin 300 mg three times a day is 900 mg a day, more than the accepted 600 mg a day."],
    ["pregabalin", med("pregabalin", 900, 1), "Pregabalin dose 900 mg is outside the accepted range (25–300 mg per dose)."],
    ["duloxetine", med("duloxetine", 60, 1), null],
    ["duloxetine", med("duloxetine", 60, 3), "180 mg a day, more than the accepted 120 mg a day"],
    ["amitriptyline", med("amitriptyline", 10, 1, { schedule: "at night" }), null],
    ["amitriptyline", med("amitriptyline", 50, 2), "100 mg a day, more than the accepted 75 mg a day"],
    // A class must name its agent; each agent has its own unit and route.
    ["nsaids", med(null, 400, 3), "Name the medicine, not only its class (Anti-inflammatory drugs (NSAIDs)): choose Ibuprofen, Naproxen or Diclofenac 1% gel."],
    ["nsaids", med("aspirin", 400, 3), "“aspirin” is not listed under Anti-inflammatory drugs (NSAIDs)"],
    ["nsaids", med("pregabalin", 75, 2), "“pregabalin” is not listed under Anti-inflammatory drugs (NSAIDs)"],
    ["nsaids", { kind: "medication", agentId: 7, dose: 250, dosesPerDay: 2 }, "That medicine is not listed under Anti-inflammatory drugs (NSAIDs); choose Ibuprofen, Naproxen or Diclofenac 1% gel."],
    ["gabapentin", { kind: "medication", agentId: "naproxen", dose: 250, dosesPerDay: 2 }, "“naproxen” is not listed under Gabapentin; choose Gabapentin."],
    ["nsaids", med("ibuprofen", 800, 4), null],
    ["nsaids", med("ibuprofen", 800, 5), "Ibuprofen 800 mg five times a day is 4000 mg a day, more than the accepted 3200 mg a day."],
    ["nsaids", med("naproxen", 250, 2), null],
    ["nsaids", med("naproxen", 500, 3), null],
    ["nsaids", med("naproxen", 500, 4), "2000 mg a day, more than the accepted 1500 mg a day"],
    ["nsaids", med("naproxen", 500, 2, { route: "iv" }), "Naproxen is recorded as oral, not IV. Check the route."],
    ["nsaids", med("diclofenac-gel", 4, 4), null],
    ["nsaids", med("diclofenac-gel", 4, 4, { unit: "g", route: "topical" }), null],
    ["nsaids", med("diclofenac-gel", 4, 5), "Diclofenac 1% gel is given at most four times a day: doses per day must be 4 or fewer."],
    ["nsaids", med("diclofenac-gel", 8, 4), "Diclofenac 1% gel dose 8 g is outside the accepted range (2–4 g per dose)."],
    ["nsaids", med("diclofenac-gel", 400, 2, { unit: "mg" }), "Record Diclofenac 1% gel in g, not mg."],
    ["corticosteroid-course", med(null, 40, 1), null],
    ["corticosteroid-course", med("prednisolone", 40, 2), "80 mg a day, more than the accepted 40 mg a day"],
    ["corticosteroid-course", med("prednisolone", 400, 1), "Prednisolone dose 400 mg is outside the accepted range (1–40 mg per dose)."],
    // Bisphosphonates: one class-wide bound was wrong by an order of magnitude.
    ["bisphosphonates", med("zoledronic-acid", 5, undefined), null],
    ["bisphosphonates", med("zoledronic-acid", 100, undefined), "Zoledronic acid dose 100 mg is outside the accepted range (3–5 mg per dose)."],
    ["bisphosphonates", med("clodronate", 300, undefined), null],
    ["bisphosphonates", med("neridronate", 100, undefined), null],
    ["bisphosphonates", med("neridronate", 100, 2), "Neridronate is given as one infusion on each infusion day: doses per day must be 1."],
    ["bisphosphonates", med("pamidronate", 60, 1), null],
    ["bisphosphonates", med("pamidronate", 60, 1, { route: "oral" }), "Pamidronate is recorded as IV, not oral."],
    ["bisphosphonates", med("alendronate", 40, 1), null],
    ["bisphosphonates", med("alendronate", 40, 2), "80 mg a day, more than the accepted 40 mg a day"],
    // Patches, gel and cream in their own units.
    ["topical-lidocaine", med(null, 3, undefined), null],
    ["topical-lidocaine", med("lidocaine-5-patch", 4, 1), "Lidocaine 5% patch dose 4 patches is outside the accepted range (0.5–3 patches per dose)."],
    ["topical-lidocaine", med("lidocaine-5-patch", 1, 3), "Lidocaine 5% patch is applied once a day: doses per day must be 1."],
    ["topical-lidocaine", med("lidocaine-5-patch", 5, 1, { unit: "%" }), "Record the amount given (for example mg, g or patches), not a strength in %."],
    ["topical-lidocaine", med("lidocaine-5-patch", 2, 1, { route: "oral" }), "Lidocaine 5% patch is recorded as topical, not oral. Check the route."],
    ["topical-capsaicin", med(null, 1, 4), "choose Capsaicin 8% patch or Capsaicin 0.075% cream"],
    ["topical-capsaicin", med("capsaicin-cream", 1, 4), null],
    ["topical-capsaicin", med("capsaicin-cream", 1, 5), "Capsaicin 0.075% cream 1 application five times a day is 5 applications a day, more than the accepted 4 applications a day."],
    ["topical-capsaicin", med("capsaicin-8-patch", 4, undefined), null],
    ["topical-capsaicin", med("capsaicin-8-patch", 5, undefined), "outside the accepted range (0.5–4 patches per dose)"],
    // Frequency and the catalogue's own maximum.
    ["gabapentin", med("gabapentin", 300, undefined), "Gabapentin: Doses per day must be a whole number from 1 to 6."],
    ["gabapentin", med("gabapentin", 300, 1.5), "Doses per day must be a whole number from 1 to 6."],
    ["gabapentin", med("gabapentin", 300, 7), "Doses per day must be a whole number from 1 to 6."],
    ["gabapentin", med("gabapentin", 300, 3, { maxDailyDose: 900 }), "The catalogue sets Gabapentin's maximum (3600 mg a day); leave the maximum daily dose empty."],
    ["gabapentin", med("gabapentin", 300, 3, { unit: "mcg" }), "Record Gabapentin in mg, not mcg."],
    ["gabapentin", med("gabapentin", 300, 3, { route: "rectal" }), "Choose a route"],
    ["gabapentin", med("gabapentin", 300, 3, { schedule: "x".repeat(201) }), "Keep the timing note under 200 characters."],
  ];
  it.each(rows)("%s %j", (id, details, expected) => {
    const result = validatePrescription(id, details);
    if (expected === null && !result.ok) throw new Error(`refused: ${result.message}`);
    expect(result.ok).toBe(expected === null);
    if (!result.ok && expected) expect(result.message).toContain(expected);
  });

  it("fills in the agent's route and unit, and one infusion a day for an IV course", () => {
    const result = validatePrescription("bisphosphonates", med("zoledronic-acid", 5, undefined, { schedule: "single infusion" }));
    expect(result).toEqual({
      ok: true,
      value: {
        kind: "medication",
        agentId: "zoledronic-acid",
        dose: 5,
        unit: "mg",
        route: "iv",
        dosesPerDay: 1,
        maxDailyDose: null,
        schedule: "single infusion",
        titrationSteps: [],
        reviewNeeded: [],
      },
    });
  });

  it("checks every titration step against the per-dose bound and the daily total", () => {
    const over = validatePrescription("pregabalin", med("pregabalin", 75, 2, { titrationSteps: [{ dose: 150, startsOn: "2026-03-08" }, { dose: 600, startsOn: "2026-03-15" }] }));
    expect(over).toEqual({
      ok: false,
      message: "Pregabalin step from 15 Mar 2026: dose 600 mg is outside the accepted range (25–300 mg per dose). Check the value.",
    });
    const daily = validatePrescription("pregabalin", med("pregabalin", 75, 3, { titrationSteps: [{ dose: 150, startsOn: "2026-03-08" }, { dose: 225, startsOn: "2026-03-15" }] }));
    expect(daily).toEqual({
      ok: false,
      message:
        "Pregabalin step from 15 Mar 2026: 225 mg three times a day is 675 mg a day, more than the accepted 600 mg a day. Check the dose and the doses per day.",
    });
  });

  it("refuses titration steps out of date order", () => {
    const steps = [
      { dose: 150, startsOn: "2026-03-15" },
      { dose: 225, startsOn: "2026-03-08" },
    ];
    const result = validatePrescription("pregabalin", med("pregabalin", 75, 2, { titrationSteps: steps }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("date order");
  });

  it("never takes a review note from the input: a save that passes every check has none", () => {
    const result = validatePrescription("pregabalin", med("pregabalin", 75, 2, { reviewNeeded: ["anything"] }));
    expect(result.ok && result.value.kind === "medication" ? result.value.reviewNeeded : null).toEqual([]);
  });

  it("names the field a refusal is about, for the form", () => {
    const cases: Array<[unknown, string | null]> = [
      [med(null, 400, 3), "agentId"],
      [med("naproxen", 500, 4), "dose"],
      [med("naproxen", 500, 2, { route: "iv" }), "route"],
      [med("naproxen", 500, undefined), "dosesPerDay"],
      [med("naproxen", 250, 2, { titrationSteps: [{ dose: 800, startsOn: "2026-03-15" }] }), "titrationSteps"],
      [med("naproxen", 250, 2, { maxDailyDose: 500 }), "maxDailyDose"],
    ];
    for (const [details, field] of cases) {
      const result = checkPrescription("nsaids", details);
      expect(result.ok ? null : result.field).toBe(field);
    }
  });
});

describe("doseBounds and describeDoseBounds: one home for the numbers a form shows", () => {
  it.each([
    ["pregabalin", "25–300 mg per dose, at most 600 mg a day"],
    ["zoledronic-acid", "3–5 mg per dose, at most 5 mg a day"],
    ["diclofenac-gel", "2–4 g per dose, at most 32 g a day"],
    ["capsaicin-cream", "1 application per dose, at most 4 applications a day"],
  ])("%s: %s", (id, text) => {
    const agent = getAgent(id);
    if (!agent) throw new Error(`no agent ${id}`);
    expect(describeDoseBounds(agent)).toBe(text);
    expect(doseBounds(agent).perDayMax).toBe(agent.perDay.max);
  });

  it("rounds the daily total so a fraction of a patch times a count compares exactly", () => {
    expect(dailyTotal(0.1, 3)).toBe(0.3);
    expect(dailyTotal(1200, 3)).toBe(3600);
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
    ["pregabalin", { ...exercise, kind: "exercise" }, "Pregabalin needs medication details (medicine, dose and doses per day), not exercise details."],
    ["pregabalin", null, "Enter the medication details"],
    ["leeches", med(null, 1, 1), "Unknown therapy “leeches”. Choose one from the catalogue or add a custom intervention."],
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

  it("needs a physician-entered maximum daily dose for a custom medication, and checks the daily total against it", () => {
    const compounded = { ...custom("medication"), name: "Compounded ketamine cream" };
    const cream = (dose: number, dosesPerDay: number, extra: Record<string, unknown> = {}) => ({ dose, unit: "g", route: "topical", dosesPerDay, ...extra });
    expect(validatePrescription(compounded, cream(1, 3))).toEqual({
      ok: false,
      message: "Enter the maximum daily dose of Compounded ketamine cream: a custom medication has no catalogue bound, so the physician sets one.",
    });
    expect(validatePrescription(compounded, cream(1, 3, { maxDailyDose: 4 })).ok).toBe(true);
    expect(validatePrescription(compounded, cream(2, 3, { maxDailyDose: 4 }))).toEqual({
      ok: false,
      message:
        "Compounded ketamine cream 2 g three times a day is 6 g a day, more than the maximum daily dose entered (4 g). Check the dose, the doses per day or the maximum.",
    });
    expect(checkPrescription(compounded, cream(1, 3, { maxDailyDose: 4, titrationSteps: [{ dose: 2, startsOn: "2026-03-15" }] }))).toMatchObject({
      ok: false,
      field: "titrationSteps",
      message: expect.stringContaining("Compounded ketamine cream step from 15 Mar 2026: 2 g three times a day is 6 g a day"),
    });
    expect(validatePrescription(compounded, cream(1, 3, { maxDailyDose: 0 }))).toMatchObject({ ok: false, message: expect.stringContaining("more than 0") });
    expect(validatePrescription(compounded, cream(0, 3, { maxDailyDose: 4 })).ok).toBe(false);
    expect(validatePrescription(compounded, cream(1, 3, { maxDailyDose: 4, agentId: "naproxen" }))).toMatchObject({ ok: false, message: expect.stringContaining("no catalogue agent") });
  });
});

describe("dose helpers", () => {
  it.each([
    [75, "mg", "75 mg"],
    [1, "patch", "1 patch"],
    [3, "patch", "3 patches"],
    [0.075, "%", "0.075%"],
    [4, "g", "4 g"],
    [1, "application", "1 application"],
  ] as const)("formats %d %s", (value, unit, text) => {
    expect(formatDose(value, unit)).toBe(text);
  });

  it.each([
    ["2026-03-01", 75],
    ["2026-03-08", 150],
    ["2026-03-20", 225],
  ])("dose on %s is %d", (date, dose) => {
    const details = medicationDetailsSchema.parse({
      ...med("pregabalin", 75, 2, { titrationSteps: [{ dose: 150, startsOn: "2026-03-08" }, { dose: 225, startsOn: "2026-03-15" }] }),
      unit: "mg",
      route: "oral",
    });
    expect(doseOn(details, date)).toBe(dose);
  });

  it("walks the graded motor imagery stages in order", () => {
    expect(nextGmiStage("left_right_judgement")).toBe("imagined_movement");
    expect(nextGmiStage("imagined_movement")).toBe("mirror_therapy");
    expect(nextGmiStage("mirror_therapy")).toBeNull();
  });
});
