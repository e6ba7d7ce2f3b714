"use client";
import { lazyComponent } from "~/components/lazy-component";
import { type ReactNode, useState } from "react";
import { type Goal, type Intervention, goalLabel, interventionName, isFinalStatus, takesGmiStage } from "@concord/domain/client";
import { cn } from "@concord/ui/utils";
import { useEditor } from "./editor-context";
import { isMedicationItem } from "./medication-text";

/*
 * The plan page's forms sit behind disclosures ("Edit …", "Record or review …", "Add an intervention"), and
 * each form's code loads the first time its disclosure is opened: a visit that reads the plan, or changes one
 * thing, does not load every form of the page (with the catalogue's and the prescription rules' code).
 */
const GoalForm = lazyComponent(() => import("./goal-edit-form").then((m) => m.GoalForm), <Loading />);
const InterventionActionForms = lazyComponent(() => import("./plan-forms").then((m) => m.InterventionActionForms), <Loading />);
const AddGoalForm = lazyComponent(() => import("./plan-forms").then((m) => m.AddGoalForm), <Loading />);
const AddInterventionForm = lazyComponent(() => import("./plan-forms").then((m) => m.AddInterventionForm), <Loading />);
const ReviewDateForm = lazyComponent(() => import("./plan-forms").then((m) => m.ReviewDateForm), <Loading />);

function Loading() {
  return <p className="text-muted-foreground">Loading the form…</p>;
}

/** A disclosure whose content is rendered (and its code loaded) once it is first opened, then kept. */
export function Disclosure({ summary, className, children }: { summary: ReactNode; className?: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={cn("rounded-lg border p-3 print:hidden [&[open]>summary]:mb-3", className)}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="w-fit cursor-pointer font-semibold text-primary">{summary}</summary>
      {opened ? children : null}
    </details>
  );
}

/**
 * Edits one goal's targets and status in a single change. Keyed by version: after any saved change the
 * form starts again from what the plan now says.
 */
export function GoalEditForm({ goal }: { goal: Goal }) {
  const { data } = useEditor();
  return (
    <Disclosure summary={`Edit ${goalLabel(goal.id)}`}>
      <GoalForm key={data.version} goal={goal} />
    </Disclosure>
  );
}

/** What stays on an item besides its one edit form: recording what happened, the next GMI stage, a planned step. */
export function InterventionActions({ item, canAct }: { item: Intervention; canAct: boolean }) {
  const terminal = isFinalStatus(item.status);
  const observable = isMedicationItem(item) && item.status !== "proposed";
  const legacy = canAct && !terminal && isMedicationItem(item) && item.details.reviewNeeded.length > 0;
  const steps = canAct && !terminal && isMedicationItem(item) && item.details.titrationSteps.length > 0;
  const gmi = canAct && !terminal && takesGmiStage(item);
  if (!observable && !legacy && !steps && !gmi) return null;
  return (
    <Disclosure summary={`Record or review ${interventionName(item)}`} className="mt-1 [&[open]>summary]:mb-4">
      <InterventionActionForms item={item} show={{ observable, legacy, steps, gmi }} />
    </Disclosure>
  );
}

/** The plan-wide changes: a new goal, a new intervention, the review date. */
export function ChangePlanForms() {
  return (
    <div className="grid gap-3">
      <Disclosure summary="Add a goal">
        <AddGoalForm />
      </Disclosure>
      <Disclosure summary="Add an intervention">
        <AddInterventionForm />
      </Disclosure>
      <Disclosure summary="Change the plan review date">
        <ReviewDateForm />
      </Disclosure>
    </div>
  );
}
