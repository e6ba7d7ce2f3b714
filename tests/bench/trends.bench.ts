/**
 * Trend page figures: how long the clinician's progress page takes to load its data for a patient
 * with two years of daily check-ins, monthly measures and a dozen plan changes; plus what one
 * check-in costs when the rules read those two years. Runs on PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set. Prints figures; asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { createCaller } from "@concord/api";
import { testServices } from "@concord/api/testing";
import { carePlanSchema, addDays, todayInZone, toStoredCarePlan } from "@concord/domain";
import { queryRows, sql } from "@concord/db";
import { DEMO_TIME_ZONES, buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { measure } from "./timing";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DAYS = 730;

async function time(n: number, fn: (i: number) => Promise<unknown>) {
  const t = await measure(n, fn);
  return { median: t.p50, p95: t.p95 };
}
const fmt = (r: { median: number; p95: number }) => `median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;

const TEST_SERVICES = testServices();
for (const backend of testBackends()) {
  const handle = await openTestDatabase(backend);
  try {
    const ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    const patientId = ids.patients.jordan;
    // Jordan's own day (New York): a check-in dated later would be refused as in the future.
    const today = todayInZone(DEMO_TIME_ZONES.jordan);
    const start = addDays(today, -(DAYS - 1));
    const t0 = performance.now();
    // The demo plan replaced by one whose conservative care began two years ago, so the rules read all of it.
    await queryRows(
      handle.db,
      sql`insert into care_plans (patient_id, version, document, review_due_at, updated_by)
          values (${patientId}, 12, ${JSON.stringify(benchPlan(patientId, today, start))}::jsonb, ${today}::date, ${ids.users.physician})
          on conflict (patient_id) do update set document = excluded.document`,
    );
    await queryRows(
      handle.db,
      sql`insert into care_plan_revisions (plan_id, version, patient_id, author_id, created_at, summary, diff, command)
          select p.id, 1000 + g, p.patient_id, ${ids.users.physician}, ${start}::date + (g - 1) * 60, 'Plan change ' || g, '[]'::jsonb, '{}'::jsonb
          from care_plans p, generate_series(1, 12) g where p.patient_id = ${patientId}`,
    );
    await queryRows(
      handle.db,
      sql`insert into check_ins (patient_id, date, version, pain_now, pain_average, pain_worst, sleep_hours, mood, adherence_percent,
                                 sudden_swelling, signs_of_infection, new_limb_affected, data, updated_by)
          select ${patientId}, d::date, 1, 3 + (g % 5), 4 + (g % 4), 6 + (g % 4), 7, 5, 50 + (g % 2) * 50, false, false, false,
                 jsonb_build_object('painNow', 3 + (g % 5), 'painAverage', 4 + (g % 4), 'painWorst', 6 + (g % 4), 'symptoms', '{}'::jsonb,
                   'chestPainOrBreathlessness', false, 'suddenSwelling', false, 'coldPaleLimb', false, 'signsOfInfection', false, 'newLimbAffected', false, 'bodyLocations', '[]'::jsonb,
                   'sleepHours', 7, 'sleepQuality', 5, 'mood', 5,
                   'adherence', jsonb_build_array(jsonb_build_object('interventionId', 'iv-preg', 'status', 'done'),
                                                  jsonb_build_object('interventionId', 'iv-rom', 'status', case when g % 2 = 0 then 'skipped' else 'done' end))),
                 ${ids.users.jordan}
          from generate_series(0, ${DAYS - 2}) g, lateral (select ${start}::date + g as d) x`,
    );
    await queryRows(
      handle.db,
      sql`insert into measures (patient_id, kind, taken_on, recorded_by, recorded_by_role, score, result)
          select ${patientId}, k.kind, ${start}::date + m * 30, ${ids.users.physician}, 'pain_physician', k.base + (m % 3), '{}'::jsonb
          from generate_series(0, 23) m,
               (values ('css', 8), ('phq9', 6), ('gad7', 5), ('psfs', 4), ('pcs', 20)) k(kind, base)`,
    );
    await queryRows(handle.db, sql`analyze`);
    const seeded = await queryRows<{ c: number; m: number }>(
      handle.db,
      sql`select (select count(*)::int from check_ins where patient_id = ${patientId}) as c, (select count(*)::int from measures where patient_id = ${patientId}) as m`,
    );
    console.log(`[${backend}] seeded ${seeded[0]?.c} daily check-ins and ${seeded[0]?.m} measures over two years in ${(performance.now() - t0).toFixed(0)} ms`);

    const actor = { userId: ids.users.psychologist, role: "psychologist" as const, patientId: null, active: true };
    const clinician = createCaller({ db: handle.db, dbKind: handle.kind, actor, actorName: "bench", sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
    const range = { from: start, to: today };

    for (let i = 0; i < 3; i++) await clinician.measures.trends({ patientId, ...range }); // warm-up
    const trends = await time(RUNS, () => clinician.measures.trends({ patientId, ...range }));
    const sample = await clinician.measures.trends({ patientId, ...range });
    console.log(
      `[${backend}] measures.trends, 2-year range (${sample.checkInDays} check-in days → ${sample.series.painAverage?.points.length} weekly points, ${sample.markers.length} plan markers): ${fmt(trends)} over ${RUNS} runs`,
    );
    // Everything the clinician's progress page asks for, issued together as the page does.
    const page = await time(RUNS, () =>
      Promise.all([
        clinician.patients.get({ patientId }),
        clinician.measures.trends({ patientId, ...range }),
        clinician.checkIns.list({ patientId, limit: 14 }),
        clinician.measures.list({ patientId, limit: 15 }),
        clinician.alerts.list({ patientId, limit: 20, includeAcknowledged: true }),
      ]),
    );
    console.log(`[${backend}] progress page data (5 procedures, 2-year range): ${fmt(page)} over ${RUNS} runs`);
    const short = await time(RUNS, () => clinician.measures.trends({ patientId, from: addDays(today, -89), to: today }));
    console.log(`[${backend}] measures.trends, 90-day range (daily points): ${fmt(short)} over ${RUNS} runs`);

    const patient = createCaller({
      db: handle.db,
      dbKind: handle.kind,
      actor: { userId: ids.users.jordan, role: "patient", patientId, active: true },
      actorName: "bench",
      sessionId: null,
      settings: TEST_CLINIC_SETTINGS,
      services: TEST_SERVICES,
    });
    const checkIn = {
      date: today,
      painNow: 4, painAverage: 5, painWorst: 7, symptoms: {}, chestPainOrBreathlessness: false, suddenSwelling: false, coldPaleLimb: false, signsOfInfection: false, newLimbAffected: false,
      bodyLocations: [], sleepHours: 7, sleepQuality: 5, mood: 5, adherence: [{ interventionId: "iv-preg", status: "done" as const }],
    };
    await patient.checkIns.submit({ patientId, checkIn });
    const edits = await time(RUNS, (i) => patient.checkIns.edit({ patientId, checkIn: { ...checkIn, painNow: i % 10 }, expectedVersion: i + 1 }));
    console.log(`[${backend}] check-in edit incl. rules over two years of data: ${fmt(edits)} over ${RUNS} runs`);
  } finally {
    await handle.close();
  }
}

/** A valid stored plan with the two items the check-ins report on (stored plans are parsed on every read). */
function benchPlan(patientId: string, today: string, start: string) {
  const item = { custom: false, customName: null, status: "active", startDate: start, nextReviewDate: null, note: null, stopReason: null, responsibleClinicianId: null };
  return toStoredCarePlan(
    carePlanSchema.parse({
      patientId,
      version: 12,
      reviewDueAt: today,
      goals: [
        { id: "pain", status: "in_progress", note: null, targets: [{ kind: "pain_average_at_most", value: 4, byDate: today }] },
        { id: "mobility", status: "in_progress", note: null, targets: [{ kind: "activity_minutes", activity: "Walking", minutes: 20 }] },
      ],
      interventions: [
        {
          ...item,
          id: "iv-preg",
          therapyId: "pregabalin",
          category: "medication",
          ownerDiscipline: "pain_physician",
          goalIds: ["pain"],
          details: { kind: "medication", agentId: "pregabalin", dose: 75, unit: "mg", route: "oral", dosesPerDay: 2 },
        },
        {
          ...item,
          id: "iv-rom",
          therapyId: "range-of-motion-exercises",
          category: "pt_ot",
          ownerDiscipline: "physical_therapist",
          goalIds: ["mobility"],
          details: { kind: "exercise", sets: 2, repetitions: 10, frequency: "daily" },
        },
      ],
    }),
  );
}
