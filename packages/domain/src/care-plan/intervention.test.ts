import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  EXPERIMENTAL_NEEDS_CONSENT,
  INTERVENTION_STATUSES,
  type InterventionStatus,
  interventionName,
  interventionSchema,
  transition,
} from "./intervention";
import { intervention, mirrorTherapy, pacingDiary, pregabalin, vrProposal } from "./test-fixtures";

/** The status machine from the brief, written out by hand so the code is checked against it. */
const ALLOWED: ReadonlyArray<`${InterventionStatus}->${InterventionStatus}`> = [
  "proposed->active",
  "proposed->stopped",
  "active->paused",
  "active->completed",
  "active->stopped",
  "paused->active",
  "paused->completed",
  "paused->stopped",
];

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("transition: every status pair", () => {
  const pairs = INTERVENTION_STATUSES.flatMap((from) => INTERVENTION_STATUSES.map((to) => [from, to] as const));
  it("covers 25 pairs", () => expect(pairs).toHaveLength(25));

  it.each(pairs)("%s → %s", (from, to) => {
    const item = { ...pregabalin(), status: from };
    if (ALLOWED.includes(`${from}->${to}`)) {
      expect(transition(item, to, { reason: "no longer needed" })).toBe(to);
    } else {
      const error = thrown(() => transition(item, to, { reason: "no longer needed" }));
      expect(error.code).toBe("INVALID");
      expect(error.message).toContain("“Pregabalin”");
    }
  });

  it.each([
    ["completed", "active", "Completed and stopped items cannot change; add a new item instead."],
    ["stopped", "active", "is stopped"],
    ["proposed", "paused", "activate it, or stop it to withdraw the proposal"],
    ["active", "active", "is already active"],
    ["active", "proposed", "cannot move from active to proposed"],
  ] as const)("explains %s → %s", (from, to, message) => {
    expect(thrown(() => transition({ ...pregabalin(), status: from }, to, { reason: "x" })).message).toContain(message);
  });
});

describe("transition: stopping needs a reason", () => {
  it.each([[undefined], [""], ["   "], [null]])("refuses reason %j", (reason) => {
    for (const from of ["proposed", "active", "paused"] as const) {
      const error = thrown(() => transition({ ...pregabalin(), status: from }, "stopped", { reason }));
      expect(error.code).toBe("INVALID");
      expect(error.message).toBe("Give a reason for stopping “Pregabalin”.");
    }
  });

  it("accepts a reason", () => {
    expect(transition(pregabalin(), "stopped", { reason: "Dizziness" })).toBe("stopped");
  });

  it("does not need a reason to pause or complete", () => {
    expect(transition(pregabalin(), "paused")).toBe("paused");
    expect(transition(pregabalin(), "completed")).toBe("completed");
  });
});

describe("transition: experimental therapies need consent and a study", () => {
  const withDetails = (consentRecordedAt: string | null, studyReference: string | null, status: InterventionStatus = "proposed") => ({
    ...vrProposal(),
    status,
    details: { kind: "experimental" as const, consentRecordedAt, studyReference },
  });

  it.each([
    [null, null, false],
    ["2026-02-20", null, false],
    [null, "NCT01234567", false],
    ["2026-02-20", "NCT01234567", true],
  ])("consent %s, study %s → may activate: %s", (consent, study, ok) => {
    if (ok) expect(transition(withDetails(consent, study), "active")).toBe("active");
    else expect(thrown(() => transition(withDetails(consent, study), "active")).message).toBe(EXPERIMENTAL_NEEDS_CONSENT);
  });

  it("applies on resume too", () => {
    expect(() => transition(withDetails(null, null, "paused"), "active")).toThrow(EXPERIMENTAL_NEEDS_CONSENT);
  });

  it("does not block stopping an experimental proposal", () => {
    expect(transition(withDetails(null, null), "stopped", { reason: "Patient declined" })).toBe("stopped");
  });
});

describe("intervention schema", () => {
  const base = pregabalin();
  it.each([
    ["a stopped item without a reason", { status: "stopped", stopReason: null }, "Give a reason for stopping"],
    ["no goals", { goalIds: [] }, "Link the intervention to at least one goal."],
    ["a goal twice", { goalIds: ["pain", "pain"] }, "Link each goal only once."],
    ["a custom item without a name", { custom: true, therapyId: null, customName: null }, "Name the custom intervention."],
    ["a custom item with a therapy id", { custom: true, customName: "Thing" }, "A custom intervention has no catalogue therapy."],
    ["an unknown therapy", { therapyId: "leeches" }, "Unknown therapy “leeches”."],
    ["the wrong category", { category: "pt_ot", ownerDiscipline: "physical_therapist" }, "belongs under Medications"],
    ["a non-owner discipline", { ownerDiscipline: "psychologist" }, "cannot own this item; choose the pain physician"],
    ["details of another kind", { details: { kind: "self_management", frequency: "daily" } }, "need medication details"],
    ["a trial on a non-medication", { ...mirrorTherapy(), trialEntries: [{ type: "response", pain: 3, date: "2026-03-01" }] }, "Only medications"],
    ["another therapy's agent", { details: { ...base.details, agentId: "naproxen" } }, "Naproxen is not listed under this therapy."],
    ["a class without its agent and no review", { therapyId: "nsaids", details: { ...base.details, agentId: null } }, "Name the medicine (its agent)."],
    ["a custom medication with an agent", { custom: true, therapyId: null, customName: "Cream", details: { ...base.details, maxDailyDose: 4 } }, "A custom medication has no catalogue agent."],
    ["a custom medication without its maximum", { custom: true, therapyId: null, customName: "Cream", details: { ...base.details, agentId: null } }, "A custom medication needs a maximum daily dose."],
    ["no doses per day outside a review", { details: { ...base.details, dosesPerDay: null } }, "Doses per day must be a whole number from 1 to 6."],
  ])("refuses %s", (_label, overrides, message) => {
    const result = interventionSchema.safeParse({ ...base, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" | ")).toContain(message);
  });

  it("accepts the fixtures", () => {
    for (const item of [pregabalin(), mirrorTherapy(), vrProposal(), pacingDiary()]) {
      expect(interventionSchema.safeParse(item).success).toBe(true);
    }
  });
});

describe("interventionName", () => {
  it.each([
    [pregabalin(), "Pregabalin"],
    [mirrorTherapy(), "Mirror therapy (graded motor imagery)"],
    [pacingDiary(), "Pacing diary"],
    [{ custom: false, customName: null, therapyId: "gone" }, "gone"],
    [{ custom: false, customName: null, therapyId: "nsaids", details: { kind: "medication", agentId: "naproxen" } }, "Naproxen"],
    [{ custom: false, customName: null, therapyId: "nsaids", details: { kind: "medication", agentId: null } }, "Anti-inflammatory drugs (NSAIDs)"],
  ])("names %#", (item, name) => {
    expect(interventionName(item)).toBe(name);
  });

  it("builds fixtures through the schema", () => {
    expect(intervention({ id: "x" }).trialEntries).toEqual([]);
  });
});
