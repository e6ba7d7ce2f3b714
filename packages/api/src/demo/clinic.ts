import {
  type Actor,
  type ClinicSettings,
  acceptInvitationInput,
  addDays,
  clinicSettingsSchema,
  inviteUserInput,
  registerPatientInput,
} from "@concord/domain";
import { type Database, type DatabaseKind, insertUser } from "@concord/db";
import { acceptInvitation } from "../use-cases/accept-invitation";
import { updateCarePlanInput } from "../use-cases/care-plan-inputs";
import { inviteUser } from "../use-cases/invite-user";
import { assignCareTeamMember } from "../use-cases/manage-care-team";
import { registerPatient } from "../use-cases/register-patient";
import { updateCarePlan } from "../use-cases/update-care-plan";
import { DEMO_PASSWORD, DEMO_TIME_ZONES, type DemoIds, type DemoKey, type DemoPatientKey, type DemoStaffKey, demoAccount, demoCalendarDay } from "./accounts";
import { type PlanStep, demoPlanSteps } from "./plans";
import { allowGlobal, atLocalTime, demoServices, patientScope, readAllNotifications } from "./replay";

/**
 * When the demo clinic's records were made, in days before the demo's calendar day. The clinic
 * opened, with Jordan's plan, twelve weeks and ten days ago, so the plan's first review (twelve
 * weeks after it was made) is ten days overdue; Alex was diagnosed and given a plan three weeks ago.
 */
export const DEMO_TIMELINE = { clinicOpened: 94, alexDiagnosed: 21 } as const;

/** The demo clinic's settings when the caller has none: a clinic in New York, United States crisis resources. */
export const DEMO_CLINIC_SETTINGS: ClinicSettings = clinicSettingsSchema.parse({ timeZone: DEMO_TIME_ZONES.jordan, crisisRegion: "us" });

export interface DemoClinicOptions {
  hashPassword: (plain: string) => Promise<string>;
  /** The present moment: the clinic's past is dated back from it. */
  now?: Date;
  /** Everyone's password (default DEMO_PASSWORD); it must pass the password policy. */
  password?: string;
  settings?: ClinicSettings;
}

const PATIENTS: Record<DemoPatientKey, { dateOfBirth: string; diagnosisCode: string; onsetDaysAgo: number; phone: string }> = {
  // Fictional numbers only: 555-01xx (North America) and Ofcom's drama range (UK).
  alex: { dateOfBirth: "1988-04-12", diagnosisCode: "G90.512", onsetDaysAgo: 95, phone: "+1 415 555 0142" },
  jordan: { dateOfBirth: "1975-09-30", diagnosisCode: "G90.521", onsetDaysAgo: 800, phone: "+1 212 555 0187" },
  casey: { dateOfBirth: "1996-01-22", diagnosisCode: "G57.71", onsetDaysAgo: 240, phone: "+44 20 7946 0321" },
};

const STAFF_INVITED: readonly DemoStaffKey[] = ["physician", "pt", "ot", "psychologist", "outsider", "unassigned", "compliance"];
/** Who joins Alex's and Jordan's team after the registering physician. */
const TEAM_JOINING: readonly DemoStaffKey[] = ["pt", "ot", "psychologist"];

/**
 * The demo clinic, made the way a clinic is made in Concord: the administrator invites the staff,
 * a pain physician registers each patient (joining their care team), the administrator completes
 * the teams, everyone sets their password through their own invitation, and the team builds each
 * plan one edit at a time through the plan editor's use case, each as their own discipline, on the
 * day it happened. One complete care team (physician, PT, OT, psychologist) looks after Alex (early
 * CRPS) and Jordan (chronic); Casey is on another physician's team; one clinician is on no team.
 */
export async function buildDemoClinic(handle: { db: Database; kind: DatabaseKind }, options: DemoClinicOptions): Promise<DemoIds> {
  const now = options.now ?? new Date();
  const today = demoCalendarDay(now);
  const password = options.password ?? DEMO_PASSWORD;
  const settings = options.settings ?? DEMO_CLINIC_SETTINGS;
  const { services, invitationToken } = demoServices(options.hashPassword);
  const opened = addDays(today, -DEMO_TIMELINE.clinicOpened);
  const alexDay = addDays(today, -DEMO_TIMELINE.alexDiagnosed);
  const plans = demoPlanSteps(today, { alexPlanMade: alexDay });

  return handle.db.transaction(async (tx) => {
    const users = {} as Record<DemoKey, string>;
    const patients = {} as Record<DemoPatientKey, string>;
    const actor = (key: DemoKey): Actor => ({
      userId: users[key],
      role: demoAccount(key).role,
      patientId: key in patients ? patients[key as DemoPatientKey] : null,
      active: true,
    });
    const setPassword = async (key: DemoKey, at: Date) => {
      const token = invitationToken(demoAccount(key).email);
      await acceptInvitation({ db: tx, input: acceptInvitationInput.parse({ token, password, confirm: password }), services, now: at });
    };

    // No use case makes a clinic's first administrator (an administrator invites everyone else), so
    // the demo's first account is a bootstrap insert with its password, as an installer would make it.
    const admin = demoAccount("admin");
    users.admin = (await insertUser(tx, { email: admin.email, name: admin.name, role: admin.role, passwordHash: await options.hashPassword(password) })).id;

    const zone = DEMO_TIME_ZONES.jordan;
    for (const [i, key] of STAFF_INVITED.entries()) {
      const account = demoAccount(key);
      const at = atLocalTime(opened, `08:${String(i * 5).padStart(2, "0")}`, zone);
      const audit = allowGlobal(actor("admin"), "admin.user.create", "admin.users.invite");
      const invited = await inviteUser({
        db: tx,
        actor: actor("admin"),
        audit,
        input: inviteUserInput.parse({ email: account.email, name: account.name, role: account.role }),
        services,
        settings,
        now: at,
      });
      users[key] = invited.id;
      await setPassword(key, new Date(at.getTime() + 3 * 60_000));
    }

    const register = async (key: DemoPatientKey, by: DemoStaffKey, at: Date) => {
      const account = demoAccount(key);
      const facts = PATIENTS[key];
      const audit = allowGlobal(actor(by), "patient.register", "patients.register");
      const registered = await registerPatient({
        db: tx,
        actor: actor(by),
        audit,
        input: registerPatientInput.parse({
          email: account.email,
          name: account.name,
          timeZone: DEMO_TIME_ZONES[key],
          patient: { dateOfBirth: facts.dateOfBirth, diagnosisCode: facts.diagnosisCode, onsetDate: addDays(today, -facts.onsetDaysAgo), phone: facts.phone },
        }),
        services,
        settings,
        now: at,
      });
      users[key] = registered.id;
      patients[key] = registered.patientId as string;
    };
    const completeTeam = async (key: DemoPatientKey, at: Date) => {
      for (const [i, member] of TEAM_JOINING.entries()) {
        const audit = allowGlobal(actor("admin"), "admin.careTeam.manage", "admin.careTeams.assign");
        await assignCareTeamMember(tx, actor("admin"), audit, { patientId: patients[key], clinicianId: users[member] }, new Date(at.getTime() + i * 60_000));
      }
    };
    const buildPlan = async (key: DemoPatientKey, day: string, steps: PlanStep[]) => {
      let version = 0;
      for (const [i, [author, command]] of steps.entries()) {
        const scope = await patientScope(tx, actor(author), patients[key], "carePlan.edit");
        const discipline = scope.facts.careTeamDiscipline;
        if (!discipline) throw new Error(`${author} is not on ${key}'s care team.`);
        const at = atLocalTime(day, `10:${String(i * 5).padStart(2, "0")}`, DEMO_TIME_ZONES[key]);
        const saved = await updateCarePlan(tx, actor(author), discipline, patients[key], updateCarePlanInput.parse({ expectedVersion: version, command }), settings, at);
        version = saved.version;
      }
      // By the end of that day everyone told about the new plan has read about it.
      for (const person of ["physician", ...TEAM_JOINING, key] as const) {
        await readAllNotifications(tx, actor(person), { settings, services, dbKind: handle.kind });
      }
    };

    // The clinic opens: Jordan (chronic) comes with a plan from before; Casey is the other physician's patient.
    await register("jordan", "physician", atLocalTime(opened, "09:00", zone));
    await register("casey", "outsider", atLocalTime(opened, "09:10", zone));
    await completeTeam("jordan", atLocalTime(opened, "09:15", zone));
    await setPassword("jordan", atLocalTime(opened, "09:20", zone));
    await setPassword("casey", atLocalTime(opened, "09:30", zone));
    await buildPlan("jordan", opened, plans.jordan);

    // Alex is diagnosed, registered and given a plan the same day.
    await register("alex", "physician", atLocalTime(alexDay, "09:00", DEMO_TIME_ZONES.alex));
    await completeTeam("alex", atLocalTime(alexDay, "09:05", DEMO_TIME_ZONES.alex));
    await setPassword("alex", atLocalTime(alexDay, "09:20", DEMO_TIME_ZONES.alex));
    await buildPlan("alex", alexDay, plans.alex);

    return { users, patients };
  });
}
