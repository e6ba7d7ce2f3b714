import { z } from "zod";
import { safeString } from "../text";
import { invalid } from "../errors";
import { DISCIPLINE_LABELS } from "../roles";
import { disciplineSchema } from "../role-schemas";
import {
  CATEGORY_OWNERS,
  CATEGORY_PRESCRIPTION_KIND,
  THERAPY_CATEGORY_LABELS,
  THERAPY_CATEGORIES,
  getTherapy,
} from "./catalogue";
import { calendarDateSchema } from "../dates/index";
import { goalIdSchema } from "./goals";
import { upgradeLegacyIntervention } from "./legacy-medication";
import { agentsOf, getAgent } from "./medication-agents";
import { interventionName } from "./intervention-name";
import { INTERVENTION_STATUSES, type InterventionStatus, STATUS_TRANSITIONS } from "./intervention-status";

// The browser-safe parts live in zod-free modules; re-exported so this stays the place to import the model from.
export { INTERVENTION_STATUSES, type InterventionStatus, STATUS_TRANSITIONS } from "./intervention-status";
export { interventionName } from "./intervention-name";
import { trialEntrySchema } from "./medication-trial";
import { type PrescriptionDetails, prescriptionDetailsSchema } from "./prescription";
import { PLAN_TEXT_LIMITS } from "./limits";

export const therapyCategorySchema = z.enum(THERAPY_CATEGORIES, { error: "Choose a therapy category." });
export const interventionStatusSchema = z.enum(INTERVENTION_STATUSES, { error: "Choose a status." });

export const STOP_NEEDS_REASON = "Give a reason for stopping";
export const EXPERIMENTAL_NEEDS_CONSENT =
  "Record the patient's consent and the study reference before activating an experimental therapy.";

const optionalText = safeString().trim().max(PLAN_TEXT_LIMITS.note, { error: `Keep notes under ${PLAN_TEXT_LIMITS.note} characters.` }).nullable();

/**
 * One therapy in a patient's plan, from the catalogue or defined by the team. Stored plans are read
 * through this schema, so a medication entry saved before agents is upgraded on the way in.
 */
export const interventionSchema = z.preprocess(
  upgradeLegacyIntervention,
  z
    .object({
      id: safeString().min(1),
      therapyId: safeString().min(1).nullable(),
      custom: z.boolean(),
      customName: safeString().trim().min(2).max(PLAN_TEXT_LIMITS.customName).nullable(),
      category: therapyCategorySchema,
      ownerDiscipline: disciplineSchema,
      /** null while a proposal waits for the owning discipline to take it on. */
      responsibleClinicianId: safeString().min(1).nullable(),
      goalIds: z
        .array(goalIdSchema)
        .min(1, { error: "Link the intervention to at least one goal." })
        .refine((ids) => new Set(ids).size === ids.length, { error: "Link each goal only once." }),
      status: interventionStatusSchema,
      startDate: calendarDateSchema.nullable(),
      nextReviewDate: calendarDateSchema.nullable(),
      note: optionalText,
      details: prescriptionDetailsSchema,
      stopReason: optionalText,
      trialEntries: z.array(trialEntrySchema).default([]),
    })
    .superRefine((i, ctx) => {
      const issue = (message: string, path: string) => ctx.addIssue({ code: "custom", message, path: [path] });
      if (i.custom) {
        if (i.therapyId !== null) issue("A custom intervention has no catalogue therapy.", "therapyId");
        if (!i.customName) issue("Name the custom intervention.", "customName");
      } else {
        const therapy = i.therapyId === null ? undefined : getTherapy(i.therapyId);
        if (!therapy) issue(`Unknown therapy “${i.therapyId ?? ""}”.`, "therapyId");
        else if (therapy.category !== i.category) issue(`${therapy.name} belongs under ${THERAPY_CATEGORY_LABELS[therapy.category]}.`, "category");
        if (i.customName !== null) issue("Only custom interventions carry a custom name.", "customName");
      }
      if (i.details.kind !== CATEGORY_PRESCRIPTION_KIND[i.category]) {
        issue(`${THERAPY_CATEGORY_LABELS[i.category]} need ${CATEGORY_PRESCRIPTION_KIND[i.category].replace("_", "-")} details.`, "details");
      }
      if (!CATEGORY_OWNERS[i.category].includes(i.ownerDiscipline)) {
        issue(ownerMismatchMessage(i.category, i.ownerDiscipline), "ownerDiscipline");
      }
      if (i.status === "stopped" && !i.stopReason) issue(`${STOP_NEEDS_REASON}.`, "stopReason");
      if (i.trialEntries.length > 0 && i.details.kind !== "medication") {
        issue("Only medications keep a trial history.", "trialEntries");
      }
      if (i.details.kind === "medication") medicationConsistency(i.custom, i.therapyId, i.details, (m) => issue(m, "details"));
    }),
);
export type Intervention = z.infer<typeof interventionSchema>;

/**
 * What a stored medication entry must hold whatever its history: a catalogue agent of its own
 * therapy (a custom one has none), and, unless it awaits review, doses per day and, for a custom
 * medication, the physician's maximum daily dose. Bounds are checked when details change.
 */
function medicationConsistency(
  custom: boolean,
  therapyId: string | null,
  d: Extract<PrescriptionDetails, { kind: "medication" }>,
  issue: (message: string) => void,
): void {
  const awaitingReview = d.reviewNeeded.length > 0;
  if (custom) {
    if (d.agentId !== null) issue("A custom medication has no catalogue agent.");
    if (d.maxDailyDose === null && !awaitingReview) issue("A custom medication needs a maximum daily dose.");
    return;
  }
  if (d.agentId === null) {
    if (!awaitingReview) issue("Name the medicine (its agent).");
    return;
  }
  if (!therapyId || !agentsOf(therapyId).some((a) => a.id === d.agentId)) {
    issue(`${getAgent(d.agentId)?.name ?? d.agentId} is not listed under this therapy.`);
  }
}

export function ownerMismatchMessage(category: Intervention["category"], owner: Intervention["ownerDiscipline"]): string {
  const owners = CATEGORY_OWNERS[category].map((d) => DISCIPLINE_LABELS[d].toLowerCase()).join(" or ");
  return `The ${DISCIPLINE_LABELS[owner].toLowerCase()} cannot own this item; choose the ${owners}.`;
}

type TransitionSubject = Pick<Intervention, "status" | "category" | "custom" | "customName" | "therapyId"> & {
  details: PrescriptionDetails;
};

/** Checks a status change and returns the new status; throws INVALID with the reason otherwise. */
export function transition(
  intervention: TransitionSubject,
  to: InterventionStatus,
  options: { reason?: string | null } = {},
): InterventionStatus {
  const from = intervention.status;
  const name = `“${interventionName(intervention)}”`;

  if (from === to) throw invalid(`${name} is already ${to}.`);
  if (STATUS_TRANSITIONS[from].length === 0) {
    throw invalid(`${name} is ${from}. Completed and stopped items cannot change; add a new item instead.`);
  }
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    const hint = from === "proposed" ? " It has not started yet: activate it, or stop it to withdraw the proposal." : "";
    throw invalid(`${name} cannot move from ${from} to ${to}.${hint}`);
  }
  if (to === "stopped" && !options.reason?.trim()) throw invalid(`${STOP_NEEDS_REASON} ${name}.`);
  if (to === "active") assertActivatable(intervention);
  return to;
}

/** What must be true of an item for it to be active, whichever way it gets there. */
export function assertActivatable(item: { category: Intervention["category"]; details: PrescriptionDetails }): void {
  if (item.category !== "experimental") return;
  const d = item.details;
  if (d.kind !== "experimental" || !d.consentRecordedAt || !d.studyReference) throw invalid(EXPERIMENTAL_NEEDS_CONSENT);
}
