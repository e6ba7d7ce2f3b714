import { type Actor, type ClinicSettings, type Permission, decide, startOfLocalDay } from "@concord/domain";
import type { Database, DatabaseKind } from "@concord/db";
import { type PatientScope, authorizePatientAccess } from "../access";
import { type ProcedureAudit, procedureAudit } from "../audit";
import { linkFromRawEmail } from "../accounts/eml";
import type { OutgoingEmail } from "../mail/mailer";
import { createCaller } from "../root";
import type { Services } from "../services";

/**
 * What the demo builders share: they act as the demo's people, through the same access rule and
 * use cases a request meets, at the moment each thing happened.
 */

/** The instant of `time` (HH:MM) on `day` in `timeZone`: when a demo person did something on their own clock. */
export function atLocalTime(day: string, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return new Date(startOfLocalDay(day, timeZone).getTime() + (hours * 60 + minutes) * 60_000);
}

/**
 * A global permission (inviting, registering, team assignment), decided as `globalProcedure` decides
 * it; answers the audit identity the procedure at `path` would hand its use case.
 */
export function allowGlobal(actor: Actor, permission: Permission, path: string): ProcedureAudit {
  const decision = decide(actor, permission);
  if (!decision.allowed) throw new Error(`The demo asked ${actor.role} ${actor.userId} to do what ${permission} does not allow: ${decision.reason}.`);
  return procedureAudit(actor, path);
}

/** The actor's scope on one patient: the same access decision `patientProcedure` asks. */
export async function patientScope(db: Database, actor: Actor, patientId: string, permission: Permission): Promise<PatientScope> {
  const access = await authorizePatientAccess(db, actor, permission, patientId);
  if (!access.allowed) throw new Error(`The demo asked ${actor.role} ${actor.userId} to do what ${permission} does not allow on ${patientId}: ${access.reason}.`);
  return access.scope;
}

/**
 * Services for building the demo: the caller's password hashing and a mailbox that keeps the
 * invitations instead of sending them, so each demo person can open their own link and set their
 * password as a real invitee does. Nothing reaches an outbox or a mail server.
 */
export function demoServices(hashPassword: Services["hashPassword"]) {
  const inbox: OutgoingEmail[] = [];
  const services: Services = {
    hashPassword,
    verifyPassword: async () => false,
    mailer: {
      async send(message) {
        inbox.push(message);
        return { via: "outbox", location: null };
      },
    },
    publicUrl: "http://concord.demo.invalid",
  };
  /** The token of the newest invitation link sent to `email`. */
  const invitationToken = (email: string): string => {
    const message = inbox.findLast((m) => m.to === email);
    const link = message ? linkFromRawEmail(message.text) : null;
    const token = link?.split("/").pop();
    if (!token) throw new Error(`No invitation reached ${email}.`);
    return token;
  };
  return { services, invitationToken };
}

/**
 * A person opening their notification centre and marking everything read, through the same
 * procedure the portal's button calls (it has no use case of its own), so what they were told
 * while the demo's past was replayed is old news by the time anyone signs in.
 */
export async function readAllNotifications(db: Database, actor: Actor, context: { settings: ClinicSettings; services: Services; dbKind: DatabaseKind }) {
  const caller = createCaller({ db, dbKind: context.dbKind, actor, actorName: null, sessionId: null, settings: context.settings, services: context.services });
  await caller.notifications.markRead({});
}
