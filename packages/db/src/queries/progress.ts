import { z } from "zod";
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { type AdherenceStatus, type CarePlan, parseStoredCarePlan } from "@concord/domain";
import { type Database, queryRows } from "../client";
import { inOrder } from "../in-order";
import { alerts, carePlanRevisions, carePlans, careTeamMembers, checkInRevisions, checkIns, measures, patients, users } from "../schema/index";
import type { StoredCheckIn } from "../schema/progress";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

/* ---------------------------------------------------------------- check-ins */

export type CheckInRow = typeof checkIns.$inferSelect;

export interface CheckInValues {
  patientId: string;
  date: string;
  data: StoredCheckIn;
  adherencePercent: number | null;
  actorId: string;
  /** When the patient saved it; the database's clock when absent (a replayed history passes its own). */
  at?: Date | undefined;
}

function columnsOf(v: CheckInValues) {
  return {
    painNow: v.data.painNow,
    painAverage: v.data.painAverage,
    painWorst: v.data.painWorst,
    sleepHours: v.data.sleepHours,
    mood: v.data.mood,
    adherencePercent: v.adherencePercent,
    suddenSwelling: v.data.suddenSwelling,
    signsOfInfection: v.data.signsOfInfection,
    newLimbAffected: v.data.newLimbAffected,
    data: v.data,
  };
}

export async function getCheckIn(db: Database, patientId: string, date: string): Promise<CheckInRow | null> {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.patientId, patientId), eq(checkIns.date, date)))
    .limit(1);
  return row ?? null;
}

/** Inserts the day's first check-in and its revision 1; null when that day already has one. */
export async function insertCheckIn(db: Database, v: CheckInValues): Promise<CheckInRow | null> {
  const [row] = await db
    .insert(checkIns)
    .values({ patientId: v.patientId, date: v.date, version: 1, updatedBy: v.actorId, ...columnsOf(v), ...(v.at ? { createdAt: v.at, updatedAt: v.at } : {}) })
    .onConflictDoNothing({ target: [checkIns.patientId, checkIns.date] })
    .returning();
  if (!row) return null;
  await db
    .insert(checkInRevisions)
    .values({ checkInId: row.id, version: 1, patientId: v.patientId, data: v.data, recordedBy: v.actorId, ...(v.at ? { recordedAt: v.at } : {}) });
  return row;
}

/**
 * Compare-and-set edit: succeeds only when the stored version is still `expectedVersion`, then
 * appends the new version to the history. Null when the day has no check-in or it has moved on.
 */
export async function updateCheckIn(db: Database, v: CheckInValues & { expectedVersion: number }): Promise<CheckInRow | null> {
  const [row] = await db
    .update(checkIns)
    .set({ ...columnsOf(v), version: sql`${checkIns.version} + 1`, updatedAt: v.at ?? sql`clock_timestamp()`, updatedBy: v.actorId })
    .where(and(eq(checkIns.patientId, v.patientId), eq(checkIns.date, v.date), eq(checkIns.version, v.expectedVersion)))
    .returning();
  if (!row) return null;
  await db
    .insert(checkInRevisions)
    .values({ checkInId: row.id, version: row.version, patientId: v.patientId, data: v.data, recordedBy: v.actorId, ...(v.at ? { recordedAt: v.at } : {}) });
  return row;
}

/** Newest first, keyset on date. */
export async function listCheckIns(db: Database, patientId: string, params: { cursor?: string | undefined; limit: number }) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.date]));
  const rows = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.patientId, patientId), after ? sql`${checkIns.date} < ${after[0]}::date` : undefined))
    .orderBy(desc(checkIns.date))
    .limit(params.limit + 1);
  return keysetPage(rows, params.limit, (last) => [last.date]);
}

export async function listCheckInRevisions(db: Database, patientId: string, date: string) {
  return db
    .select({
      version: checkInRevisions.version,
      data: checkInRevisions.data,
      recordedAt: checkInRevisions.recordedAt,
      recordedBy: checkInRevisions.recordedBy,
      recordedByName: users.name,
    })
    .from(checkInRevisions)
    .innerJoin(checkIns, eq(checkIns.id, checkInRevisions.checkInId))
    .innerJoin(users, eq(users.id, checkInRevisions.recordedBy))
    .where(and(eq(checkIns.patientId, patientId), eq(checkInRevisions.patientId, patientId), eq(checkIns.date, date)))
    .orderBy(asc(checkInRevisions.version));
}

/* ---------------------------------------------------------------- measures */

export type MeasureRow = typeof measures.$inferSelect;

export async function insertMeasure(
  db: Database,
  v: {
    patientId: string;
    kind: string;
    takenOn: string;
    recordedBy: string;
    recordedByRole: string;
    score: number | null;
    result: Record<string, unknown>;
    /** When it was recorded; the database's clock when absent. */
    recordedAt?: Date | undefined;
  },
): Promise<MeasureRow> {
  const [row] = await db.insert(measures).values(v).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The most recent measure of a kind (by date taken, then by when it was recorded). */
export async function latestMeasure(db: Database, patientId: string, kind: string): Promise<MeasureRow | null> {
  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.patientId, patientId), eq(measures.kind, kind)))
    .orderBy(desc(measures.takenOn), desc(measures.recordedAt))
    .limit(1);
  return row ?? null;
}

/** Newest first, keyset on (taken_on, recorded_at, id). */
export async function listMeasures(db: Database, patientId: string, params: { kind?: string | undefined; cursor?: string | undefined; limit: number }) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.date, cursorPart.timestamp, cursorPart.uuid]));
  const rows = await db
    .select({
      id: measures.id,
      kind: measures.kind,
      takenOn: measures.takenOn,
      score: measures.score,
      result: measures.result,
      recordedAt: measures.recordedAt,
      recordedAtKey: sql<string>`${measures.recordedAt}::text`,
      recordedByName: users.name,
      recordedByRole: measures.recordedByRole,
    })
    .from(measures)
    .innerJoin(users, eq(users.id, measures.recordedBy))
    .where(
      and(
        eq(measures.patientId, patientId),
        params.kind ? eq(measures.kind, params.kind) : undefined,
        after ? sql`(${measures.takenOn}, ${measures.recordedAt}, ${measures.id}) < (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(measures.takenOn), desc(measures.recordedAt), desc(measures.id))
    .limit(params.limit + 1);
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [last.takenOn, last.recordedAtKey, last.id]);
  return { items: page.map(({ recordedAtKey: _k, ...m }) => m), nextCursor };
}

/* ---------------------------------------------------------------- trends: one query per series type */

export async function checkInSeries(db: Database, patientId: string, from: string, to: string) {
  return db
    .select({
      date: checkIns.date,
      painNow: checkIns.painNow,
      painAverage: checkIns.painAverage,
      painWorst: checkIns.painWorst,
      adherencePercent: checkIns.adherencePercent,
    })
    .from(checkIns)
    .where(and(eq(checkIns.patientId, patientId), gte(checkIns.date, from), lte(checkIns.date, to)))
    .orderBy(asc(checkIns.date));
}

export async function measureSeries(db: Database, patientId: string, kinds: string[], from: string, to: string) {
  return db
    .select({ kind: measures.kind, date: measures.takenOn, score: measures.score })
    .from(measures)
    .where(and(eq(measures.patientId, patientId), inArray(measures.kind, kinds), gte(measures.takenOn, from), lte(measures.takenOn, to)))
    .orderBy(asc(measures.takenOn), asc(measures.recordedAt));
}

/** Plan revisions as (UTC day, summary), oldest first: the chart's plan-change markers. */
export async function planRevisionDates(db: Database, patientId: string, from: string, to: string) {
  return queryRows<{ date: string; summary: string; version: number }>(
    db,
    sql`select to_char(${carePlanRevisions.createdAt} at time zone 'UTC', 'YYYY-MM-DD') as date, ${carePlanRevisions.summary} as summary, ${carePlanRevisions.version} as version
        from ${carePlanRevisions}
        where ${carePlanRevisions.patientId} = ${patientId}
          and ${carePlanRevisions.createdAt} >= ${from}::date
          and ${carePlanRevisions.createdAt} < (${to}::date + 1)
        order by ${carePlanRevisions.createdAt}, ${carePlanRevisions.version}`,
  );
}

/* ---------------------------------------------------------------- inputs to the decision rules */

/** The care plan document, read-only (the care-plan feature owns writes), in its current shape. Null when there is no plan. */
export async function readCarePlanDocument(db: Database, patientId: string): Promise<CarePlan | null> {
  const [row] = await db
    .select({ document: carePlans.document, version: carePlans.version, reviewDueAt: carePlans.reviewDueAt })
    .from(carePlans)
    .where(eq(carePlans.patientId, patientId))
    .limit(1);
  return row ? parseStoredCarePlan(row.document, { patientId, version: row.version, reviewDueAt: row.reviewDueAt }) : null;
}

export async function ruleInputs(db: Database, patientId: string, checkInsSince: string) {
  const [recentCheckIns, css, facts] = await inOrder([
    () =>
      db
        .select({
          date: checkIns.date,
          painAverage: checkIns.painAverage,
          adherence: sql<Array<{ status: AdherenceStatus }>>`coalesce(${checkIns.data}->'adherence', '[]'::jsonb)`,
        })
        .from(checkIns)
        .where(and(eq(checkIns.patientId, patientId), gte(checkIns.date, checkInsSince)))
        .orderBy(asc(checkIns.date)),
    // Every CSS: a few a year, and the rise is measured from the baseline over any span.
    () =>
      db
        .select({ id: measures.id, date: measures.takenOn, total: measures.score })
        .from(measures)
        .where(and(eq(measures.patientId, patientId), eq(measures.kind, "css")))
        .orderBy(asc(measures.takenOn), asc(measures.recordedAt)),
    () =>
      queryRows<{ onset_date: string; psychologist_measure: boolean }>(
        db,
        sql`select ${patients.onsetDate}::text as onset_date,
                   exists(select 1 from ${measures} m where m.patient_id = ${patients.id} and m.recorded_by_role = 'psychologist') as psychologist_measure
            from ${patients} where ${patients.id} = ${patientId}`,
      ),
  ] as const);
  return {
    checkIns: recentCheckIns.map((c) => ({ ...c, adherence: c.adherence.map((a) => ({ status: a.status })) })),
    cssScores: css.map((m) => ({ id: m.id, date: m.date, total: Number(m.total) })),
    crpsOnsetDate: facts[0]?.onset_date ?? null,
    psychologistMeasureOnRecord: Boolean(facts[0]?.psychologist_measure),
  };
}

/* ---------------------------------------------------------------- alerts */

export type AlertRow = typeof alerts.$inferSelect;
/** `createdAt` is the database's clock unless the caller says when the alert was raised. */
export type NewAlert = Omit<typeof alerts.$inferInsert, "id" | "acknowledgedAt" | "acknowledgedBy" | "acknowledgementNote">;

/**
 * What de-duplication and the cooldown need: every alert of the patient (a handful per rule, never
 * the whole table), with its days in the patient's time zone.
 */
export async function alertHistoryForRules(db: Database, patientId: string, timeZone: string) {
  return db
    .select({
      ruleId: alerts.ruleId,
      dedupeKey: alerts.dedupeKey,
      createdOn: sql<string>`to_char(${alerts.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
      acknowledged: sql<boolean>`${alerts.acknowledgedAt} is not null`,
      acknowledgedOn: sql<string | null>`to_char(${alerts.acknowledgedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
    })
    .from(alerts)
    .where(eq(alerts.patientId, patientId));
}

/** Inserts alerts; one whose dedupe key exists for the patient is skipped. Returns those inserted. */
export async function insertAlerts(db: Database, rows: NewAlert[]): Promise<AlertRow[]> {
  if (rows.length === 0) return [];
  return db.insert(alerts).values(rows).onConflictDoNothing({ target: [alerts.patientId, alerts.dedupeKey] }).returning();
}

const acknowledgedByUser = sql<string | null>`(select u.name from ${users} u where u.id = ${alerts.acknowledgedBy})`;

export async function listAlertsForPatient(
  db: Database,
  patientId: string,
  params: { includeAcknowledged: boolean; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.timestamp, cursorPart.uuid]));
  const rows = await db
    .select({ alert: alerts, createdAtKey: sql<string>`${alerts.createdAt}::text`, acknowledgedByName: acknowledgedByUser })
    .from(alerts)
    .where(
      and(
        eq(alerts.patientId, patientId),
        params.includeAcknowledged ? undefined : isNull(alerts.acknowledgedAt),
        after ? sql`(${alerts.createdAt}, ${alerts.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(params.limit + 1);
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [last.createdAtKey, last.alert.id]);
  return { items: page.map((r) => ({ ...r.alert, acknowledgedByName: r.acknowledgedByName })), nextCursor };
}

/** Acknowledges an open alert of this patient; null when there is no such open alert. */
export async function acknowledgeAlert(db: Database, v: { patientId: string; alertId: string; userId: string; note: string }): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedAt: sql`clock_timestamp()`, acknowledgedBy: v.userId, acknowledgementNote: v.note })
    .where(and(eq(alerts.id, v.alertId), eq(alerts.patientId, v.patientId), isNull(alerts.acknowledgedAt)))
    .returning();
  return row ?? null;
}

export async function getAlert(db: Database, patientId: string, alertId: string): Promise<AlertRow | null> {
  const [row] = await db.select().from(alerts).where(and(eq(alerts.id, alertId), eq(alerts.patientId, patientId))).limit(1);
  return row ?? null;
}

const severityRank = sql<number>`(case when ${alerts.severity} = 'urgent' then 0 else 1 end)`;

/**
 * Open alerts on the clinician's own care teams: urgent first, newest first. The care-team join is
 * the scope. Keyset on (severity rank, created_at desc, id desc).
 */
export async function alertWorklist(db: Database, clinicianId: string, params: { cursor?: string | undefined; limit: number }) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.rank, cursorPart.timestamp, cursorPart.uuid]));
  const rows = await db
    .select({
      id: alerts.id,
      patientId: alerts.patientId,
      patientName: patients.name,
      ruleId: alerts.ruleId,
      severity: alerts.severity,
      title: alerts.title,
      logic: alerts.logic,
      consider: alerts.consider,
      message: alerts.message,
      evidence: alerts.evidence,
      notify: alerts.notify,
      source: alerts.source,
      sourceKind: alerts.sourceKind,
      acknowledgeBy: alerts.acknowledgeBy,
      createdAt: alerts.createdAt,
      createdAtKey: sql<string>`${alerts.createdAt}::text`,
      rank: severityRank,
    })
    .from(alerts)
    .innerJoin(careTeamMembers, and(eq(careTeamMembers.patientId, alerts.patientId), eq(careTeamMembers.clinicianId, clinicianId)))
    .innerJoin(patients, eq(patients.id, alerts.patientId))
    .where(
      and(
        isNull(alerts.acknowledgedAt),
        after
          ? sql`(${severityRank} > ${after[0]} or (${severityRank} = ${after[0]} and (${alerts.createdAt}, ${alerts.id}) < (${after[1]}::timestamptz, ${after[2]}::uuid)))`
          : undefined,
      ),
    )
    .orderBy(asc(severityRank), desc(alerts.createdAt), desc(alerts.id))
    .limit(params.limit + 1);
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [Number(last.rank), last.createdAtKey, last.id]);
  return { items: page.map(({ createdAtKey: _k, rank: _r, ...a }) => a), nextCursor };
}

