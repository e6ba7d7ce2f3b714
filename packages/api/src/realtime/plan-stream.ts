import { DISCIPLINE_LABELS } from "@concord/domain";
import { type Database, getCarePlan, getCareTeam, listCarePlanRevisionsSince, listPatientEventsAfter } from "@concord/db";
import { EVENT_BATCH, type PatientStreamParams, authorizedEventLoop } from "./authorized-event-loop";

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

/**
 * One subscriber's stream of "this patient's care plan changed". The event log row carries ids only;
 * what is sent is re-read from the plan itself, and the shared loop checks the session and access again
 * before each batch. Several changes in one batch collapse into one event naming the newest version.
 */
export function planEventStream(params: PatientStreamParams) {
  return authorizedEventLoop<PlanUpdatedEvent>(params, async ({ scope, afterId }) => {
    // Plan events are written for the team's audience only.
    const events = await listPatientEventsAfter(params.db, { patientId: scope.patientId, afterId, spaces: ["team"], limit: EVENT_BATCH });
    const newestPlanEvent = events.findLast((e) => e.kind === "plan.updated");
    const update = newestPlanEvent ? await currentUpdate(params.db, scope.patientId, params.actor.userId) : null;
    return {
      lastEventId: events.at(-1)?.id ?? null,
      read: events.length,
      send: newestPlanEvent && update ? [{ eventId: newestPlanEvent.id, data: update }] : [],
    };
  });
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
