import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { QUESTION_RESOLUTIONS } from "@concord/domain";
import { patients, users } from "./core";

/**
 * One shared plan per patient, stored as a versioned document: every change is one pure command
 * applied in the domain, written back with `version = version + 1 WHERE version = expected`.
 * `reviewDueAt` is copied out of the document so "plans past review" is an indexed query.
 */
export const carePlans = pgTable(
  "care_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    version: integer("version").notNull(),
    /** Stored shape (StoredCarePlan, with schemaVersion): read it only through parseStoredCarePlan. */
    document: jsonb("document").$type<unknown>().notNull(),
    reviewDueAt: date("review_due_at", { mode: "string" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("care_plans_patient_key").on(t.patientId), index("care_plans_review_idx").on(t.reviewDueAt)],
);

/**
 * Append-only revision chain: (plan, version) is the primary key, so two writers can never both
 * produce version N, and the chain has no gaps because each version is written by the transaction
 * that moved the plan from N-1 to N.
 */
export const carePlanRevisions = pgTable(
  "care_plan_revisions",
  {
    planId: uuid("plan_id").notNull().references(() => carePlans.id),
    version: integer("version").notNull(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    summary: text("summary").notNull(),
    /** Structured diff (domain PlanDiff entries). */
    diff: jsonb("diff").$type<unknown[]>().notNull(),
    /** The command that produced this version, for replay and review. */
    command: jsonb("command").$type<Record<string, unknown>>().notNull(),
    /**
     * The whole plan as this version left it (stored shape, with schemaVersion), so "the plan as of
     * version N" is one read. Null only for versions saved before 0013 that could not be backfilled.
     */
    document: jsonb("document").$type<unknown>(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] }), index("care_plan_revisions_patient_idx").on(t.patientId, t.createdAt)],
);

/**
 * One row per plan item: a projection of the plan document for questions across patients, written
 * in the same transaction as every plan save (replaceCarePlanItems) and rebuildable from the
 * documents (`pnpm --filter @concord/db plans:rebuild-items`). The document stays the truth.
 */
export const carePlanItems = pgTable(
  "care_plan_items",
  {
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    planId: uuid("plan_id").notNull().references(() => carePlans.id),
    itemId: text("item_id").notNull(),
    /** null for a custom item. */
    therapyId: text("therapy_id"),
    /** The medicine, for a medication recorded by agent. */
    agentId: text("agent_id"),
    category: text("category").notNull(),
    status: text("status").notNull(),
    ownerDiscipline: text("owner_discipline").notNull(),
    /** The plan's own reference (a user id); text, as the document holds it. */
    responsibleClinicianId: text("responsible_clinician_id"),
    /** How the item is named on screen (the agent, the catalogue therapy, or the custom name). */
    name: text("name").notNull(),
    /** A medication's dose as entered in the plan (titration steps are not applied) and its unit. */
    dose: doublePrecision("dose"),
    doseUnit: text("dose_unit"),
    nextReviewDate: date("next_review_date", { mode: "string" }),
    goalIds: text("goal_ids").array().notNull(),
    /** The plan version this row was written from. */
    planVersion: integer("plan_version").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.patientId, t.itemId] }),
    // "patients on a therapy" (among my patients: joined to care_team_members by patient)
    index("care_plan_items_therapy_idx").on(t.therapyId, t.status, t.patientId),
    // "items past their review date among my patients"
    index("care_plan_items_patient_review_idx").on(t.patientId, t.nextReviewDate),
    // "items I am responsible for", in review order (My tasks keyset)
    index("care_plan_items_responsible_idx").on(t.responsibleClinicianId, t.nextReviewDate, t.patientId, t.itemId),
  ],
);

/** Comments on a plan item (clinicians and the patient). Append-only. */
export const carePlanComments = pgTable(
  "care_plan_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id").notNull().references(() => carePlans.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    interventionId: text("intervention_id"),
    authorId: uuid("author_id").notNull().references(() => users.id),
    body: text("body").notNull(),
    /** The patient's comment this one answers (a clinician's reply closes the patient's question). */
    replyToId: uuid("reply_to_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("care_plan_comments_plan_idx").on(t.planId, t.createdAt)],
);

/**
 * A patient's comment or question stays on the team's worklist until a clinician answers it or
 * marks it handled; this append-only row records which and by whom.
 */
export const patientQuestionResolutions = pgTable("patient_question_resolutions", {
  commentId: uuid("comment_id")
    .primaryKey()
    .references(() => carePlanComments.id),
  patientId: uuid("patient_id").notNull().references(() => patients.id),
  how: text("how", { enum: QUESTION_RESOLUTIONS }).notNull(),
  answerId: uuid("answer_id").references(() => carePlanComments.id),
  resolvedBy: uuid("resolved_by").notNull().references(() => users.id),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The last plan version the patient has looked at, for "what changed since you last looked". */
export const carePlanViews = pgTable(
  "care_plan_views",
  {
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    lastSeenVersion: integer("last_seen_version").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.userId] })],
);
