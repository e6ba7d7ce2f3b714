"use client";
import { useState } from "react";
import { GOAL_STATUSES, type Goal, describeTarget, goalLabel } from "@concord/domain";
import { useEditor } from "./editor-context";
import { Field, useCommandForm } from "./form-kit";
import { TargetFields, type TargetKind, buildTarget } from "./goal-targets";

/**
 * Edits one goal's targets and status in a single change. Only what the clinician altered is sent,
 * so applying it again after a conflict does not undo a colleague's edit to the other part.
 */
export function GoalEditForm({ goal }: { goal: Goal }) {
  const { data } = useEditor();
  return (
    <details className="no-print goal-edit">
      <summary>Edit {goalLabel(goal.id)}</summary>
      {/* Keyed by version: after any saved change the form starts again from what the plan now says. */}
      <GoalForm key={data.version} goal={goal} />
    </details>
  );
}

function GoalForm({ goal }: { goal: Goal }) {
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
      <form className="stack" onSubmit={form.onSubmit} aria-label={`Edit the goal ${label}`}>
        <fieldset>
          <legend>Current targets (tick to remove)</legend>
          {goal.targets.map((t, i) => (
            // Keyed by the target, not its position, so a ticked box stays with its target if the list changes.
            <label key={describeTarget(t)} style={{ fontWeight: 400 }}>
              <input type="checkbox" name="removeTarget" value={i} style={{ width: "auto" }} /> Remove: {describeTarget(t)}
            </label>
          ))}
        </fieldset>
        <TargetFields prefix={prefix} label="Add a measurable target" kind={kind} onKind={setKind} allowNone />
        <Field id={`${prefix}-status`} label="Status">
          <select id={`${prefix}-status`} name="status" defaultValue={goal.status}>
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>{s.replace("_", " ")}</option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={form.busy}>Save goal</button>
      </form>
  );
}
