import { sql } from "drizzle-orm";
import { todayInZone } from "@concord/domain";
import { type Database, queryRows } from "./client";
import { addCareTeamMember, insertPatient } from "./queries/patients";
import { seedCarePlans } from "./seed-care-plan";
import { insertUser } from "./queries/users";
import { users } from "./schema/index";

export const DEMO_PASSWORD = "concord-demo-2026";

export const DEMO_ACCOUNTS = [
  { key: "physician", email: "physician@concord.demo", name: "Dr. Maya Okafor", role: "pain_physician" },
  { key: "pt", email: "pt@concord.demo", name: "Sam Lindqvist", role: "physical_therapist" },
  { key: "ot", email: "ot@concord.demo", name: "Priya Raman", role: "occupational_therapist" },
  { key: "psychologist", email: "psychologist@concord.demo", name: "Dr. Jonah Weiss", role: "psychologist" },
  { key: "outsider", email: "outside@concord.demo", name: "Dr. Elena Vargas", role: "pain_physician" },
  { key: "unassigned", email: "unassigned@concord.demo", name: "Tom Becker", role: "physical_therapist" },
  { key: "admin", email: "admin@concord.demo", name: "Riley Admin", role: "admin" },
  { key: "compliance", email: "compliance@concord.demo", name: "Noor Haddad", role: "compliance_officer" },
  { key: "alex", email: "alex@concord.demo", name: "Alex Morgan", role: "patient" },
  { key: "jordan", email: "jordan@concord.demo", name: "Jordan Lee", role: "patient" },
  { key: "casey", email: "casey@concord.demo", name: "Casey Nguyen", role: "patient" },
] as const;

export type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];

/** Each demo patient lives on their own clock: their "today", "this week" and rules follow it. */
export const DEMO_TIME_ZONES = { alex: "America/Los_Angeles", jordan: "America/New_York", casey: "Europe/London" } as const;

/**
 * The demo's calendar day: the day in its westernmost zone, which is never ahead of any demo
 * patient's own day, so nothing seeded "today" lies in someone's tomorrow.
 */
export function demoCalendarDay(now: Date): string {
  return todayInZone(DEMO_TIME_ZONES.alex, now);
}

export interface DemoIds {
  users: Record<DemoKey, string>;
  patients: { alex: string; jordan: string; casey: string };
}

function daysAgo(today: Date, days: number): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${users}`);
  return Number(row?.n ?? 0) === 0;
}

/**
 * The demo clinic: one complete care team (physician, PT, OT, psychologist) for Alex (early CRPS)
 * and Jordan (chronic); Casey is on another physician's team; one clinician is on no team.
 */
export async function seedDemo(
  db: Database,
  options: { hashPassword: (plain: string) => Promise<string>; today?: Date; password?: string },
): Promise<DemoIds> {
  const today = options.today ?? new Date();
  const passwordHash = await options.hashPassword(options.password ?? DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const ids = {} as Record<DemoKey, string>;
    for (const account of DEMO_ACCOUNTS) {
      const user = await insertUser(tx, { email: account.email, name: account.name, role: account.role, passwordHash });
      ids[account.key] = user.id;
    }
    const alex = await insertPatient(tx, {
      userId: ids.alex,
      name: "Alex Morgan",
      dateOfBirth: "1988-04-12",
      diagnosisCode: "G90.512",
      onsetDate: daysAgo(today, 95),
      timeZone: DEMO_TIME_ZONES.alex,
      // Fictional numbers only: 555-01xx (North America) and Ofcom's drama range (UK).
      phone: "+1 415 555 0142",
    });
    const jordan = await insertPatient(tx, {
      userId: ids.jordan,
      name: "Jordan Lee",
      dateOfBirth: "1975-09-30",
      diagnosisCode: "G90.521",
      onsetDate: daysAgo(today, 800),
      timeZone: DEMO_TIME_ZONES.jordan,
      phone: "+1 212 555 0187",
    });
    const casey = await insertPatient(tx, {
      userId: ids.casey,
      name: "Casey Nguyen",
      dateOfBirth: "1996-01-22",
      diagnosisCode: "G57.71",
      onsetDate: daysAgo(today, 240),
      timeZone: DEMO_TIME_ZONES.casey,
      phone: "+44 20 7946 0321",
    });
    const team = [
      ["physician", "pain_physician"],
      ["pt", "physical_therapist"],
      ["ot", "occupational_therapist"],
      ["psychologist", "psychologist"],
    ] as const;
    for (const patient of [alex, jordan]) {
      for (const [key, discipline] of team) {
        await addCareTeamMember(tx, { patientId: patient.id, clinicianId: ids[key], discipline, addedBy: ids.admin });
      }
    }
    await addCareTeamMember(tx, { patientId: casey.id, clinicianId: ids.outsider, discipline: "pain_physician", addedBy: ids.admin });
    await seedCarePlans(tx, { alex: alex.id, jordan: jordan.id, authors: ids, today: demoCalendarDay(today) });
    return { users: ids, patients: { alex: alex.id, jordan: jordan.id, casey: casey.id } };
  });
}

export function demoLoginTable(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(28)} ${a.role}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
