import { z } from "zod";
import { safeString } from "../text";
import { DomainError, forbidden, invalid } from "../errors";
import type { Discipline } from "../roles";
import { disciplineSchema } from "../role-schemas";
import { CATEGORY_OWNERS, type TherapyCategory, getTherapy } from "./catalogue";
import { getAgent } from "./medication-agents";
import { type CalendarDate, calendarDateSchema, formatCalendarDate } from "../dates/index";
import { firstIssueMessage, requiredText } from "./fields";
import { type Goal, type GoalId, goalIdSchema, goalLabel, goalStatusSchema, goalTargetsSchema } from "./goals";
import {
  type Intervention,
  assertActivatable,
  interventionStatusSchema,
  ownerMismatchMessage,
  therapyCategorySchema,
  transition,
} from "./intervention";
import { interventionName } from "./intervention-name";
import { doseChangeEntrySchema, responseEntrySchema, sideEffectEntrySchema, type TrialEntry } from "./medication-trial";
import { type InterventionAction, actionForTransition, mayChangeIntervention } from "./ownership";
import type { CarePlan } from "./plan";
import {
  type CustomTherapy,
  type TherapyRef,
  doseOn,
  formatDose,
  unknownTherapyMessage,
  validatePrescription,
} from "./prescription";
import { reconcileDoseChange, reconcileEdit } from "./titration";
import { PLAN_TEXT_LIMITS } from "./limits";
import { additionStatus } from "./form-offers";

const note = safeString().trim().max(PLAN_TEXT_LIMITS.note, { error: `Keep notes under ${PLAN_TEXT_LIMITS.note} characters.` }).nullable();
const interventionId = safeString({ error: "Choose an intervention." }).min(1, { error: "Choose an intervention." });

const catalogueTherapyRef = z.object({
  custom: z.literal(false).optional(),
  therapyId: safeString({ error: "Choose a therapy from the catalogue." }).min(1),
  /** Needed only when several disciplines own the category (PT or OT); defaults sensibly. */
  ownerDiscipline: disciplineSchema.optional(),
});
const customTherapyRef = z.object({
  custom: z.literal(true),
  name: requiredText(2, PLAN_TEXT_LIMITS.customName, "Name the custom intervention."),
  category: therapyCategorySchema,
  ownerDiscipline: disciplineSchema,
});

const updateInterventionCommand = z.object({
  type: z.literal("updateIntervention"),
  interventionId,
  /** Merged over the current details, then validated as a whole; null clears an optional field. */
  details: z.record(safeString(), z.unknown()).optional(),
  note: note.optional(),
  nextReviewDate: calendarDateSchema.nullable().optional(),
  /** null hands the item back to "not yet assigned". */
  responsibleClinicianId: safeString().min(1).nullable().optional(),
});
const changeStatusCommand = z.object({
  type: z.literal("changeInterventionStatus"),
  interventionId,
  to: interventionStatusSchema,
  reason: safeString().trim().max(PLAN_TEXT_LIMITS.statusReason).optional(),
});
const recordTrialEntryCommand = z.object({
  type: z.literal("recordTrialEntry"),
  interventionId,
  entry: z.discriminatedUnion(
    "type",
    [
      // "from", the unit and the withdrawn steps come from the plan, so the log cannot disagree with it.
      doseChangeEntrySchema.omit({ from: true, unit: true, withdrawnSteps: true }),
      responseEntrySchema,
      sideEffectEntrySchema,
    ],
    { error: "Choose a dose change, a response or a side effect." },
  ),
});

/** At most one of each kind of part, and a dose change with a response: more is a script, not a form. */
export const EDIT_INTERVENTION_MAX_PARTS = 6;

export const planCommandSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("addGoal"),
      goalId: goalIdSchema,
      targets: goalTargetsSchema,
      status: goalStatusSchema.default("not_started"),
      note: note.default(null),
    }),
    z.object({
      type: z.literal("updateGoal"),
      goalId: goalIdSchema,
      targets: goalTargetsSchema.optional(),
      status: goalStatusSchema.optional(),
      note: note.optional(),
    }),
    z.object({
      type: z.literal("addIntervention"),
      therapy: z.discriminatedUnion("custom", [catalogueTherapyRef, customTherapyRef], {
        error: "Choose a therapy from the catalogue or describe a custom intervention.",
      }),
      /** Defaults to the therapy's usual goals that this plan has. */
      goalIds: z.array(goalIdSchema).min(1, { error: "Link the intervention to at least one goal." }).optional(),
      /** A non-owner's addition is always a proposal, whatever is asked for here. */
      status: interventionStatusSchema.extract(["proposed", "active"], { error: "A new item starts as proposed or active." }).optional(),
      responsibleClinicianId: safeString().min(1).optional(),
      startDate: calendarDateSchema.optional(),
      nextReviewDate: calendarDateSchema.optional(),
      note: note.optional(),
      details: z.unknown(),
    }),
    updateInterventionCommand,
    changeStatusCommand,
    recordTrialEntryCommand,
    z.object({
      type: z.literal("editIntervention"),
      interventionId,
      /**
       * One item's edit form: its parts applied in order as one change (one version, one revision);
       * a refusal of any part leaves the plan as it was.
       */
      changes: z
        .array(
          z.discriminatedUnion(
            "type",
            [
              updateInterventionCommand.omit({ interventionId: true }),
              changeStatusCommand.omit({ interventionId: true }),
              recordTrialEntryCommand.omit({ interventionId: true }),
            ],
            { error: "Unknown change to this item." },
          ),
        )
        .min(1, { error: "Change something before saving." })
        .max(EDIT_INTERVENTION_MAX_PARTS, { error: "Too many changes at once." }),
    }),
    z.object({ type: z.literal("setReviewDate"), reviewDueAt: calendarDateSchema }),
  ],
  { error: "Unknown plan change." },
);
export type PlanCommand = z.input<typeof planCommandSchema>;
type ParsedCommand = z.infer<typeof planCommandSchema>;
type CommandOf<T extends ParsedCommand["type"]> = Extract<ParsedCommand, { type: T }>;

export interface CommandContext {
  actorId: string;
  actorDiscipline: Discipline;
  today: CalendarDate;
  newId: () => string;
}

/**
 * Applies one change to a plan and returns the new plan; the input is never mutated. Throws
 * DomainError INVALID for a change that makes no sense and FORBIDDEN for one the actor's
 * discipline may not make. The version is left alone: the db layer bumps it when saving.
 */
export function applyCommand(plan: CarePlan, command: PlanCommand, ctx: CommandContext): CarePlan {
  const parsed = planCommandSchema.safeParse(command);
  if (!parsed.success) throw invalid(firstIssueMessage(parsed.error));
  const cmd = parsed.data;
  switch (cmd.type) {
    case "addGoal":
      return addGoal(plan, cmd);
    case "updateGoal":
      return updateGoal(plan, cmd);
    case "addIntervention":
      return addIntervention(plan, cmd, ctx);
    case "updateIntervention":
      return updateIntervention(plan, cmd, ctx);
    case "changeInterventionStatus":
      return changeStatus(plan, cmd, ctx);
    case "recordTrialEntry":
      return recordTrialEntry(plan, cmd, ctx);
    case "editIntervention":
      return editIntervention(plan, cmd, ctx);
    case "setReviewDate":
      if (cmd.reviewDueAt < ctx.today) throw invalid("The review date cannot be in the past.");
      return { ...plan, reviewDueAt: cmd.reviewDueAt };
  }
}

/**
 * Each part goes through the same rules as its own command, against the plan the parts before it
 * left. A refusal names which part (`details.part`) so the form can put it beside that section.
 */
function editIntervention(plan: CarePlan, cmd: CommandOf<"editIntervention">, ctx: CommandContext): CarePlan {
  let next = plan;
  cmd.changes.forEach((change, part) => {
    try {
      next = applyCommand(next, { ...change, interventionId: cmd.interventionId } as PlanCommand, ctx);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...error.details, part });
      throw error;
    }
  });
  return next;
}

function addGoal(plan: CarePlan, cmd: CommandOf<"addGoal">): CarePlan {
  if (plan.goals.some((g) => g.id === cmd.goalId)) {
    throw invalid(`The plan already has the goal ‘${goalLabel(cmd.goalId)}’. Update it instead.`);
  }
  const goal: Goal = { id: cmd.goalId, targets: cmd.targets, status: cmd.status, note: cmd.note };
  return { ...plan, goals: [...plan.goals, goal] };
}

function updateGoal(plan: CarePlan, cmd: CommandOf<"updateGoal">): CarePlan {
  const goal = plan.goals.find((g) => g.id === cmd.goalId);
  if (!goal) throw invalid(`This plan has no goal ‘${goalLabel(cmd.goalId)}’. Add it first.`);
  const next: Goal = {
    ...goal,
    targets: cmd.targets ?? goal.targets,
    status: cmd.status ?? goal.status,
    note: cmd.note === undefined ? goal.note : cmd.note,
  };
  return { ...plan, goals: plan.goals.map((g) => (g.id === goal.id ? next : g)) };
}

function addIntervention(plan: CarePlan, cmd: CommandOf<"addIntervention">, ctx: CommandContext): CarePlan {
  const ref = cmd.therapy;
  let category: TherapyCategory;
  let ownerDiscipline: Discipline;
  let defaultGoals: readonly GoalId[] = [];
  let therapy: TherapyRef;

  if (ref.custom === true) {
    category = ref.category;
    ownerDiscipline = ref.ownerDiscipline;
    therapy = { custom: true, name: ref.name, category, ownerDiscipline } satisfies CustomTherapy;
  } else {
    const entry = getTherapy(ref.therapyId);
    if (!entry) throw invalid(unknownTherapyMessage(ref.therapyId));
    category = entry.category;
    ownerDiscipline =
      ref.ownerDiscipline ?? (entry.ownerDisciplines.includes(ctx.actorDiscipline) ? ctx.actorDiscipline : entry.ownerDisciplines[0]);
    defaultGoals = entry.defaultGoals;
    therapy = entry.id;
    const current = plan.interventions.find(
      (i) => i.therapyId === entry.id && (i.status === "proposed" || i.status === "active" || i.status === "paused"),
    );
    if (current) throw invalid(`${entry.name} is already in the plan (${current.status}). Update that item instead.`);
  }
  if (!CATEGORY_OWNERS[category].includes(ownerDiscipline)) throw invalid(ownerMismatchMessage(category, ownerDiscipline));

  const customName = ref.custom === true ? ref.name : null;
  const identity = { custom: ref.custom === true, customName, therapyId: ref.custom === true ? null : ref.therapyId };
  const name = interventionName(identity);
  const isOwner = mayChangeIntervention(ctx.actorDiscipline, { ...identity, category, ownerDiscipline }, "activate").allowed;
  const status = additionStatus(ctx.actorDiscipline, { ...identity, category, ownerDiscipline }, cmd.status);

  const prescription = validatePrescription(therapy, cmd.details);
  if (!prescription.ok) throw invalid(prescription.message);

  const planGoals = new Set(plan.goals.map((g) => g.id));
  const goalIds = cmd.goalIds ?? defaultGoals.filter((g) => planGoals.has(g));
  if (goalIds.length === 0) throw invalid(`Link ${name} to at least one goal in this plan; add the goal first if it is missing.`);
  const missing = goalIds.find((g) => !planGoals.has(g));
  if (missing) throw invalid(`This plan has no goal ‘${goalLabel(missing)}’. Add the goal before linking ${name} to it.`);

  if (status === "active") assertActivatable({ category, details: prescription.value });

  const intervention: Intervention = {
    id: ctx.newId(),
    ...identity,
    category,
    ownerDiscipline,
    responsibleClinicianId: cmd.responsibleClinicianId ?? (isOwner ? ctx.actorId : null),
    goalIds: [...new Set(goalIds)],
    status,
    startDate: cmd.startDate ?? (status === "active" ? ctx.today : null),
    nextReviewDate: cmd.nextReviewDate ?? null,
    note: cmd.note ?? null,
    details: prescription.value,
    stopReason: null,
    trialEntries: [],
  };
  return { ...plan, interventions: [...plan.interventions, intervention] };
}

function updateIntervention(plan: CarePlan, cmd: CommandOf<"updateIntervention">, ctx: CommandContext): CarePlan {
  const current = editable(plan, cmd.interventionId, ctx, "update");
  let details = current.details;
  if (cmd.details) {
    const merged = mergeDetails(current.details, cmd.details);
    const switched = agentSwitchProblem(current, merged);
    if (switched) throw invalid(switched);
    const result = validatePrescription(therapyRefOf(current), merged);
    if (!result.ok) throw invalid(result.message);
    details = result.value;
    if (current.details.kind === "medication" && details.kind === "medication") {
      details = { ...details, titrationSteps: reconcileEdit(current.details, details, ctx.today).steps };
    }
    const problem = titrationChangeProblem(current, details, ctx.today);
    if (problem) throw invalid(problem);
    // Re-check what activation required, so consent cannot be removed from a running study.
    if (current.status === "active") assertActivatable({ category: current.category, details });
  }
  return replace(plan, {
    ...current,
    details,
    note: cmd.note === undefined ? current.note : cmd.note,
    nextReviewDate: cmd.nextReviewDate === undefined ? current.nextReviewDate : cmd.nextReviewDate,
    responsibleClinicianId: cmd.responsibleClinicianId === undefined ? current.responsibleClinicianId : cmd.responsibleClinicianId,
  });
}

/**
 * A different medicine is a different trial: switching naproxen to ibuprofen on the same item would
 * mix two drugs' responses and side effects. An entry awaiting review may gain the agent it lacks.
 */
function agentSwitchProblem(current: Intervention, merged: Record<string, unknown>): string | null {
  const d = current.details;
  if (d.kind !== "medication" || d.agentId === null || merged.agentId === d.agentId) return null;
  const from = interventionName(current);
  const to = typeof merged.agentId === "string" ? (getAgent(merged.agentId)?.name ?? merged.agentId) : "another medicine";
  return `To change from ${from} to ${to}, stop ${from} and add ${to}, so each keeps its own trial history.`;
}

/**
 * Planned titration steps may be added or withdrawn only ahead of time: a step that has started is
 * a dose the patient already took, and changing today's dose is a dose change in the trial log.
 */
function titrationChangeProblem(current: Intervention, next: Intervention["details"], today: CalendarDate): string | null {
  if (current.details.kind !== "medication" || next.kind !== "medication") return null;
  const key = (s: { dose: number; startsOn: string; note?: string }) => `${s.startsOn}|${s.dose}|${s.note ?? ""}`;
  const before = new Set(current.details.titrationSteps.map(key));
  const after = new Set(next.titrationSteps.map(key));
  const name = interventionName(current);
  const added = next.titrationSteps.find((s) => !before.has(key(s)) && s.startsOn <= today);
  if (added) {
    return `A new titration step for ${name} must start after today; to change today's dose, record a dose change instead.`;
  }
  const removed = current.details.titrationSteps.find((s) => !after.has(key(s)) && s.startsOn <= today);
  if (removed) {
    return `The ${name} step from ${formatCalendarDate(removed.startsOn)} has already started and stays in the plan; record a dose change instead.`;
  }
  return null;
}

/**
 * A form cannot send "absent", so null asks to clear an optional field (say a duration). Research
 * details are the exception: there null is the recorded value ("no consent yet"), kept as such.
 */
function mergeDetails(current: Intervention["details"], patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current, ...patch };
  if (current.kind === "experimental") return merged;
  for (const [key, value] of Object.entries(patch)) if (value === null) delete merged[key];
  return merged;
}

function changeStatus(plan: CarePlan, cmd: CommandOf<"changeInterventionStatus">, ctx: CommandContext): CarePlan {
  const current = mustFind(plan, cmd.interventionId);
  authorise(ctx.actorDiscipline, current, actionForTransition(current.status, cmd.to));
  const status = transition(current, cmd.to, { reason: cmd.reason });
  const activating = status === "active";
  return replace(plan, {
    ...current,
    status,
    stopReason: status === "stopped" ? (cmd.reason ?? "").trim() : current.stopReason,
    startDate: activating ? (current.startDate ?? ctx.today) : current.startDate,
    responsibleClinicianId: activating ? (current.responsibleClinicianId ?? ctx.actorId) : current.responsibleClinicianId,
  });
}

function recordTrialEntry(plan: CarePlan, cmd: CommandOf<"recordTrialEntry">, ctx: CommandContext): CarePlan {
  const current = mustFind(plan, cmd.interventionId);
  const name = interventionName(current);
  const details = current.details;
  if (details.kind !== "medication") throw invalid(`Trial entries are kept for medications only; ${name} is not one.`);
  if (current.status === "proposed") throw invalid(`${name} has not started yet; activate it before recording its trial.`);
  if (cmd.entry.date > ctx.today) throw invalid("A trial entry cannot be dated after today.");

  if (cmd.entry.type !== "dose_change") {
    // Responses and side effects are observations: whoever on the team hears of one records it.
    authorise(ctx.actorDiscipline, current, "comment");
    return replace(plan, { ...current, trialEntries: [...current.trialEntries, cmd.entry] });
  }

  authorise(ctx.actorDiscipline, current, "update");
  if (current.status === "completed" || current.status === "stopped") {
    throw invalid(`${name} is ${current.status}; its dose can no longer change.`);
  }
  const { to, date, reason } = cmd.entry;
  const unit = details.unit;
  const from = doseOn(details, date);
  if (from === to) throw invalid(`The dose of ${name} is already ${formatDose(to, unit)}.`);

  // The recorded change supersedes titration steps up to its date; later steps still apply,
  // except planned ones the new dose has made meaningless, which are withdrawn and logged.
  const { steps, withdrawn } = reconcileDoseChange(details, to, date, ctx.today);
  const result = validatePrescription(therapyRefOf(current), { ...details, dose: to, titrationSteps: steps });
  if (!result.ok) throw invalid(result.message);

  const entry: TrialEntry = { type: "dose_change", from, to, unit, date, reason, ...(withdrawn.length > 0 ? { withdrawnSteps: withdrawn } : {}) };
  return replace(plan, { ...current, details: result.value, trialEntries: [...current.trialEntries, entry] });
}

function mustFind(plan: CarePlan, id: string): Intervention {
  const found = plan.interventions.find((i) => i.id === id);
  if (!found) throw invalid("That intervention is not in this plan. Reload the plan and try again.");
  return found;
}

function editable(plan: CarePlan, id: string, ctx: CommandContext, action: InterventionAction): Intervention {
  const found = mustFind(plan, id);
  authorise(ctx.actorDiscipline, found, action);
  if (found.status === "completed" || found.status === "stopped") {
    throw invalid(`${interventionName(found)} is ${found.status} and can no longer be changed. Add a new item instead.`);
  }
  return found;
}

function authorise(actor: Discipline, item: Intervention, action: InterventionAction): void {
  const decision = mayChangeIntervention(actor, item, action);
  if (!decision.allowed) throw forbidden(decision.message);
}

function therapyRefOf(i: Intervention): TherapyRef {
  if (!i.custom && i.therapyId) return i.therapyId;
  return { custom: true, name: interventionName(i), category: i.category, ownerDiscipline: i.ownerDiscipline };
}

function replace(plan: CarePlan, next: Intervention): CarePlan {
  return { ...plan, interventions: plan.interventions.map((i) => (i.id === next.id ? next : i)) };
}
