"use client";
import { useState } from "react";
import { GOAL_STATUSES, type Goal, describeTarget, goalLabel } from "@concord/domain/client";
import { Button } from "@concord/ui/button";
import { CheckboxField } from "@concord/ui/checkbox";
import { Fieldset } from "@concord/ui/field";
import { NativeSelect } from "@concord/ui/native-select";
import { Field, useCommandForm } from "./form-kit";
import { TargetFields, type TargetKind, buildTarget } from "./goal-targets";

/** One goal's targets and status, in one change; only what the clinician altered is sent, so applying it again
 * after a conflict does not undo a colleague's edit to the other part. Opened from plan-disclosures.tsx. */
export function GoalForm({ goal }: { goal: Goal }) {
  const [kind, setKind] = useState<TargetKind | null>(null);
  const label = goalLabel(goal.id);
  const prefix = `goal-edit-${goal.id}`;
  const form = useCommandForm((get, raw) => {
    const removed = new Set(raw.getAll("removeTarget").map(Number));
    const kept = goal.targets.filter((_, i) => !removed.has(i));
    const targets = kind ? [...kept, buildTarget(kind, get)] : kept;
    const status = get("status") as Goal["status"];
    return {
      type: "updateGoal",
      goalId: goal.id,
      targets: removed.size > 0 || kind ? targets : undefined,
      status: status !== goal.status ? status : undefined,
    };
  });
  return (
      <form className="grid max-w-xl content-start gap-3" onSubmit={form.onSubmit} aria-label={`Edit the goal ${label}`}>
        <Fieldset legend="Current targets (tick to remove)" className="gap-0">
          {goal.targets.map((t, i) => (
            // Keyed by the target, not its position, so a ticked box stays with its target if the list changes.
            <CheckboxField key={describeTarget(t)} id={`${prefix}-remove-${i}`} name="removeTarget" value={String(i)} label={`Remove: ${describeTarget(t)}`} />
          ))}
        </Fieldset>
        <TargetFields prefix={prefix} label="Add a measurable target" kind={kind} onKind={setKind} allowNone />
        <Field id={`${prefix}-status`} label="Status">
          <NativeSelect id={`${prefix}-status`} name="status" defaultValue={goal.status}>
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>{s.replace("_", " ")}</option>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit" className="w-fit" disabled={form.busy}>Save goal</Button>
      </form>
  );
}
