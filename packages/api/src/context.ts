import type { Actor, ClinicSettings } from "@concord/domain";
import type { Database, DatabaseKind } from "@concord/db";
import type { EventBus } from "./realtime/event-bus";
import type { Services } from "./services";

export interface Context {
  db: Database;
  dbKind: DatabaseKind;
  actor: Actor | null;
  actorName: string | null;
  sessionId: string | null;
  /** The deployment's clinic settings (default time zone, crisis region): required, so no caller can forget them. */
  settings: ClinicSettings;
  /** Password hashing, the mailer and the public URL: required, so no caller can start without them. */
  services: Services;
  /** Real-time event bus of this instance; absent in callers that do not subscribe. */
  events?: EventBus;
}
