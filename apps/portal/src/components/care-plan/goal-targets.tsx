"use client";
import { OUTCOME_MEASURES, OUTCOME_MEASURE_RANGES, type PlanCommand } from "@concord/domain/client";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { Field, type Fields, num, optional } from "./form-kit";

type GoalTargetInput = Extract<PlanCommand, { type: "addGoal" }>["targets"][number];

export const TARGET_KINDS = {
  pain_average_at_most: "Average pain at most … /10 by a date",
  activity_minutes: "Do an activity for … minutes",
  psfs_activity_score: "PSFS activity score at least …",
  measure_at_most: "Questionnaire score at most … (PHQ-9, GAD-7, CSS)",
  custom: "Other measurable target",
} as const;
export type TargetKind = keyof typeof TARGET_KINDS;

export function buildTarget(kind: TargetKind, get: Fields): GoalTargetInput {
  switch (kind) {
    case "pain_average_at_most":
      return { kind, value: num(get("value")), byDate: get("byDate") };
    case "activity_minutes":
      return { kind, activity: get("activity"), minutes: num(get("minutes")), byDate: optional(get("byDate")) };
    case "psfs_activity_score":
      return { kind, activity: get("activity"), atLeast: num(get("atLeast")), byDate: optional(get("byDate")) };
    case "measure_at_most":
      return { kind, measure: get("measure") as (typeof OUTCOME_MEASURES)[number], value: num(get("value")), byDate: optional(get("byDate")) };
    case "custom":
      return { kind, description: get("description"), measure: get("measure") };
  }
}

/**
 * The fields of one measurable target, for adding a goal or adding a target to one. `kind` null
 * means "no new target" (only offered where a target is optional).
 */
export function TargetFields({
  prefix,
  label,
  kind,
  onKind,
  allowNone = false,
}: {
  prefix: string;
  label: string;
  kind: TargetKind | null;
  onKind: (kind: TargetKind | null) => void;
  allowNone?: boolean;
}) {
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <Field id={id("target-kind")} label={label}>
        <NativeSelect id={id("target-kind")} value={kind ?? ""} onChange={(e) => onKind(e.target.value === "" ? null : (e.target.value as TargetKind))}>
          {allowNone ? <option value="">No new target</option> : null}
          {Object.entries(TARGET_KINDS).map(([k, text]) => (
            <option key={k} value={k}>{text}</option>
          ))}
        </NativeSelect>
      </Field>
      {kind === "activity_minutes" || kind === "psfs_activity_score" ? (
        <Field id={id("activity")} label="Activity"><Input id={id("activity")} name="activity" /></Field>
      ) : null}
      {kind === "measure_at_most" ? (
        <Field id={id("measure")} label="Questionnaire">
          <NativeSelect id={id("measure")} name="measure">
            {OUTCOME_MEASURES.map((m) => (
              <option key={m} value={m}>{OUTCOME_MEASURE_RANGES[m].label} (0–{OUTCOME_MEASURE_RANGES[m].max})</option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      {kind === "pain_average_at_most" || kind === "measure_at_most" ? (
        <Field id={id("value")} label={kind === "pain_average_at_most" ? "Average pain at most (0–10)" : "Score at most"}>
          <Input id={id("value")} name="value" type="number" step="any" />
        </Field>
      ) : null}
      {kind === "activity_minutes" ? <Field id={id("minutes")} label="Minutes"><Input id={id("minutes")} name="minutes" type="number" /></Field> : null}
      {kind === "psfs_activity_score" ? (
        <Field id={id("atleast")} label="Score at least (0–10)"><Input id={id("atleast")} name="atLeast" type="number" step="any" /></Field>
      ) : null}
      {kind === "custom" ? (
        <>
          <Field id={id("description")} label="Target"><Input id={id("description")} name="description" /></Field>
          <Field id={id("custom-measure")} label="Measured by"><Input id={id("custom-measure")} name="measure" /></Field>
        </>
      ) : kind !== null ? (
        <Field id={id("by")} label={kind === "pain_average_at_most" ? "By date" : "By date (optional)"}>
          <Input id={id("by")} name="byDate" type="date" />
        </Field>
      ) : null}
    </>
  );
}
