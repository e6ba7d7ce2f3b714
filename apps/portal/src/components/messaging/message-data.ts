import type { RouterOutputs } from "@concord/api";

/*
 * What a conversation is made of, as the API answers it, with no client library: shared by the care team's
 * view (which keeps messages in the query cache, thread-cache.ts) and the patient's (server page + actions).
 */
export type MessagePage = RouterOutputs["messaging"]["messages"];
export type Message = MessagePage["items"][number];
export type ThreadSummary = RouterOutputs["messaging"]["threads"]["items"][number];
export type ThreadDetail = RouterOutputs["messaging"]["thread"];

export const PAGE_SIZE = 30;

/** Newest first (as pages arrive); a message already loaded is replaced by its newer version. */
export function upsert(list: readonly Message[], message: Message): Message[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index >= 0) return list.map((m, i) => (i === index ? message : m));
  return [message, ...list].sort((a, b) => b.id - a.id);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A change or read whose request itself failed (offline, the server unreachable): nothing was changed. */
export const UNREACHABLE = "The server could not be reached. Nothing was sent; please try again.";
