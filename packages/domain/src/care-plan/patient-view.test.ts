import { describe, expect, it } from "vitest";
import type { Intervention } from "./intervention";
import { type PatientViewOptions, toPatientView } from "./patient-view";
import {
  TODAY,
  cbtProposal,
  intervention,
  mirrorTherapy,
  nerveBlock,
  pacingDiary,
  plan,
  pregabalin,
  sleepHygiene,
  vrProposal,
} from "./test-fixtures";

const options: PatientViewOptions = {
  today: TODAY,
  clinicianNames: { "c-phys": "Dr Ana Lee", "c-pt": "Sam Okafor", "c-psy": "Dr Ruth Hall" },
};

const fullPlan = (extra: Intervention[] = []) =>
  plan([pregabalin(), mirrorTherapy(), nerveBlock(), cbtProposal(), sleepHygiene(), vrProposal(), pacingDiary(), ...extra]);

describe("toPatientView: to-dos", () => {
  const view = toPatientView(fullPlan(), options);

  it("groups by goal in the standard order, with patient labels and targets", () => {
    expect(view.goals.map((g) => g.label)).toEqual([
      "Ease pain and sensitivity to touch",
      "Move more easily and build strength",
      "Get back to everyday activities",
      "Look after how you feel",
    ]);
    expect(view.goals[0]?.targets).toEqual(["Average pain at most 4/10 by 1 Jun 2026"]);
  });

  it("restates each active item in plain words, under every goal it serves", () => {
    expect(view.goals.find((g) => g.goalId === "pain")?.actions.map((t) => t.action)).toEqual([
      "Pregabalin 75 mg by mouth, twice a day",
      "Mirror therapy: 3 sets of 10, daily — stage: left/right judgement",
      "Sympathetic nerve block planned for 7 Mar 2026 (left side)",
    ]);
    expect(view.goals.find((g) => g.goalId === "mobility")?.actions.map((t) => t.action)).toEqual([
      "Mirror therapy: 3 sets of 10, daily — stage: left/right judgement",
    ]);
    expect(view.goals.find((g) => g.goalId === "function")?.actions.map((t) => t.action)).toEqual(["Pacing diary: 1 set of 1, daily"]);
    expect(view.goals.find((g) => g.goalId === "wellbeing")?.actions.map((t) => t.action)).toEqual(["Sleep hygiene: every evening"]);
  });

  it("does not show proposed items as to-dos", () => {
    const all = JSON.stringify(view.goals);
    expect(all).not.toContain("Cognitive behavioural therapy");
    expect(all).not.toContain("Virtual reality");
  });

  it("lists an item under each goal it serves, naming the other goals there, and once in the week's list", () => {
    // Mirror therapy serves mobility first, then pain.
    const byGoal = view.goals.flatMap((g) => g.actions.filter((t) => t.interventionId === "iv-mirror").map((t) => [g.goalId, t.alsoHelps]));
    expect(byGoal).toEqual([
      ["pain", ["Move more easily and build strength"]],
      ["mobility", ["Ease pain and sensitivity to touch"]],
    ]);
    expect(view.actions.filter((t) => t.interventionId === "iv-mirror")).toHaveLength(1);
    expect(view.actions.map((t) => t.interventionId)).toEqual(["iv-preg", "iv-mirror", "iv-block", "iv-sleep", "iv-diary"]);
  });

  it("names a paused item as on hold under each goal it serves", () => {
    const paused = toPatientView(plan([{ ...mirrorTherapy(), status: "paused" }]), options);
    expect(paused.goals.filter((g) => g.onHold.includes("Mirror therapy")).map((g) => g.goalId)).toEqual(["pain", "mobility"]);
    expect(paused.actions).toEqual([]);
  });

  it("names the responsible clinician's own discipline when it differs from the owner's", () => {
    const view = toPatientView(plan(), { ...options, clinicianDisciplines: { "c-pt": "occupational_therapist" } });
    const mirror = view.goals.flatMap((g) => g.actions).find((t) => t.interventionId === "iv-mirror");
    expect(mirror?.responsible).toMatch(/\(Occupational therapist\)$/);
  });

  it("names who is responsible, falling back to the discipline", () => {
    const byId = new Map(view.goals.flatMap((g) => g.actions).map((t) => [t.interventionId, t]));
    expect(byId.get("iv-preg")?.responsible).toBe("Dr Ana Lee (Pain physician)");
    expect(byId.get("iv-mirror")?.responsible).toBe("Sam Okafor (Physical therapist)");
    expect(byId.get("iv-diary")?.responsible).toBe("Your occupational therapist");
    expect(byId.get("iv-sleep")?.patientLed).toBe(true);
    expect(byId.get("iv-preg")?.patientLed).toBe(false);
  });

  it("carries instructions and the catalogue explanation", () => {
    const byId = new Map(view.goals.flatMap((g) => g.actions).map((t) => [t.interventionId, t]));
    expect(byId.get("iv-sleep")?.instructions).toBe("Same bedtime each night");
    expect(byId.get("iv-block")?.instructions).toBe("Your team will ask you to rate your pain before and after.");
    expect(byId.get("iv-preg")?.about).toContain("nerve pain");
    expect(byId.get("iv-diary")?.about).toBeNull();
  });
});

describe("toPatientView: status filtering", () => {
  it.each([
    ["proposed", false, false],
    ["active", true, false],
    ["paused", false, true],
    ["completed", false, false],
    ["stopped", false, false],
  ] as const)("a %s item: to-do %s, on hold %s", (status, isAction, onHold) => {
    const item = { ...pregabalin(), status, stopReason: status === "stopped" ? "Nausea" : null };
    const view = toPatientView(plan([item]), options);
    const pain = view.goals.find((g) => g.goalId === "pain");
    expect(pain?.actions.length).toBe(isAction ? 1 : 0);
    expect(pain?.onHold).toEqual(onHold ? ["Pregabalin"] : []);
  });

  it("keeps team notes and stop reasons out of the patient view", () => {
    const noted = { ...pregabalin(), note: "Team only: consider switching" };
    const stopped = { ...mirrorTherapy(), status: "stopped" as const, stopReason: "Poor adherence" };
    const text = JSON.stringify(toPatientView(plan([noted, stopped]), options));
    expect(text).not.toContain("Team only");
    expect(text).not.toContain("Poor adherence");
  });
});

describe("toPatientView: doses over time", () => {
  const titrated = intervention({
    id: "iv-preg",
    details: {
      kind: "medication",
      agentId: "pregabalin",
      dose: 75,
      unit: "mg",
      route: "oral",
      dosesPerDay: 2,
      titrationSteps: [
        { dose: 150, startsOn: "2026-03-01" },
        { dose: 225, startsOn: "2026-03-09", note: "if tolerated" },
      ],
    },
  });

  it("shows today's dose and the next planned step", () => {
    const action = toPatientView(plan([titrated]), options).goals[0]?.actions[0];
    expect(action?.action).toBe("Pregabalin 150 mg by mouth, twice a day");
    expect(action?.nextStep).toBe("From 9 Mar 2026: 225 mg (if tolerated)");
  });

  it("never shows a planned step at the dose already taken (a plan saved before dose changes reconciled steps)", () => {
    const stale = intervention({
      id: "iv-preg",
      details: { kind: "medication", agentId: "pregabalin", dose: 150, unit: "mg", route: "oral", dosesPerDay: 2, titrationSteps: [{ dose: 150, startsOn: "2026-03-08" }] },
    });
    expect(toPatientView(plan([stale]), options).actions[0]?.nextStep).toBeNull();
    const after = intervention({ ...stale, details: { ...stale.details, titrationSteps: [{ dose: 150, startsOn: "2026-03-08" }, { dose: 225, startsOn: "2026-03-15" }] } });
    expect(toPatientView(plan([after]), options).actions[0]?.nextStep).toBe("From 15 Mar 2026: 225 mg");
  });

  it.each([
    ["topical-lidocaine", { agentId: "lidocaine-5-patch", dose: 2, unit: "patch", route: "topical", dosesPerDay: 1, schedule: "12 hours on, 12 hours off" }, "Lidocaine 5% patch 2 patches on the skin, once a day (12 hours on, 12 hours off)"],
    ["nsaids", { agentId: "naproxen", dose: 250, unit: "mg", route: "oral", dosesPerDay: 2 }, "Naproxen 250 mg by mouth, twice a day"],
    ["nsaids", { agentId: "diclofenac-gel", dose: 4, unit: "g", route: "topical", dosesPerDay: 4, schedule: "to the right knee" }, "Diclofenac 1% gel 4 g on the skin, four times a day (to the right knee)"],
    ["bisphosphonates", { agentId: "zoledronic-acid", dose: 5, unit: "mg", route: "iv", dosesPerDay: 1 }, "Zoledronic acid 5 mg through a drip (IV), one infusion on each treatment day"],
    ["corticosteroid-course", { agentId: "prednisolone", dose: 40, unit: "mg", route: "oral", dosesPerDay: 1, schedule: "in the morning" }, "Prednisolone 40 mg by mouth, once a day (in the morning)"],
  ])("names the agent, never the class alone: %s", (therapyId, details, text) => {
    const item = intervention({ id: "iv-x", therapyId, details: { kind: "medication", ...details } });
    const view = toPatientView(plan([item]), options);
    expect(view.actions.map((t) => t.action)).toEqual([text]);
    expect(text.startsWith(view.actions[0]?.name ?? "?")).toBe(true);
    expect(JSON.stringify(view.actions)).not.toMatch(/Anti-inflammatory drugs|Bisphosphonates|corticosteroid course/i);
  });

  it("shows no dose for an entry from before agents that still names only its class", () => {
    const legacy = intervention({ id: "iv-x", therapyId: "nsaids", details: { kind: "medication", dose: 500, unit: "mg", route: "oral", schedule: "twice daily" } });
    const [action] = toPatientView(plan([legacy]), options).actions;
    expect(action?.action).toBe("Anti-inflammatory drugs: your team is checking how this medicine is written in your plan and will confirm the details with you.");
    expect(action?.action).not.toContain("500");
  });

  it("says when a migrated entry's frequency is being checked, keeping the team's own words", () => {
    const legacy = intervention({ id: "iv-preg", details: { kind: "medication", dose: 75, unit: "mg", route: "oral", schedule: "as needed" } });
    const [action] = toPatientView(plan([legacy]), options).actions;
    expect(action?.action).toBe("Pregabalin 75 mg by mouth (as needed)");
    expect(action?.instructions).toBe("Your team is checking how this medicine is written in your plan and will confirm the details with you.");
  });
});

describe("toPatientView: coming up within 14 days", () => {
  const session = (id: string, date: string): Intervention => ({
    ...cbtProposal(),
    id,
    status: "active",
    details: { kind: "psychological", sessionType: "group", frequency: "weekly", nextSessionDate: date },
  });
  const block = (id: string, date: string): Intervention => ({
    ...nerveBlock(),
    id,
    details: { kind: "procedure", plannedDate: date, side: "bilateral", recordPainBeforeAfter: false },
  });

  it("lists active procedures and sessions from today to 14 days ahead, soonest first", () => {
    const p = plan([block("b-past", "2026-03-01"), block("b-16", "2026-03-16"), block("b-17", "2026-03-17"), session("s-today", TODAY), session("s-30", "2026-04-01")]);
    const upcoming = toPatientView(p, options).upcoming;
    expect(upcoming.map((u) => [u.interventionId, u.inDays, u.dateLabel, u.what])).toEqual([
      ["s-today", 0, "2 Mar 2026", "Cognitive behavioural therapy session (group)"],
      ["b-16", 14, "16 Mar 2026", "Sympathetic nerve block (both sides)"],
    ]);
  });

  it("leaves out proposed items", () => {
    expect(toPatientView(plan([cbtProposal()]), options).upcoming).toEqual([]);
  });
});

describe("toPatientView: what changed since you last looked", () => {
  const revisions = [
    { summary: "Pregabalin: dose 75 mg → 150 mg", createdAt: "2026-03-01T10:00:00Z" },
    { summary: "Added Sleep hygiene (active)", createdAt: "2026-03-02T09:00:00Z" },
  ];

  it.each([
    [2, true, 2],
    [3, true, 2],
    [4, false, 0],
    [5, false, 0],
  ])("last seen version %i of 4: unseen %s, %i items", (lastSeenVersion, unseen, count) => {
    const changes = toPatientView(plan(), { ...options, lastSeenVersion, revisionsSinceSeen: revisions }).changes;
    expect(changes.unseen).toBe(unseen);
    expect(changes.firstLook).toBe(false);
    expect(changes.items).toHaveLength(count);
    if (count) expect(changes.items[0]?.summary).toBe("Pregabalin: dose 75 mg → 150 mg");
  });

  it("marks a first look", () => {
    const changes = toPatientView(plan(), options).changes;
    expect(changes).toEqual({ firstLook: true, unseen: true, items: [] });
  });
});
