import type { MessageEventKind } from "@concord/domain";
import { type MessageView, getMessagesByIds, listPatientEventsAfter } from "@concord/db";
import { visibleSpaces } from "../use-cases/message-access";
import { EVENT_BATCH, type PatientStreamParams, authorizedEventLoop } from "./authorized-event-loop";

export type MessagingEvent =
  | { kind: Exclude<MessageEventKind, "message.read">; threadId: string; message: MessageView }
  | { kind: "message.read"; threadId: string };

/**
 * One subscriber's stream of a patient's messaging events. The shared loop checks the session and access
 * again before each batch (a patient never gets team-space events); every message is re-read through the
 * scoped query, in the spaces the access just granted allows, before it is sent.
 */
export function patientEventStream(params: PatientStreamParams) {
  return authorizedEventLoop<MessagingEvent>(params, async ({ live, scope, afterId }) => {
    const spaces = visibleSpaces(live, scope.facts);
    const { patientId } = scope;
    const events = await listPatientEventsAfter(params.db, { patientId, afterId, spaces, limit: EVENT_BATCH });
    const messageIds = [...new Set(events.flatMap((e) => (e.messageId && (e.kind === "message.created" || e.kind === "message.updated") ? [e.messageId] : [])))];
    const messages = new Map((await getMessagesByIds(params.db, { patientId, spaces, ids: messageIds })).map((m) => [m.id, m]));
    const send: Array<{ eventId: number; data: MessagingEvent }> = [];
    for (const event of events) {
      if ((event.kind === "message.created" || event.kind === "message.updated") && event.messageId && event.threadId) {
        const message = messages.get(event.messageId);
        if (message) send.push({ eventId: event.id, data: { kind: event.kind, threadId: event.threadId, message } });
      } else if (event.kind === "message.read" && event.threadId) {
        send.push({ eventId: event.id, data: { kind: "message.read", threadId: event.threadId } });
      }
    }
    return { lastEventId: events.at(-1)?.id ?? null, read: events.length, send };
  });
}
