import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { type PlanCommand, applyCommand } from "./plan-commands";
import { commandFootprint } from "./plan-rebase";
import { TODAY, ctx, plan, pregabalin } from "./test-fixtures";

const edit = (changes: unknown[]): PlanCommand => ({ type: "editIntervention", interventionId: "iv-preg", changes } as PlanCommand);

function refusal(command: PlanCommand): DomainError {
  try {
    applyCommand(plan([pregabalin()]), command, ctx("pain_physician"));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("applyCommand: editIntervention (one form, one change)", () => {
  it("applies a note, a dose change and a pause together, in order", () => {
    const before = plan([pregabalin()]);
    const after = applyCommand(
      before,
      edit([
        { type: "updateIntervention", note: "Review at the next visit" },
        { type: "recordTrialEntry", entry: { type: "dose_change", to: 150, date: TODAY, reason: "Partial relief" } },
        { type: "changeInterventionStatus", to: "paused", reason: "Holiday" },
      ]),
      ctx("pain_physician"),
    );
    const item = after.interventions.find((i) => i.id === "iv-preg");
    expect(item?.note).toBe("Review at the next visit");
    expect(item?.status).toBe("paused");
    expect(item?.details.kind === "medication" ? item.details.dose : null).toBe(150);
    expect(before.interventions[0]?.status).toBe("active");
  });

  it("refuses the whole edit when one part breaks a rule, and says which part", () => {
    const error = refusal(
      edit([
        { type: "updateIntervention", note: "fine" },
        { type: "recordTrialEntry", entry: { type: "dose_change", to: 900, date: TODAY, reason: "too much" } },
      ]),
    );
    expect(error.code).toBe("INVALID");
    expect(error.details).toMatchObject({ part: 1 });
    expect(error.message).toMatch(/mg per dose/);
  });

  it("keeps discipline ownership: a psychologist cannot change the physician's medication through it", () => {
    const p = plan([pregabalin()]);
    expect(() => applyCommand(p, edit([{ type: "changeInterventionStatus", to: "paused" }]), ctx("psychologist"))).toThrow(DomainError);
  });

  it("refuses an empty edit and a nested one", () => {
    expect(refusal(edit([])).message).toBe("Change something before saving.");
    expect(refusal(edit([{ type: "editIntervention", changes: [] }])).code).toBe("INVALID");
  });

  it("touches only its item, so conflict detection stays item-level", () => {
    expect(commandFootprint(edit([{ type: "updateIntervention", note: "x" }]), plan())).toMatchObject({ interventionIds: new Set(["iv-preg"]), planWide: false });
  });
});
