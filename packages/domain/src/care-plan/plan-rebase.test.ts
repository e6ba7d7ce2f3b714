import { describe, expect, it } from "vitest";
import type { Discipline } from "../roles";
import type { CarePlan } from "./plan";
import { type PlanCommand, applyCommand } from "./plan-commands";
import { diffPlans } from "./plan-diff";
import { canRebase, commandFootprint, diffFootprint, footprintOverlap } from "./plan-rebase";
import { TODAY, ctx, mirrorTherapy, pacingDiary, plan, pregabalin, sleepHygiene } from "./test-fixtures";

type Edit = [Discipline, PlanCommand];

const doseChange: Edit = [
  "pain_physician",
  { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "dose_change", to: 100, date: TODAY, reason: "Sleeping better, pain still 6/10" } },
];
const pauseMirror: Edit = ["physical_therapist", { type: "changeInterventionStatus", interventionId: "iv-mirror", to: "paused" }];
const mirrorNote: Edit = ["physical_therapist", { type: "updateIntervention", interventionId: "iv-mirror", note: "Five minutes, twice a day" }];
const pregabalinNote: Edit = ["pain_physician", { type: "updateIntervention", interventionId: "iv-preg", note: "Take with food" }];
const reviewDate: Edit = ["psychologist", { type: "setReviewDate", reviewDueAt: "2026-05-01" }];
const painGoal: Edit = ["pain_physician", { type: "updateGoal", goalId: "pain", status: "achieved" }];
const wellbeingGoal: Edit = ["psychologist", { type: "updateGoal", goalId: "wellbeing", note: "Sleeping through most nights" }];
const addDiary: Edit = [
  "occupational_therapist",
  {
    type: "addIntervention",
    therapy: { custom: true, name: "Pacing diary", category: "pt_ot", ownerDiscipline: "occupational_therapist" },
    goalIds: ["function"],
    details: { sets: 1, repetitions: 1, frequency: "daily" },
  },
];
const addCbt: Edit = ["psychologist", { type: "addIntervention", therapy: { therapyId: "cbt" }, details: { sessionType: "individual", frequency: "weekly" } }];

function start(): CarePlan {
  return plan([pregabalin(), mirrorTherapy(), pacingDiary(), sleepHygiene()]);
}

/** Applies one edit; new items get ids from `ids`, so two runs of the same edits agree. */
function run(p: CarePlan, [who, command]: Edit, ids: string[] = ["new-1"]): CarePlan {
  return applyCommand(p, command, ctx(who, ids));
}

/** The footprint of what `edit` saved, read back from its diff as the use case reads a revision. */
function saved(p: CarePlan, edit: Edit, ids?: string[]) {
  const after = run(p, edit, ids);
  return { after, footprint: diffFootprint(diffPlans(p, after)) };
}

describe("commandFootprint", () => {
  it("places item edits on their item, goal edits on their goal, and the review date on the whole plan", () => {
    const p = start();
    expect(commandFootprint(doseChange[1], p)).toEqual({ planWide: false, interventionIds: new Set(["iv-preg"]), goalIds: new Set() });
    expect(commandFootprint(mirrorNote[1], p).interventionIds).toEqual(new Set(["iv-mirror"]));
    expect(commandFootprint(painGoal[1], p)).toEqual({ planWide: false, interventionIds: new Set(), goalIds: new Set(["pain"]) });
    expect(commandFootprint(reviewDate[1], p).planWide).toBe(true);
  });

  it("gives a new custom item only the goals it names, and a catalogue item the plan's items for that therapy and its default goals", () => {
    const p = start();
    expect(commandFootprint(addDiary[1], p)).toEqual({ planWide: false, interventionIds: new Set(), goalIds: new Set(["function"]) });
    expect(commandFootprint(addCbt[1], p)).toEqual({ planWide: false, interventionIds: new Set(), goalIds: new Set(["wellbeing", "function"]) });
    const restart: PlanCommand = { type: "addIntervention", therapy: { therapyId: "pregabalin" }, goalIds: ["pain"], details: { dose: 75, dosesPerDay: 2 } };
    expect(commandFootprint(restart, p)).toEqual({ planWide: false, interventionIds: new Set(["iv-preg"]), goalIds: new Set() });
  });
});

describe("diffFootprint", () => {
  it("reads the items and goals a saved change touched from its diff paths", () => {
    const p = start();
    expect(saved(p, doseChange).footprint).toEqual({ planWide: false, interventionIds: new Set(["iv-preg"]), goalIds: new Set() });
    expect(saved(p, addDiary, ["iv-new"]).footprint).toEqual({ planWide: false, interventionIds: new Set(["iv-new"]), goalIds: new Set() });
    expect(saved(p, painGoal).footprint).toEqual({ planWide: false, interventionIds: new Set(), goalIds: new Set(["pain"]) });
    expect(saved(p, reviewDate).footprint.planWide).toBe(true);
  });

  it("treats a path it does not recognise as plan-wide, so an unknown change is never rebased over", () => {
    expect(diffFootprint([{ path: "somethingNew" }]).planWide).toBe(true);
    expect(diffFootprint([{ path: "interventions" }]).planWide).toBe(true);
    expect(diffFootprint([]).planWide).toBe(false);
  });
});

describe("canRebase", () => {
  it("issue 11: the PT's mirror-therapy change made at v9 lands on top of the physician's pregabalin dose change", () => {
    const v9 = start();
    const v10 = saved(v9, doseChange);
    expect(canRebase(commandFootprint(pauseMirror[1], v10.after), [v10.footprint])).toBe(true);
    const rebased = run(v10.after, pauseMirror);
    expect(rebased.interventions.find((i) => i.id === "iv-preg")?.details).toMatchObject({ dose: 100 });
    expect(rebased.interventions.find((i) => i.id === "iv-mirror")?.status).toBe("paused");
  });

  it("refuses an edit of the item that changed since, and says which", () => {
    const v10 = saved(start(), doseChange);
    const mine = commandFootprint(pregabalinNote[1], v10.after);
    expect(canRebase(mine, [v10.footprint])).toBe(false);
    expect(footprintOverlap(mine, v10.footprint)).toBe("intervention iv-preg");
  });

  it("checks every change since, not only the latest", () => {
    const v9 = start();
    const v10 = saved(v9, doseChange);
    const v11 = saved(v10.after, wellbeingGoal);
    const since = [v10.footprint, v11.footprint];
    expect(canRebase(commandFootprint(pregabalinNote[1], v11.after), since)).toBe(false);
    expect(canRebase(commandFootprint(mirrorNote[1], v11.after), since)).toBe(true);
    expect(canRebase(commandFootprint(wellbeingGoal[1], v11.after), since)).toBe(false);
    expect(canRebase(commandFootprint(painGoal[1], v11.after), since)).toBe(true);
  });

  it("treats the review date as plan-wide in both directions, and a stale review date with nothing since as fine", () => {
    const v9 = start();
    const dateSince = saved(v9, reviewDate);
    expect(canRebase(commandFootprint(mirrorNote[1], dateSince.after), [dateSince.footprint])).toBe(false);
    const noteSince = saved(v9, mirrorNote);
    expect(canRebase(commandFootprint(reviewDate[1], noteSince.after), [noteSince.footprint])).toBe(false);
    expect(canRebase(commandFootprint(reviewDate[1], v9), [])).toBe(true);
  });

  it("lets a new item land over unrelated edits, but not a second add of the same catalogue therapy", () => {
    const v9 = start();
    const noteSince = saved(v9, mirrorNote);
    expect(canRebase(commandFootprint(addDiary[1], noteSince.after), [noteSince.footprint])).toBe(true);
    // Someone added CBT since: the stale add of CBT depends on that very item.
    const cbtSince = saved(v9, addCbt, ["iv-cbt-1"]);
    expect(canRebase(commandFootprint(addCbt[1], cbtSince.after), [cbtSince.footprint])).toBe(false);
    // Two people adding the same goal overlap on that goal.
    const trimmed: CarePlan = { ...v9, goals: v9.goals.filter((g) => g.id !== "wellbeing"), interventions: [pregabalin(), mirrorTherapy()] };
    const addGoal: Edit = ["psychologist", { type: "addGoal", goalId: "wellbeing", targets: [{ kind: "measure_at_most", measure: "gad7", value: 7 }] }];
    const goalSince = saved(trimmed, addGoal);
    expect(canRebase(commandFootprint(addGoal[1], goalSince.after), [goalSince.footprint])).toBe(false);
  });

  it("rebasing independent edits gives the same plan in either order", () => {
    const pairs: Array<[Edit, Edit]> = [
      [doseChange, pauseMirror],
      [mirrorNote, pregabalinNote],
      [painGoal, wellbeingGoal],
      [addDiary, doseChange],
      [wellbeingGoal, mirrorNote],
    ];
    for (const [first, second] of pairs) {
      const p = start();
      const a = saved(p, first);
      expect(canRebase(commandFootprint(second[1], a.after), [a.footprint])).toBe(true);
      const b = saved(p, second);
      expect(canRebase(commandFootprint(first[1], b.after), [b.footprint])).toBe(true);
      expect(run(a.after, second)).toEqual(run(b.after, first));
    }
  });
});
