import type { Actor } from "@concord/domain";
import type { Database, DatabaseKind } from "@concord/db";

export interface Context {
  db: Database;
  dbKind: DatabaseKind;
  actor: Actor | null;
  actorName: string | null;
  sessionId: string | null;
  /** Real-time event bus of this instance; absent in callers that do not subscribe. */
  events?: unknown;
}

export function createContext(init: Context): Context {
  return init;
}
