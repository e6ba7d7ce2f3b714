import { ACCOUNT_EMAIL_STATUSES, ACCOUNT_TOKEN_PURPOSES, AUDIT_OUTCOMES, DISCIPLINES, ROLES } from "@concord/domain";
import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Null until an invited person sets their own password (admins never see or type one). */
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    active: boolean("active").notNull().default(true),
    /** IANA time zone the person reads times in; null means the clinic's default zone. */
    timeZone: text("time_zone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_name_idx").on(t.name, t.id)],
);

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id),
    name: text("name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    diagnosisCode: text("diagnosis_code").notNull(),
    onsetDate: date("onset_date", { mode: "string" }).notNull(),
    /** Contact phone (E.164-like, as entered), so "contact the patient today" can be acted on. */
    phone: text("phone"),
    /** Contact email (where the invitation goes; the account's sign-in email may differ later). */
    email: text("email"),
    /** The clinic's medical record number, optional; unique when given. */
    mrn: text("mrn"),
    /** IANA time zone of the patient's day ("today", "this week", rules); null: the clinic default. */
    timeZone: text("time_zone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("patients_user_id_key").on(t.userId),
    index("patients_name_idx").on(t.name, t.id),
    uniqueIndex("patients_mrn_key").on(t.mrn).where(sql`${t.mrn} is not null`),
  ],
);

export const careTeamMembers = pgTable(
  "care_team_members",
  {
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    clinicianId: uuid("clinician_id").notNull().references(() => users.id),
    discipline: text("discipline", { enum: DISCIPLINES }).notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    addedBy: uuid("added_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.clinicianId] }), index("care_team_clinician_idx").on(t.clinicianId, t.patientId)],
);

/** Server-side session records: a JWT cookie is honoured only while its row is live. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/** Append-only: a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    patientId: uuid("patient_id"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_patient_idx").on(t.patientId, t.id),
    index("audit_actor_idx").on(t.actorId, t.id),
    // Failed sign-ins by attempted email, for throttling password guessing.
    index("audit_sign_in_email_idx")
      .on(sql`(${t.detail}->>'email')`, t.at)
      .where(sql`${t.action} = 'auth.signIn' and ${t.outcome} = 'denied'`),
    // Sign-ins (failed, refused as too early, and successful) by attempted email and client address:
    // the per-address throttle counts failures since the last success from that address.
    index("audit_sign_in_address_idx")
      .on(sql`(${t.detail}->>'email')`, sql`(${t.detail}->>'ip')`, t.at)
      .where(sql`${t.action} in ('auth.signIn', 'auth.signIn.throttled')`),
  ],
);

/**
 * When a clinician last looked at a patient's check-ins, so the summary can mark what is new
 * since then. One row per clinician and patient, moved forward on each look.
 */
export const clinicianPatientViews = pgTable(
  "clinician_patient_views",
  {
    userId: uuid("user_id").notNull().references(() => users.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    checkInsSeenAt: timestamp("check_ins_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.patientId] })],
);

/**
 * One-time links: an invitation to set a first password (72 hours) or a password reset (30 minutes).
 * Only a SHA-256 hash of the random token is stored; a token is used at most once (used_at is set
 * by a compare-and-set) and can be revoked. `email_status` records whether the message went out, so
 * an invitation whose email failed is shown as not sent, with a retry.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    emailStatus: text("email_status", { enum: ACCOUNT_EMAIL_STATUSES }).notNull().default("pending"),
    emailError: text("email_error"),
  },
  (t) => [uniqueIndex("account_tokens_hash_key").on(t.tokenHash), index("account_tokens_user_idx").on(t.userId, t.purpose, t.createdAt)],
);

/**
 * Emergency accesses ("break the glass"): a clinician not on the patient's team opened the record
 * with a reason, read-only until `expires_at`. A trigger in the migrations keeps every row as it was
 * opened: the only change allowed is one review (reviewed_at, reviewed_by, review_note set together,
 * once); deletion is refused.
 */
export const emergencyAccesses = pgTable(
  "emergency_accesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    clinicianId: uuid("clinician_id").notNull().references(() => users.id),
    reason: text("reason").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewNote: text("review_note"),
  },
  (t) => [
    index("emergency_accesses_actor_idx").on(t.clinicianId, t.patientId, t.expiresAt),
    index("emergency_accesses_patient_idx").on(t.patientId, t.openedAt),
    index("emergency_accesses_waiting_idx").on(t.openedAt, t.id).where(sql`${t.reviewedAt} is null`),
    index("emergency_accesses_reviewed_idx").on(t.reviewedAt, t.id).where(sql`${t.reviewedAt} is not null`),
  ],
);
