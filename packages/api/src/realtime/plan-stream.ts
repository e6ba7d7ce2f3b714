import { tracked } from "@trpc/server";
import { type Actor, DISCIPLINE_LABELS } from "@concord/domain";
import { type Database, getCarePlan, getCareTeam, latestRealtimeEventId, listCarePlanRevisionsSince, listPatientEventsAfter, subscriberStillValid } from "@concord/db";
import { type PatientScope, authorizePatientAccess } from "../access";
import { type EventBus, requireEventBus } from "./event-bus";

/** What the plan page hears: the plan moved on to `version`, last changed by this person. */
export interface PlanUpdatedEvent {
  kind: "plan.updated";
  version: number;
  authorName: string;
  /** The author's discipline on this patient's team; null when they have left it since. */
  authorDiscipline: string | null;
  /** The subscriber's own save (another tab of theirs): the page does not announce it as someone else's. */
  byYou: boolean;
}

/** Even with no NOTIFY (listener reconnecting), a stream catches up at least this often. */
const SAFETY_POLL_MS = 15_000;
const BATCH = 200;

/**
 * One subscriber's stream of "this patient's care plan changed". The event log row carries ids only;
 * before each batch the subscriber's session and `authorizePatientAccess` are checked again (a
 * clinician taken off the team stops hearing at once), and what is sent is re-read from the plan
 * itself. Several changes in one batch collapse into one event naming the newest version.
 */
export async function* planEventStream(params: {
  db: Database;
  bus: EventBus | undefined;
  actor: Actor;
  sessionId: string | null;
  scope: PatientScope;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}) {
  const { db, actor, scope } = params;
  const bus = requireEventBus(params.bus);
  const { patientId } = scope;
  const signal = params.signal ?? new AbortController().signal;
  // Listen before reading the backlog: nothing committed in between can slip past.
  const waiter = bus.waiter((hint) => hint.patientId === patientId);
  try {
    let cursor = params.lastEventId ? Number(params.lastEventId) : await latestRealtimeEventId(db);
    while (!signal.aborted) {
      const live: Actor = { ...actor, active: true };
      const [valid, access] = await Promise.all([
        subscriberStillValid(db, { userId: actor.userId, sessionId: params.sessionId }),
        authorizePatientAccess(db, live, scope.permission, patientId),
      ]);
      if (!valid || !access.allowed) return;
      // Plan events are written for the team's audience only.
      const events = await listPatientEventsAfter(db, { patientId, afterId: cursor, spaces: ["team"], limit: BATCH });
      const last = events[events.length - 1];
      if (last) cursor = last.id;
      const newestPlanEvent = events.findLast((e) => e.kind === "plan.updated");
      if (newestPlanEvent) {
        const update = await currentUpdate(db, patientId, actor.userId);
        if (update) yield tracked(String(newestPlanEvent.id), update);
      }
      if (events.length === BATCH) continue;
      await waiter.wait(signal, SAFETY_POLL_MS);
    }
  } finally {
    waiter.close();
  }
}

/** The plan's version now and who saved it: a fixed three reads, whatever the batch held. */
async function currentUpdate(db: Database, patientId: string, subscriberId: string): Promise<PlanUpdatedEvent | null> {
  const plan = await getCarePlan(db, patientId);
  if (!plan || plan.version === 0) return null;
  const [latest] = await listCarePlanRevisionsSince(db, plan.id, plan.version - 1, 1);
  if (!latest) return null;
  const member = (await getCareTeam(db, patientId)).find((m) => m.clinicianId === latest.authorId);
  return {
    kind: "plan.updated",
    version: latest.version,
    authorName: latest.authorName,
    authorDiscipline: member ? DISCIPLINE_LABELS[member.discipline] : null,
    byYou: latest.authorId === subscriberId,
  };
}
