import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ALERT_SEVERITIES, ALERT_SOURCE_KINDS, type CheckIn, type RuleEvidence, SIDE_EFFECT_REVIEW_STATUSES } from "@concord/domain";
import { patients, users } from "./core";

/** The check-in as stored: the validated domain object without its date (the row carries the date). */
export type StoredCheckIn = Omit<CheckIn, "date">;

/**
 * One row per patient per day: the current version of that day's check-in. The numbers charts and
 * rules read are copied into columns so a two-year trend never has to unpack the JSON.
 * Edits bump `version` (compare-and-set) and append a revision; the revision chain is the history.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    date: date("date", { mode: "string" }).notNull(),
    version: integer("version").notNull(),
    painNow: smallint("pain_now").notNull(),
    painAverage: smallint("pain_average").notNull(),
    painWorst: smallint("pain_worst").notNull(),
    sleepHours: doublePrecision("sleep_hours").notNull(),
    mood: smallint("mood").notNull(),
    /** Mean adherence credit of the day's entries, 0–100; null when nothing was reported. */
    adherencePercent: doublePrecision("adherence_percent"),
    suddenSwelling: boolean("sudden_swelling").notNull(),
    signsOfInfection: boolean("signs_of_infection").notNull(),
    newLimbAffected: boolean("new_limb_affected").notNull(),
    data: jsonb("data").$type<StoredCheckIn>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").notNull().references(() => users.id),
  },
  (t) => [uniqueIndex("check_ins_patient_date_key").on(t.patientId, t.date)],
);

/** Append-only: every version of every check-in, version 1 being the first submission. */
export const checkInRevisions = pgTable(
  "check_in_revisions",
  {
    checkInId: uuid("check_in_id").notNull().references(() => checkIns.id),
    version: integer("version").notNull(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    data: jsonb("data").$type<StoredCheckIn>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    recordedBy: uuid("recorded_by").notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.checkInId, t.version] }), index("check_in_revisions_patient_idx").on(t.patientId)],
);

/**
 * Clinical measures and questionnaires, append-only (a wrong entry is corrected by a new one).
 * `kind` is budapest | css | phq9 | gad7 | psfs | limb_temperature | a licensed measure id. For a
 * licensed instrument `result` holds nothing but the score: never item text or item answers.
 */
export const measures = pgTable(
  "measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    kind: text("kind").notNull(),
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by").notNull().references(() => users.id),
    recordedByRole: text("recorded_by_role").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    score: doublePrecision("score"),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("measures_patient_kind_idx").on(t.patientId, t.kind, t.takenOn), index("measures_patient_recorded_idx").on(t.patientId, t.recordedAt, t.id)],
);

/**
 * Decision-support alerts. Rule output is frozen at creation; a trigger allows only the one-time
 * acknowledgement to change a row, so what fired and who acknowledged it cannot be rewritten.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    ruleId: text("rule_id").notNull(),
    severity: text("severity", { enum: ALERT_SEVERITIES }).notNull(),
    title: text("title").notNull(),
    logic: text("logic").notNull(),
    consider: text("consider").notNull(),
    message: text("message").notNull(),
    evidence: jsonb("evidence").$type<RuleEvidence[]>().notNull(),
    /** Where the rule comes from (a citation shown with the alert). */
    source: text("source"),
    notify: jsonb("notify").$type<string[]>().notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    /** The record whose answer raised the alert (check_in | measure), so an edit that adds a red flag raises again. */
    sourceKind: text("source_kind", { enum: ALERT_SOURCE_KINDS }),
    sourceId: text("source_id"),
    /** Urgent alerts must be acknowledged by this time (escalation reads it). */
    acknowledgeBy: timestamp("acknowledge_by", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    acknowledgementNote: text("acknowledgement_note"),
  },
  (t) => [
    uniqueIndex("alerts_patient_dedupe_key").on(t.patientId, t.dedupeKey),
    index("alerts_patient_rule_idx").on(t.patientId, t.ruleId, t.createdAt),
    index("alerts_open_idx").on(t.patientId, t.createdAt).where(sql`${t.acknowledgedAt} is null`),
  ],
);

/**
 * A side effect the patient reported on a plan item in a check-in, added to that medication's trial
 * record as patient-reported. Append-only: an edited check-in that changes the words adds a report.
 */
export const reportedSideEffects = pgTable(
  "reported_side_effects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    interventionId: text("intervention_id").notNull(),
    checkInId: uuid("check_in_id").notNull().references(() => checkIns.id),
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
    text: text("text").notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    uniqueIndex("reported_side_effects_once_key").on(t.checkInId, t.interventionId, t.text),
    index("reported_side_effects_item_idx").on(t.patientId, t.interventionId, t.reportedOn),
  ],
);

/** The physician's review of a patient-reported side effect: confirmed, or annotated. Append-only. */
export const sideEffectReviews = pgTable(
  "side_effect_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reportedSideEffects.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    status: text("status", { enum: SIDE_EFFECT_REVIEW_STATUSES }).notNull(),
    note: text("note"),
    reviewedBy: uuid("reviewed_by").notNull().references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("side_effect_reviews_report_idx").on(t.reportId, t.reviewedAt)],
);
