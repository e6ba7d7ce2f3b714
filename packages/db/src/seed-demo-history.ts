import { randomUUID } from "node:crypto";
import {
  type BudapestInput,
  CSS_ITEM_IDS,
  type CheckIn,
  type CssItemId,
  type Discipline,
  type PlanCommand,
  type PsfsActivity,
  type ThreadSpace,
  adherenceItems,
  adherenceOverWindow,
  applyCommand,
  cssChange,
  diffPlans,
  evaluateBudapest,
  evaluateRules,
  parseCheckIn,
  parseMentions,
  addDays,
  scoreCss,
  scoreGad7,
  scorePhq9,
  scorePsfs,
  summariseDiff,
} from "@concord/domain";
import type { Database } from "./client";
import { getCarePlan, insertCarePlanRevision, saveCarePlanVersion } from "./queries/care-plan";
import { insertMentions, insertMessage, insertThread, listMessagingParticipants, listThreads, markThreadRead } from "./queries/messaging";
import {
  type AlertRow,
  insertCheckIn,
  insertMeasure,
  latestMeasure,
  listCheckIns,
  readCarePlanDocument,
} from "./queries/progress";
import { raiseAlerts, ruleSnapshot } from "./queries/alert-evaluation";
import { insertReportedSideEffects } from "./queries/check-in-review";
import { DEMO_TIME_ZONES, type DemoIds, demoCalendarDay } from "./seed";

/**
 * Demo history for the portal's first start: weeks of check-ins, measures, the alerts the rules
 * raise on them and two conversations, so a clinician evaluating Concord sees a realistic clinic.
 * Everything goes through the same query functions and domain scoring as the app's write paths, so
 * stored values are what the app itself would have computed. The test suites never load this: they
 * need the bare demo clinic of `seedDemo`.
 *
 * Idempotent: each part (a patient's progress, each conversation) is skipped when already present.
 */

export const JORDAN_HISTORY = {
  /** Check-ins run from this many days before today up to yesterday, minus the missed days. */
  firstDay: 70,
  missedDays: [66, 51, 44, 30, 19, 11] as readonly number[],
  /** The desensitization programme started this many days ago (the conservative-care start). */
  careStartedDaysAgo: 70,
} as const;

export const ALEX_HISTORY = { firstDay: 21, missedDays: [13] as readonly number[] } as const;

export const DEMO_THREAD_TITLES = { team: "Pregabalin titration", shared: "Mirror therapy questions" } as const;


export interface DemoHistoryResult {
  checkIns: { jordan: number; alex: number };
  alerts: AlertRow[];
  threads: number;
}

/** Deterministic value in [0, 1) for an integer seed (a 32-bit integer hash, so runs are repeatable). */
function unit(seed: number): number {
  let x = (seed ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

type Author = { id: string; discipline: Discipline };

export async function seedDemoHistory(db: Database, ids: DemoIds, options: { today?: Date } = {}): Promise<DemoHistoryResult> {
  const today = demoCalendarDay(options.today ?? new Date());
  return db.transaction(async (tx) => {
    const result: DemoHistoryResult = { checkIns: { jordan: 0, alex: 0 }, alerts: [], threads: 0 };
    if (!(await hasCheckIns(tx, ids.patients.jordan))) {
      result.checkIns.jordan = await seedJordan(tx, ids, today);
      result.alerts.push(...(await raiseDemoAlerts(tx, ids.patients.jordan, today, DEMO_TIME_ZONES.jordan)));
    }
    if (!(await hasCheckIns(tx, ids.patients.alex))) {
      result.checkIns.alex = await seedAlex(tx, ids, today);
      result.alerts.push(...(await raiseDemoAlerts(tx, ids.patients.alex, today, DEMO_TIME_ZONES.alex)));
    }
    result.threads = await seedAlexConversations(tx, ids, today);
    return result;
  });
}

async function hasCheckIns(db: Database, patientId: string): Promise<boolean> {
  return (await listCheckIns(db, patientId, { limit: 1 })).items.length > 0;
}

/** One plan change the way the plan editor makes it: the domain command, a guarded save, a revision. */
async function changePlan(db: Database, patientId: string, author: Author, command: PlanCommand, today: string): Promise<void> {
  const plan = await getCarePlan(db, patientId);
  if (!plan) throw new Error("The demo patient has no care plan; run seedDemo first.");
  const after = applyCommand(plan.document, command, { actorId: author.id, actorDiscipline: author.discipline, today, newId: randomUUID });
  const diff = diffPlans(plan.document, after);
  if (!(await saveCarePlanVersion(db, { planId: plan.id, expectedVersion: plan.version, document: after, authorId: author.id }))) {
    throw new Error("The demo care plan changed while the history was being loaded.");
  }
  await insertCarePlanRevision(db, {
    planId: plan.id,
    version: plan.version + 1,
    patientId,
    authorId: author.id,
    summary: summariseDiff(diff),
    diff,
    command: command as Record<string, unknown>,
  });
}

interface DayValues {
  painAverage: number;
  painNow: number;
  painWorst: number;
  sleepHours: number;
  sleepQuality: number;
  mood: number;
  symptoms: Partial<CheckIn["symptoms"]>;
  note?: string;
}

/**
 * Check-ins for the days `firstDay` … 1 before today (not today: the patient can still do today's),
 * parsed by the same schema as the check-in form and stored with the same adherence figure.
 */
async function seedCheckIns(
  db: Database,
  params: {
    patientId: string;
    actorId: string;
    today: string;
    firstDay: number;
    missedDays: readonly number[];
    limb: "left_arm" | "right_leg";
    day(daysAgo: number): DayValues;
    adherence(daysAgo: number, itemIndex: number, category: string): "done" | "partly" | "skipped";
    /** Words the patient wrote under "Side effects" for a plan item that day, if any. */
    sideEffect?(daysAgo: number, itemName: string): string | undefined;
  },
): Promise<number> {
  const items = adherenceItems(await readCarePlanDocument(db, params.patientId));
  let written = 0;
  for (let daysAgo = params.firstDay; daysAgo >= 1; daysAgo--) {
    if (params.missedDays.includes(daysAgo)) continue;
    const date = addDays(params.today, -daysAgo);
    const { symptoms, note, ...values } = params.day(daysAgo);
    const checkIn = parseCheckIn(
      {
        date,
        ...values,
        symptoms,
        chestPainOrBreathlessness: false,
        suddenSwelling: false,
        coldPaleLimb: false,
        signsOfInfection: false,
        newLimbAffected: false,
        bodyLocations: [{ site: params.limb }],
        adherence: items.map((item, i) => {
          const sideEffects = params.sideEffect?.(daysAgo, item.name);
          return { interventionId: item.interventionId, status: params.adherence(daysAgo, i, item.category), ...(sideEffects ? { sideEffects } : {}) };
        }),
        ...(note ? { note } : {}),
      },
      params.today,
    );
    const { date: _date, ...data } = checkIn;
    const row = await insertCheckIn(db, {
      patientId: params.patientId,
      date,
      data,
      adherencePercent: adherenceOverWindow([checkIn], date, date).percentage,
      actorId: params.actorId,
    });
    if (row) {
      written++;
      // As the check-in use case does: a reported side effect joins the item's trial record.
      await insertReportedSideEffects(
        db,
        checkIn.adherence.flatMap((a) =>
          a.sideEffects ? [{ patientId: params.patientId, interventionId: a.interventionId, checkInId: row.id, reportedOn: date, text: a.sideEffects }] : [],
        ),
      );
    }
  }
  return written;
}

function status(u: number, doneBelow: number, partlyBelow: number): "done" | "partly" | "skipped" {
  return u < doneBelow ? "done" : u < partlyBelow ? "partly" : "skipped";
}

type Recorder = { id: string; role: string };

async function recordCss(db: Database, patientId: string, by: Recorder, takenOn: string, present: readonly CssItemId[]) {
  const items = Object.fromEntries(CSS_ITEM_IDS.map((id) => [id, present.includes(id)])) as Record<CssItemId, boolean>;
  const score = scoreCss(items);
  const previous = await latestMeasure(db, patientId, "css");
  await insertMeasure(db, {
    patientId,
    kind: "css",
    takenOn,
    recordedBy: by.id,
    recordedByRole: by.role,
    score: score.total,
    result: {
      ...score,
      previousTotal: previous ? Number(previous.score) : null,
      previousTakenOn: previous?.takenOn ?? null,
      change: cssChange(previous ? Number(previous.score) : null, score.total),
    },
  });
}

async function recordPhq9(db: Database, patientId: string, by: Recorder, takenOn: string, answers: number[]) {
  const result = scorePhq9(answers);
  await insertMeasure(db, { patientId, kind: "phq9", takenOn, recordedBy: by.id, recordedByRole: by.role, score: result.total, result: { answers, ...result } });
}

async function recordGad7(db: Database, patientId: string, by: Recorder, takenOn: string, answers: number[]) {
  const result = scoreGad7(answers);
  await insertMeasure(db, { patientId, kind: "gad7", takenOn, recordedBy: by.id, recordedByRole: by.role, score: result.total, result: { answers, ...result } });
}

async function recordPsfs(db: Database, patientId: string, by: Recorder, takenOn: string, activities: PsfsActivity[]) {
  const result = scorePsfs(activities);
  await insertMeasure(db, { patientId, kind: "psfs", takenOn, recordedBy: by.id, recordedByRole: by.role, score: result.score, result: { activities, ...result } });
}

async function recordBudapest(db: Database, patientId: string, by: Recorder, takenOn: string, checklist: BudapestInput) {
  const evaluation = evaluateBudapest(checklist);
  await insertMeasure(db, {
    patientId,
    kind: "budapest",
    takenOn,
    recordedBy: by.id,
    recordedByRole: by.role,
    score: evaluation.symptomCategories,
    result: { checklist, evaluation },
  });
}

/* ---------------------------------------------------------------- Jordan: chronic, right leg, not improving */

const JORDAN_CSS_11: readonly CssItemId[] = [
  "symptom_allodynia_hyperpathia",
  "symptom_temperature_asymmetry",
  "symptom_colour_asymmetry",
  "symptom_trophic_changes",
  "symptom_motor_changes",
  "symptom_decreased_active_rom",
  "sign_hyperpathia_pinprick",
  "sign_allodynia",
  "sign_temperature_asymmetry",
  "sign_trophic_changes",
  "sign_decreased_active_rom",
];
const JORDAN_CSS_12: readonly CssItemId[] = [...JORDAN_CSS_11, "sign_colour_asymmetry"];

async function seedJordan(db: Database, ids: DemoIds, today: string): Promise<number> {
  const patientId = ids.patients.jordan;
  const ago = (days: number) => addDays(today, -days);
  // The seeded plan's items all start on the seed day, which would make conservative care look
  // brand new. Jordan's desensitization programme began before the plan was put into Concord, so
  // the OT records it with its real start date; that is what the pain rule measures from.
  await changePlan(
    db,
    patientId,
    { id: ids.users.ot, discipline: "occupational_therapist" },
    {
      type: "addIntervention",
      therapy: { therapyId: "desensitization" },
      goalIds: ["pain", "function"],
      startDate: ago(JORDAN_HISTORY.careStartedDaysAgo),
      note: "Started at the first OT visit, before the plan was moved into Concord.",
      details: {
        sets: 3,
        repetitions: 5,
        frequency: "twice a day",
        durationMinutes: 10,
        instructions: "Textures from soft to rough on the shin and foot; stop at a 4 out of 10 discomfort.",
      },
    },
    today,
  );

  const written = await seedCheckIns(db, {
    patientId,
    actorId: ids.users.jordan,
    today,
    firstDay: JORDAN_HISTORY.firstDay,
    missedDays: JORDAN_HISTORY.missedDays,
    limb: "right_leg",
    day(d) {
      // Average pain hovers between 6 and 7 with only a slight downward drift: no real improvement.
      const painAverage = clamp(Math.round(6.7 - 0.005 * (70 - d) + (unit(d * 3 + 1) - 0.5) * 1.1), 5, 8);
      const flare = unit(d * 7 + 2) > 0.85;
      const note =
        d === 47
          ? "Cold weather, the leg was burning all evening."
          : d === 12
            ? "Too sore to do the stairs practice this week."
            : d === 4
              ? "Skipped the exercises again, the foot is very sensitive."
              : undefined;
      return {
        painAverage,
        painNow: clamp(painAverage + Math.round((unit(d * 5 + 3) - 0.5) * 2), 0, 10),
        painWorst: clamp(painAverage + 1 + (flare ? 2 : Math.round(unit(d * 11 + 4))), 0, 10),
        sleepHours: 4.5 + Math.round(unit(d * 13 + 5) * 4) / 2,
        sleepQuality: clamp(3 + Math.round(unit(d * 17 + 6) * 2), 0, 10),
        mood: clamp(4 + Math.round((unit(d * 19 + 7) - 0.5) * 2), 0, 10),
        symptoms: {
          burningPain: true,
          allodynia: unit(d * 23 + 8) > 0.2,
          temperatureChange: unit(d * 29 + 9) > 0.4,
          colourChange: unit(d * 31 + 10) > 0.5,
          stiffness: true,
          swelling: flare,
        },
        ...(note ? { note } : {}),
      };
    },
    adherence(d, i, category) {
      const u = unit(d * 37 + i * 101 + 11);
      // Steady at first, slipping from week 6, then mostly skipped in the last two weeks (a flare).
      if (category === "medication") return d > 14 ? status(u, 0.9, 1) : status(u, 0.5, 0.75);
      if (d > 35) return status(u, 0.75, 0.92);
      if (d > 14) return status(u, 0.55, 0.8);
      return status(u, 0.15, 0.4);
    },
  });

  const physician = { id: ids.users.physician, role: "pain_physician" };
  const jordan = { id: ids.users.jordan, role: "patient" };
  await recordCss(db, patientId, physician, ago(63), JORDAN_CSS_11);
  await recordCss(db, patientId, physician, ago(35), JORDAN_CSS_12);
  await recordCss(db, patientId, physician, ago(7), JORDAN_CSS_12);
  const phq9 = [
    [2, 2, 2, 2, 1, 1, 1, 1, 0],
    [2, 2, 2, 2, 1, 2, 1, 1, 0],
    [2, 2, 1, 2, 1, 2, 1, 1, 0],
  ];
  const gad7 = [
    [2, 2, 1, 2, 1, 1, 1],
    [2, 2, 2, 2, 1, 1, 1],
    [2, 2, 1, 2, 1, 1, 1],
  ];
  for (const [i, daysAgo] of [62, 34, 6].entries()) {
    await recordPhq9(db, patientId, jordan, ago(daysAgo), phq9[i]!);
    await recordGad7(db, patientId, jordan, ago(daysAgo), gad7[i]!);
  }
  await recordPsfs(db, patientId, { id: ids.users.ot, role: "occupational_therapist" }, ago(28), [
    { activity: "Climbing stairs", score: 3 },
    { activity: "Walking to the shops", score: 4 },
    { activity: "Standing to cook a meal", score: 4 },
  ]);
  return written;
}

/* ---------------------------------------------------------------- Alex: early, left arm, improving */

const ALEX_CSS: readonly CssItemId[] = [
  "symptom_allodynia_hyperpathia",
  "symptom_temperature_asymmetry",
  "symptom_colour_asymmetry",
  "symptom_sweating_asymmetry",
  "symptom_asymmetric_oedema",
  "symptom_motor_changes",
  "symptom_decreased_active_rom",
  "sign_allodynia",
  "sign_temperature_asymmetry",
  "sign_colour_asymmetry",
  "sign_asymmetric_oedema",
  "sign_motor_changes",
  "sign_decreased_active_rom",
];

async function seedAlex(db: Database, ids: DemoIds, today: string): Promise<number> {
  const patientId = ids.patients.alex;
  const ago = (days: number) => addDays(today, -days);
  const physician = { id: ids.users.physician, role: "pain_physician" };
  await recordBudapest(db, patientId, physician, ago(21), {
    disproportionatePain: true,
    noBetterExplanation: true,
    symptoms: {
      sensory: ["hyperesthesia", "allodynia"],
      vasomotor: ["temperature_asymmetry", "skin_colour_change"],
      sudomotor_oedema: ["oedema"],
      motor_trophic: ["reduced_range_of_motion"],
    },
    signs: {
      sensory: ["allodynia_light_touch"],
      vasomotor: ["temperature_asymmetry", "skin_colour_asymmetry"],
      sudomotor_oedema: ["oedema"],
    },
  });
  await recordCss(db, patientId, physician, ago(21), ALEX_CSS);

  const written = await seedCheckIns(db, {
    patientId,
    actorId: ids.users.alex,
    today,
    firstDay: ALEX_HISTORY.firstDay,
    missedDays: ALEX_HISTORY.missedDays,
    limb: "left_arm",
    day(d) {
      // Average pain eases from about 7 to about 5 over the three weeks.
      const painAverage = clamp(Math.round(7.1 - (2.2 * (21 - d)) / 20 + (unit(d * 41 + 12) - 0.5) * 0.9), 0, 10);
      const note =
        d === 15
          ? "Mirror exercises were hard today, the hand tingled."
          : d === 3
            ? "Typed for half an hour at work without stopping."
            : d === 1
              ? "Typing at work was easier today."
              : undefined;
      return {
        painAverage,
        painNow: clamp(painAverage + Math.round((unit(d * 43 + 13) - 0.6) * 2), 0, 10),
        painWorst: clamp(painAverage + 1 + Math.round(unit(d * 47 + 14) * 1.4), 0, 10),
        sleepHours: 5.5 + Math.round(((21 - d) / 20) * 2 + unit(d * 53 + 15)) / 2,
        sleepQuality: clamp(4 + Math.round(((21 - d) / 20) * 2 + unit(d * 59 + 16)), 0, 10),
        mood: clamp(5 + Math.round(((21 - d) / 20) * 2 + (unit(d * 61 + 17) - 0.5)), 0, 10),
        symptoms: {
          burningPain: d > 7 || unit(d * 67 + 18) > 0.5,
          allodynia: d > 10 || unit(d * 71 + 19) > 0.6,
          swelling: d > 14,
          temperatureChange: unit(d * 73 + 20) > 0.3,
          colourChange: d > 12,
          stiffness: true,
        },
        ...(note ? { note } : {}),
      };
    },
    adherence(d, i) {
      return status(unit(d * 79 + i * 103 + 21), 0.85, 0.97);
    },
    sideEffect(d, itemName) {
      return d === 1 && itemName.startsWith("Pregabalin") ? "A bit drowsy in the morning." : undefined;
    },
  });

  await recordPhq9(db, patientId, { id: ids.users.alex, role: "patient" }, ago(14), [1, 1, 1, 1, 0, 1, 1, 0, 0]);
  return written;
}

/* ---------------------------------------------------------------- alerts, as the app raises them */

/**
 * What the app's alert evaluation does after a submission (packages/api evaluate-alerts; the db
 * package cannot import it): the same snapshot, the same rules, the same dedupe keys and cooldown.
 * The demo data raise only "review" alerts, which go to the worklist without notifications.
 */
async function raiseDemoAlerts(db: Database, patientId: string, today: string, timeZone: string): Promise<AlertRow[]> {
  const firings = evaluateRules(await ruleSnapshot(db, patientId, today));
  if (firings.some((f) => f.severity === "urgent")) {
    throw new Error("The demo history raised an urgent alert; urgent alerts need notifications, which the demo does not write.");
  }
  const raised = await raiseAlerts(db, patientId, firings, { today, timeZone, now: new Date() });
  return raised.map((r) => r.alert);
}

/* ---------------------------------------------------------------- conversations about Alex */

async function seedThread(
  db: Database,
  patientId: string,
  thread: { space: ThreadSpace; title: string; messages: Array<[authorId: string, body: string, at: Date]> },
): Promise<boolean> {
  const participants = await listMessagingParticipants(db, patientId);
  const inThread = thread.space === "team" ? participants.filter((p) => p.discipline !== null) : participants;
  const [firstAuthor] = thread.messages[0]!;
  const existing = await listThreads(db, { patientId, spaces: [thread.space], viewerId: firstAuthor, limit: 50 });
  if (existing.items.some((t) => t.title === thread.title)) return false;
  const row = await insertThread(db, { patientId, space: thread.space, title: thread.title, createdBy: firstAuthor, createdAt: thread.messages[0]![2] });
  for (const [authorId, body, createdAt] of thread.messages) {
    const mentions = parseMentions(body, inThread);
    if (mentions.unknown.length > 0) throw new Error(`Demo message mentions someone not in the conversation: ${mentions.unknown.join(", ")}`);
    const message = await insertMessage(db, { threadId: row.id, patientId, authorId, body, reference: null, createdAt });
    await insertMentions(
      db,
      mentions.userIds.filter((id) => id !== authorId).map((userId) => ({ messageId: message.id, userId, patientId })),
    );
    // Writing a message means having read the thread up to it, as in the app.
    await markThreadRead(db, { threadId: row.id, userId: authorId, lastReadMessageId: message.id });
  }
  return true;
}

async function seedAlexConversations(db: Database, ids: DemoIds, today: string): Promise<number> {
  const { physician, pt, psychologist, alex } = ids.users;
  // Spread over the last few days (UTC), so the conversation reads like one that happened.
  const at = (daysAgo: number, time: string) => new Date(`${addDays(today, -daysAgo)}T${time}:00Z`);
  let created = 0;
  const team = await seedThread(db, ids.patients.alex, {
    space: "team",
    title: DEMO_THREAD_TITLES.team,
    messages: [
      [
        physician,
        "The plan steps pregabalin up from 75 mg to 150 mg twice daily next week, if it is well tolerated. Average pain has eased from about 7 to 5 over three weeks and Alex reports no dizziness. Any concerns before I confirm?",
        at(3, "09:12"),
      ],
      [
        pt,
        "Mirror therapy is going well: Alex is accurate on left/right judgement, and imagined movements come next. Drowsiness would make that stage harder, so I would like to hear if it shows up after the increase.",
        at(3, "12:40"),
      ],
      [
        psychologist,
        "Sleep is better with the evening routine. @PT could you tell me if Alex seems more tired in the morning sessions after the dose change? Daytime sleepiness would change how I plan the CBT sessions.",
        at(2, "08:55"),
      ],
      [physician, "Thanks both. I will confirm the increase at next week's review and ask Alex to note any dizziness or drowsiness in the daily check-in.", at(1, "16:20")],
    ],
  });
  if (team) created++;
  const shared = await seedThread(db, ids.patients.alex, {
    space: "patient",
    title: DEMO_THREAD_TITLES.shared,
    messages: [
      [
        alex,
        "When I watch my right hand in the mirror, my left hand starts tingling and sometimes aches. Is that normal? Should I stop the exercise when it happens?",
        at(4, "19:05"),
      ],
      [
        pt,
        "Thanks for telling me, Alex. Tingling is common in the first weeks of mirror therapy. Keep each session to about 10 minutes and stop if the ache goes above 3 out of 10, then note it in your check-in. We will go through it together at your next session.",
        at(3, "08:30"),
      ],
    ],
  });
  if (shared) created++;
  return created;
}
