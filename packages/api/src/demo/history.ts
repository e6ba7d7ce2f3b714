import {
  type Actor,
  type BudapestInput,
  CSS_ITEM_IDS,
  type CheckIn,
  type ClinicSettings,
  type CssItemId,
  type PlanCommand,
  type PsfsActivity,
  type ThreadSpace,
  addDays,
  budapestInput,
  createThreadInput,
  cssInput,
  gad7Input,
  markThreadReadInput,
  phq9Input,
  postMessageInput,
  psfsInput,
  submitCheckInInput,
} from "@concord/domain";
import { type Database, type DatabaseKind, getCarePlan, listCheckIns, listThreads } from "@concord/db";
import { updateCarePlanInput } from "../use-cases/care-plan-inputs";
import { createThread } from "../use-cases/create-thread";
import { markThreadReadUpTo } from "../use-cases/mark-thread-read";
import { postMessage } from "../use-cases/post-message";
import { recordBudapest, recordCss, submitGad7, submitPhq9, submitPsfs } from "../use-cases/record-measure";
import { getCheckInForm, submitCheckIn } from "../use-cases/submit-check-in";
import { updateCarePlan } from "../use-cases/update-care-plan";
import { DEMO_TIME_ZONES, type DemoIds, type DemoKey, type DemoPatientKey, type DemoStaffKey, demoAccount, demoCalendarDay } from "./accounts";
import { DEMO_CLINIC_SETTINGS, DEMO_TIMELINE } from "./clinic";
import { atLocalTime, demoServices, patientScope, readAllNotifications } from "./replay";

/**
 * Demo history for the portal's first start: weeks of check-ins, measures, the alerts the rules
 * raise on them and two conversations, so a clinician evaluating Concord sees a realistic clinic.
 * It is replayed in date order through the same use cases a request calls, each as the person who
 * did it and at the moment they did it: a check-in 40 days ago was submitted that evening by the
 * patient, scored, stored and run through the rules as of that day, as the app would have done.
 * The test suites never load this: they need the bare demo clinic of `buildDemoClinic`.
 *
 * Idempotent: each part (a patient's progress, each conversation) is skipped when already present.
 */

export const JORDAN_HISTORY = {
  /** Check-ins run from this many days before today up to yesterday, minus the missed days. */
  firstDay: 70,
  missedDays: [66, 51, 44, 30, 19, 11] as readonly number[],
  /** Conservative care (the plan's exercises) started this many days ago, when the plan was made. */
  careStartedDaysAgo: DEMO_TIMELINE.clinicOpened,
  /** The OT added a desensitization programme this many days ago, when the daily check-ins began. */
  desensitizationAddedDaysAgo: 70,
} as const;

export const ALEX_HISTORY = { firstDay: 21, missedDays: [13] as readonly number[] } as const;

export const DEMO_THREAD_TITLES = { team: "Pregabalin titration", shared: "Mirror therapy questions" } as const;

/** What the history added; every figure is what the use cases reported back. */
export interface DemoHistoryResult {
  checkIns: { jordan: number; alex: number };
  measures: number;
  planChanges: number;
  /** Alerts the rules raised while the history was replayed (all "review": the demo has no emergencies). */
  alertsRaised: number;
  threads: number;
  messages: number;
}

export interface DemoHistoryOptions {
  /** The present moment: the history runs up to yesterday of the demo's calendar day. */
  now?: Date;
  settings?: ClinicSettings;
}

/** Deterministic value in [0, 1) for an integer seed (a 32-bit integer hash, so runs are repeatable). */
function unit(seed: number): number {
  let x = (seed ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function status(u: number, doneBelow: number, partlyBelow: number): "done" | "partly" | "skipped" {
  return u < doneBelow ? "done" : u < partlyBelow ? "partly" : "skipped";
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

/** One thing someone did, at the moment they did it. */
interface Happening {
  at: Date;
  run(db: Database): Promise<void>;
}

interface Replay {
  db: Database;
  ids: DemoIds;
  today: string;
  settings: ClinicSettings;
  result: DemoHistoryResult;
  actor(key: DemoKey): Actor;
  /** A day, `daysAgo` before the demo's calendar day. */
  ago(days: number): string;
}

export async function buildDemoHistory(handle: { db: Database; kind: DatabaseKind }, ids: DemoIds, options: DemoHistoryOptions = {}): Promise<DemoHistoryResult> {
  const now = options.now ?? new Date();
  const today = demoCalendarDay(now);
  const settings = options.settings ?? DEMO_CLINIC_SETTINGS;
  // Nobody sets a password or is invited here: hashing is never asked for.
  const { services } = demoServices(async () => {
    throw new Error("The demo history sets no passwords.");
  });
  return handle.db.transaction(async (tx) => {
    const replay: Replay = {
      db: tx,
      ids,
      today,
      settings,
      result: { checkIns: { jordan: 0, alex: 0 }, measures: 0, planChanges: 0, alertsRaised: 0, threads: 0, messages: 0 },
      actor: (key) => ({
        userId: ids.users[key],
        role: demoAccount(key).role,
        patientId: key in ids.patients ? ids.patients[key as DemoPatientKey] : null,
        active: true,
      }),
      ago: (days) => addDays(today, -days),
    };
    const happenings: Happening[] = [];
    if (!(await hasCheckIns(tx, ids.patients.jordan))) happenings.push(...jordan(replay, { dbKind: handle.kind, services }));
    if (!(await hasCheckIns(tx, ids.patients.alex))) happenings.push(...alex(replay));
    happenings.push(...(await alexConversations(replay)));
    // In date order, as it happened (a stable sort keeps each day's own order).
    happenings.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const happening of happenings) {
      if (happening.at.getTime() > now.getTime()) throw new Error("The demo history would write something in the future.");
      await happening.run(tx);
    }
    return replay.result;
  });
}

async function hasCheckIns(db: Database, patientId: string): Promise<boolean> {
  return (await listCheckIns(db, patientId, { limit: 1 })).items.length > 0;
}

/** One plan edit the way the plan editor makes it, by a team member as their discipline, against the version they saw. */
function planChange(r: Replay, patient: DemoPatientKey, author: DemoStaffKey, at: Date, command: PlanCommand): Happening {
  return {
    at,
    async run(db) {
      const patientId = r.ids.patients[patient];
      const scope = await patientScope(db, r.actor(author), patientId, "carePlan.edit");
      const discipline = scope.facts.careTeamDiscipline;
      if (!discipline) throw new Error(`${author} is not on the care team.`);
      const plan = await getCarePlan(db, patientId);
      const input = updateCarePlanInput.parse({ expectedVersion: plan?.version ?? 0, command });
      await updateCarePlan(db, r.actor(author), discipline, patientId, input, r.settings, at);
      r.result.planChanges++;
    },
  };
}

/**
 * Daily check-ins for the days `firstDay` … 1 before today (not today: the patient can still do
 * today's), each submitted that evening by the patient on the form the app shows them that day.
 */
function checkIns(
  r: Replay,
  params: {
    patient: DemoPatientKey;
    firstDay: number;
    missedDays: readonly number[];
    limb: "left_arm" | "right_leg";
    day(daysAgo: number): DayValues;
    adherence(daysAgo: number, itemIndex: number, category: string): "done" | "partly" | "skipped";
    /** Words the patient wrote under "Side effects" for a plan item that day, if any. */
    sideEffect?(daysAgo: number, itemName: string): string | undefined;
  },
): Happening[] {
  const patientId = r.ids.patients[params.patient];
  const zone = DEMO_TIME_ZONES[params.patient];
  const happenings: Happening[] = [];
  for (let daysAgo = params.firstDay; daysAgo >= 1; daysAgo--) {
    if (params.missedDays.includes(daysAgo)) continue;
    const date = r.ago(daysAgo);
    const at = atLocalTime(date, "20:30", zone);
    happenings.push({
      at,
      async run(db) {
        const patient = r.actor(params.patient);
        await patientScope(db, patient, patientId, "checkIn.submit");
        const form = await getCheckInForm(db, patientId, date);
        const { symptoms, note, ...values } = params.day(daysAgo);
        const { checkIn } = submitCheckInInput.parse({
          patientId,
          checkIn: {
            date,
            ...values,
            symptoms,
            chestPainOrBreathlessness: false,
            suddenSwelling: false,
            coldPaleLimb: false,
            signsOfInfection: false,
            newLimbAffected: false,
            ...(form.asksAboutProcedure ? { neuroDeficitAfterProcedure: false } : {}),
            bodyLocations: [{ site: params.limb }],
            adherence: form.adherenceItems.map((item, i) => {
              const sideEffects = params.sideEffect?.(daysAgo, item.name);
              return { interventionId: item.interventionId, status: params.adherence(daysAgo, i, item.category), ...(sideEffects ? { sideEffects } : {}) };
            }),
            ...(note ? { note } : {}),
          },
        });
        const saved = await submitCheckIn(db, patient, patientId, checkIn, { kind: "create" }, r.settings, at);
        if (saved.redFlagAdvice || saved.emergency) throw new Error("A demo check-in answered a red flag; the demo story has no emergencies.");
        r.result.checkIns[params.patient as "jordan" | "alex"]++;
        r.result.alertsRaised += saved.alertsRaised;
      },
    });
  }
  return happenings;
}

/* ---------------------------------------------------------------- measures, as the measure forms record them */

type Recorded = { alertsRaised: number };

/** A measure recorded by `by` under the permission its procedure names (a clinical measure, or a questionnaire). */
function measure(
  r: Replay,
  patient: DemoPatientKey,
  by: DemoKey,
  at: Date,
  permission: "measure.record" | "questionnaire.submit",
  record: (db: Database, actor: Actor, patientId: string) => Promise<Recorded>,
): Happening {
  return {
    at,
    async run(db) {
      const patientId = r.ids.patients[patient];
      const actor = r.actor(by);
      await patientScope(db, actor, patientId, permission);
      const saved = await record(db, actor, patientId);
      r.result.measures++;
      r.result.alertsRaised += saved.alertsRaised;
    },
  };
}

function cssRecord(r: Replay, patient: DemoPatientKey, by: DemoStaffKey, daysAgo: number, present: readonly CssItemId[]): Happening {
  const takenOn = r.ago(daysAgo);
  const at = atLocalTime(takenOn, "11:00", DEMO_TIME_ZONES[patient]);
  return measure(r, patient, by, at, "measure.record", (db, actor, patientId) => {
    const { patientId: _p, ...input } = cssInput.parse({ patientId, takenOn, items: Object.fromEntries(CSS_ITEM_IDS.map((id) => [id, present.includes(id)])) });
    return recordCss(db, actor, patientId, input, r.settings, at);
  });
}

function questionnaire(r: Replay, patient: DemoPatientKey, by: DemoKey, kind: "phq9" | "gad7", daysAgo: number, answers: number[]): Happening {
  const takenOn = r.ago(daysAgo);
  const at = atLocalTime(takenOn, kind === "phq9" ? "19:00" : "19:10", DEMO_TIME_ZONES[patient]);
  return measure(r, patient, by, at, "questionnaire.submit", async (db, actor, patientId) => {
    if (kind === "phq9") {
      const { patientId: _p, ...input } = phq9Input.parse({ patientId, takenOn, answers });
      const saved = await submitPhq9(db, actor, patientId, input, r.settings, at);
      if (saved.crisisResources) throw new Error("A demo PHQ-9 answered item 9 above 0; the demo story has no emergencies.");
      return saved;
    }
    const { patientId: _p, ...input } = gad7Input.parse({ patientId, takenOn, answers });
    return submitGad7(db, actor, patientId, input, r.settings, at);
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

function jordan(r: Replay, context: { dbKind: DatabaseKind; services: ReturnType<typeof demoServices>["services"] }): Happening[] {
  const zone = DEMO_TIME_ZONES.jordan;
  const added = r.ago(JORDAN_HISTORY.desensitizationAddedDaysAgo);
  const happenings: Happening[] = [
    // The OT adds a desensitization programme at a visit, the day Jordan starts the daily check-ins.
    planChange(r, "jordan", "ot", atLocalTime(added, "09:00", zone), {
      type: "addIntervention",
      therapy: { therapyId: "desensitization" },
      goalIds: ["pain", "function"],
      note: "Started at the OT visit; Jordan checks in daily from today.",
      details: {
        sets: 3,
        repetitions: 5,
        frequency: "twice a day",
        durationMinutes: 10,
        instructions: "Textures from soft to rough on the shin and foot; stop at a 4 out of 10 discomfort.",
      },
    }),
    // Those told of the change read about it that day.
    {
      at: atLocalTime(added, "17:00", zone),
      async run(db) {
        for (const person of ["physician", "pt", "psychologist", "jordan"] as const) {
          await readAllNotifications(db, r.actor(person), { settings: r.settings, services: context.services, dbKind: context.dbKind });
        }
      },
    },
  ];

  happenings.push(
    ...checkIns(r, {
      patient: "jordan",
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
    }),
  );

  happenings.push(cssRecord(r, "jordan", "physician", 63, JORDAN_CSS_11), cssRecord(r, "jordan", "physician", 35, JORDAN_CSS_12), cssRecord(r, "jordan", "physician", 7, JORDAN_CSS_12));
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
    happenings.push(questionnaire(r, "jordan", "jordan", "phq9", daysAgo, phq9[i] as number[]), questionnaire(r, "jordan", "jordan", "gad7", daysAgo, gad7[i] as number[]));
  }
  const psfsDay = r.ago(28);
  const psfsAt = atLocalTime(psfsDay, "11:30", zone);
  const activities: PsfsActivity[] = [
    { activity: "Climbing stairs", score: 3 },
    { activity: "Walking to the shops", score: 4 },
    { activity: "Standing to cook a meal", score: 4 },
  ];
  happenings.push(
    measure(r, "jordan", "ot", psfsAt, "questionnaire.submit", (db, actor, patientId) => {
      const { patientId: _p, ...input } = psfsInput.parse({ patientId, takenOn: psfsDay, activities });
      return submitPsfs(db, actor, patientId, input, r.settings, psfsAt);
    }),
  );
  return happenings;
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

const ALEX_BUDAPEST: BudapestInput = {
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
};

function alex(r: Replay): Happening[] {
  const diagnosed = r.ago(ALEX_HISTORY.firstDay);
  // The physician records the diagnostic checklist and a CSS at the visit where the plan was made.
  const budapestAt = atLocalTime(diagnosed, "11:00", DEMO_TIME_ZONES.alex);
  const happenings: Happening[] = [
    measure(r, "alex", "physician", budapestAt, "measure.record", (db, actor, patientId) => {
      const { patientId: _p, ...input } = budapestInput.parse({ patientId, takenOn: diagnosed, ...ALEX_BUDAPEST });
      return recordBudapest(db, actor, patientId, input, r.settings, budapestAt);
    }),
    cssRecord(r, "alex", "physician", ALEX_HISTORY.firstDay, ALEX_CSS),
    ...checkIns(r, {
      patient: "alex",
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
    }),
    questionnaire(r, "alex", "alex", "phq9", 14, [1, 1, 1, 1, 0, 1, 1, 0, 0]),
  ];
  return happenings;
}

/* ---------------------------------------------------------------- conversations about Alex */

interface DemoThread {
  space: ThreadSpace;
  title: string;
  messages: Array<[author: DemoKey, body: string, at: Date]>;
}

/**
 * A conversation as it happened: its first author opens it, and each later author opens the thread
 * (reading what came before, which settles their notifications of it) a few minutes before replying.
 */
async function conversation(r: Replay, patient: DemoPatientKey, thread: DemoThread): Promise<Happening[]> {
  const patientId = r.ids.patients[patient];
  const [first, ...replies] = thread.messages;
  if (!first) return [];
  const existing = await listThreads(r.db, { patientId, spaces: [thread.space], viewerId: r.ids.users[first[0]], limit: 50 });
  if (existing.items.some((t) => t.title === thread.title)) return [];
  const state = { threadId: "", lastMessageId: 0 };
  const happenings: Happening[] = [
    {
      at: first[2],
      async run(db) {
        const actor = r.actor(first[0]);
        const scope = await patientScope(db, actor, patientId, "thread.create");
        const input = createThreadInput.parse({ space: thread.space, title: thread.title, body: first[1] });
        const created = await createThread(db, actor, demoAccount(first[0]).name, scope, input, first[2]);
        state.threadId = created.threadId;
        state.lastMessageId = created.messageId;
        r.result.threads++;
        r.result.messages++;
      },
    },
  ];
  for (const [author, body, at] of replies) {
    const opened = new Date(at.getTime() - 5 * 60_000);
    happenings.push(
      {
        at: opened,
        async run(db) {
          const actor = r.actor(author);
          const scope = await patientScope(db, actor, patientId, "message.read");
          await markThreadReadUpTo(db, actor, scope, markThreadReadInput.parse({ threadId: state.threadId, lastReadMessageId: state.lastMessageId }), opened);
        },
      },
      {
        at,
        async run(db) {
          const actor = r.actor(author);
          const scope = await patientScope(db, actor, patientId, "message.post");
          const posted = await postMessage(db, actor, demoAccount(author).name, scope, postMessageInput.parse({ threadId: state.threadId, body }), at);
          state.lastMessageId = posted.id;
          r.result.messages++;
        },
      },
    );
  }
  return happenings;
}

async function alexConversations(r: Replay): Promise<Happening[]> {
  // Spread over the last few days (UTC), so the conversation reads like one that happened.
  const at = (daysAgo: number, time: string) => new Date(`${r.ago(daysAgo)}T${time}:00Z`);
  const team = await conversation(r, "alex", {
    space: "team",
    title: DEMO_THREAD_TITLES.team,
    messages: [
      [
        "physician",
        "The plan steps pregabalin up from 75 mg to 150 mg twice daily next week, if it is well tolerated. Average pain has eased from about 7 to 5 over three weeks and Alex reports no dizziness. Any concerns before I confirm?",
        at(3, "09:12"),
      ],
      [
        "pt",
        "Mirror therapy is going well: Alex is accurate on left/right judgement, and imagined movements come next. Drowsiness would make that stage harder, so I would like to hear if it shows up after the increase.",
        at(3, "12:40"),
      ],
      [
        "psychologist",
        "Sleep is better with the evening routine. @PT could you tell me if Alex seems more tired in the morning sessions after the dose change? Daytime sleepiness would change how I plan the CBT sessions.",
        at(2, "08:55"),
      ],
      ["physician", "Thanks both. I will confirm the increase at next week's review and ask Alex to note any dizziness or drowsiness in the daily check-in.", at(1, "16:20")],
    ],
  });
  const shared = await conversation(r, "alex", {
    space: "patient",
    title: DEMO_THREAD_TITLES.shared,
    messages: [
      [
        "alex",
        "When I watch my right hand in the mirror, my left hand starts tingling and sometimes aches. Is that normal? Should I stop the exercise when it happens?",
        at(4, "19:05"),
      ],
      [
        "pt",
        "Thanks for telling me, Alex. Tingling is common in the first weeks of mirror therapy. Keep each session to about 10 minutes and stop if the ache goes above 3 out of 10, then note it in your check-in. We will go through it together at your next session.",
        at(3, "08:30"),
      ],
    ],
  });
  return [...team, ...shared];
}
