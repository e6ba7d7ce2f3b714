import { type Actor, CHECK_IN_RED_FLAGS, type CheckInRedFlag, type SideEffectReviewStatus, interventionName, notFound, reportedRedFlags } from "@concord/domain";
import {
  type CheckInRow,
  type Database,
  getCheckInsSeenAt,
  getReportedSideEffect,
  inOrder,
  insertSideEffectReview,
  listCheckIns,
  listReportedSideEffects,
  markCheckInsSeen,
  readCarePlanDocument,
  reportedSideEffectsOfCheckIns,
} from "@concord/db";
import { presentCheckIn } from "./submit-check-in";

type PlanDocument = Awaited<ReturnType<typeof readCarePlanDocument>>;

function itemNamer(plan: PlanDocument) {
  const items = new Map((plan?.interventions ?? []).map((i) => [i.id, interventionName(i)]));
  return (id: string) => items.get(id) ?? "An item no longer in the plan";
}

/**
 * A check-in as the team reads it: the patient's own words, every answer, the red flags answered
 * yes (older check-ins that were never asked a question count as not reported), and each plan
 * item named.
 */
export function presentCheckInForTeam(row: CheckInRow, nameOf: (interventionId: string) => string) {
  const base = presentCheckIn(row);
  const flags = row.data as Partial<Record<CheckInRedFlag, boolean>>;
  return {
    ...base,
    redFlags: reportedRedFlags(flags),
    redFlagsAsked: CHECK_IN_RED_FLAGS.filter((f) => flags[f] !== undefined),
    adherence: base.adherence.map((a) => ({ ...a, name: nameOf(a.interventionId) })),
  };
}

/**
 * The latest check-in for a clinician's patient summary, marked new when it was saved (or edited)
 * after the clinician last looked; looking moves "last looked" forward, in the same transaction.
 */
export async function latestCheckInForClinician(db: Database, actor: Actor, patientId: string, now: Date = new Date()) {
  const [page, seenAt, plan] = await inOrder([
    () => listCheckIns(db, patientId, { limit: 1 }),
    () => getCheckInsSeenAt(db, actor.userId, patientId),
    () => readCarePlanDocument(db, patientId),
  ] as const);
  const row = page.items[0];
  await markCheckInsSeen(db, actor.userId, patientId, now);
  if (!row) return { checkIn: null, newSinceLastLook: false, lastLookedAt: seenAt };
  const sideEffects = await reportedSideEffectsOfCheckIns(db, patientId, [row.id]);
  const nameOf = itemNamer(plan);
  return {
    checkIn: presentCheckInForTeam(row, nameOf),
    sideEffects: sideEffects.map((s) => ({ ...s, name: nameOf(s.interventionId) })),
    newSinceLastLook: seenAt === null || row.updatedAt > seenAt,
    lastLookedAt: seenAt,
  };
}

/** Check-ins newest first, with the team's view of each (names, truthful red flags). */
export async function listCheckInsForReading(db: Database, patientId: string, params: { cursor?: string | undefined; limit: number }) {
  const [page, plan] = await inOrder([() => listCheckIns(db, patientId, params), () => readCarePlanDocument(db, patientId)] as const);
  const nameOf = itemNamer(plan);
  return { items: page.items.map((row) => presentCheckInForTeam(row, nameOf)), nextCursor: page.nextCursor };
}

/** Side effects the patient reported, newest first, with the item's name and the physician's latest review. */
export async function listSideEffects(db: Database, patientId: string, params: { interventionId?: string | undefined; limit: number }) {
  const [rows, plan] = await inOrder([
    () => listReportedSideEffects(db, patientId, { ...(params.interventionId ? { interventionIds: [params.interventionId] } : {}), limit: params.limit }),
    () => readCarePlanDocument(db, patientId),
  ] as const);
  const nameOf = itemNamer(plan);
  return rows.map((r) => ({ ...r, name: nameOf(r.interventionId) }));
}

/** The physician confirms or annotates a reported side effect; the report itself never changes. */
export async function reviewSideEffect(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { reportId: string; status: SideEffectReviewStatus; note?: string | undefined },
) {
  const report = await getReportedSideEffect(db, patientId, input.reportId);
  if (!report) throw notFound("This side effect report");
  const review = await insertSideEffectReview(db, {
    reportId: report.id,
    patientId,
    status: input.status,
    note: input.note ?? null,
    reviewedBy: actor.userId,
  });
  return { id: review.id, reportId: report.id, status: review.status, note: review.note, reviewedAt: review.reviewedAt };
}
