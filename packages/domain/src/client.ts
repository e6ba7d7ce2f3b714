/**
 * The browser-safe entry of the domain: what "use client" components (and the modules they import) may
 * read. Everything here comes from zod-free modules, because a module whose top level builds a zod
 * schema cannot be tree-shaken away and would put zod (about 26 kB gzipped) in every page's first load.
 * The server validates input with the schemas (`@concord/domain`); its field errors reach the forms.
 * Types may come from anywhere with `export type` (erased at build). tests/architecture/client-entry.test.ts
 * checks that no import reached from here leads to zod.
 */
export { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN, EMERGENCY_REVIEW_NOTE_MAX } from "./access/emergency-access-rules";
export { careTeamDisciplineHolds } from "./access/permissions";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword } from "./accounts/password-policy";
export { SECOND_FACTOR_ENROL, SECOND_FACTOR_MESSAGES, SECOND_FACTOR_NEEDED } from "./accounts/second-factor";
export { parseSignInRefusal, signInThrottleMessage } from "./accounts/sign-in-throttle";
export { CATEGORY_PRESCRIPTION_KIND, THERAPY_CATALOGUE, THERAPY_CATEGORIES, THERAPY_CATEGORY_LABELS, getTherapy } from "./care-plan/catalogue";
export type { PrescriptionKind, TherapyCategory } from "./care-plan/catalogue";
export { additionOffer, allowedStatusChanges, defaultOwner, isFinalStatus, newItemIdentity, ownerChoices } from "./care-plan/form-offers";
export type { AdditionStatus } from "./care-plan/form-offers";
export type { Goal } from "./care-plan/goals";
export type { Intervention } from "./care-plan/intervention";
export { interventionName } from "./care-plan/intervention-name";
export { EXERCISE_BOUNDS, PLAN_TEXT_LIMITS, TRIAL_PAIN_RANGE } from "./care-plan/limits";
export { MAX_DOSES_PER_DAY, agentsOf, getAgent } from "./care-plan/medication-agents";
export type { MedicationAgent } from "./care-plan/medication-agents";
export { dailyTotal, describeDoseBounds, doseBounds, doseOn, frequencyText, medicationInput, medicationProblem } from "./care-plan/medication-dosing";
export type { MedicationField } from "./care-plan/medication-dosing";
export type { TrialEntry } from "./care-plan/medication-trial";
export { DOSE_UNITS, MEDICATION_ROUTES, PRESCRIBABLE_UNITS, ROUTE_LABELS, formatDose, timesADay } from "./care-plan/medication-units";
export type { DoseUnit } from "./care-plan/medication-units";
export { mayChangeIntervention, ownersOf } from "./care-plan/ownership";
export type { CarePlan } from "./care-plan/plan";
export type { PlanCommand } from "./care-plan/plan-commands";
export { medicationTrialsOf, planByGoal } from "./care-plan/plan-views";
export type { TitrationStep } from "./care-plan/prescription";
export { GMI_STAGES, GMI_STAGE_DAYS, GMI_STAGE_LABELS, PROCEDURE_SIDES, SESSION_TYPES, nextGmiStage, takesGmiStage } from "./care-plan/prescription-options";
export type { CustomTherapy, GmiStage, TherapyRef } from "./care-plan/prescription-options";
export { reconcileDoseChange } from "./care-plan/titration";
export { GOAL_IDS, GOAL_STATUSES, OUTCOME_MEASURES, OUTCOME_MEASURE_RANGES, describeTarget, goalLabel } from "./care-plan/treatment-goals";
export { SIDE_EFFECT_SEVERITIES, rankTrialSummaries, summariseTrials } from "./care-plan/trial-summary";
export type { Dose } from "./care-plan/trial-summary";
export { addCalendarDays, daysBetween } from "./dates/calendar";
export { describeTimeZone, formatCalendarDate, formatDateTime } from "./dates/format";
export { CRPS_CODES } from "./diagnosis";
export type { CrpsCode } from "./diagnosis";
export { MESSAGE_MAX, TITLE_MAX, TITLE_MIN } from "./messaging/limits";
export type { ThreadSpace } from "./messaging/limits";
export { tokenizeMessage } from "./messaging/links";
export type { MessageToken } from "./messaging/links";
export { activeMention, filterSuggestions, mentionSuggestions } from "./messaging/mention-suggestions";
export type { MentionCandidate } from "./messaging/mentions";
export type { MessageReferenceInput } from "./messaging/schemas";
export { unreadLabel } from "./messaging/unread";
export { COMMENT_MAX } from "./patient-question-rules";
export { BUDAPEST_CATEGORIES, BUDAPEST_DISCLAIMER, BUDAPEST_ITEMS } from "./progress/budapest";
export type { BudapestResult, BudapestTickKind } from "./progress/budapest";
export { ADHERENCE_STATUSES, ADHERENCE_STATUS_LABELS, BODY_LIMBS, BODY_SITE_LABELS, CHECK_IN_RED_FLAGS, CHECK_IN_RED_FLAG_LABELS, CHECK_IN_SYMPTOMS, CHECK_IN_SYMPTOM_LABELS } from "./progress/check-in-questions";
export type { AdherenceStatus } from "./progress/check-in-questions";
export { smsHref, telHref } from "./progress/crisis-resources";
export type { CrisisResources } from "./progress/crisis-resources";
export { CSS_ITEMS, CSS_SMALLEST_REAL_DIFFERENCE } from "./progress/css";
export { FREQUENCY_OPTIONS, GAD7_ITEMS, GAD7_STEM, LICENSED_MEASURES, PHQ9_ITEMS, PHQ9_STEM, PSFS_MAX_ACTIVITIES, PSFS_MIN_ACTIVITIES } from "./progress/questionnaires";
export type { AlertSeverity, AlertSourceKind } from "./progress/rules";
export { SIDE_EFFECT_REVIEW_LABELS } from "./progress/side-effect-review";
export type { SideEffectReviewStatus } from "./progress/side-effect-review";
export { DISCIPLINE_HANDLES, DISCIPLINE_LABELS, ROLE_LABELS, STAFF_ROLES } from "./roles";
export type { DISCIPLINES, Discipline, Role } from "./roles";
