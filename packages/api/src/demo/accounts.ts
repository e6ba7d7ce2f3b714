import { type Role, todayInZone } from "@concord/domain";

/** Everyone's password in the demo clinic (it passes the password policy: each account sets it through its invitation). */
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
] as const satisfies ReadonlyArray<{ key: string; email: string; name: string; role: Role }>;

export type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];
export type DemoPatientKey = Extract<(typeof DEMO_ACCOUNTS)[number], { role: "patient" }>["key"];
export type DemoStaffKey = Exclude<DemoKey, DemoPatientKey>;

export function demoAccount(key: DemoKey) {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!account) throw new Error(`No demo account ${key}`);
  return account;
}

/** Each demo patient lives on their own clock: their "today", "this week" and rules follow it. */
export const DEMO_TIME_ZONES = { alex: "America/Los_Angeles", jordan: "America/New_York", casey: "Europe/London" } as const satisfies Record<
  DemoPatientKey,
  string
>;

/**
 * The demo's calendar day: the day in its westernmost zone, which is never ahead of any demo
 * patient's own day, so nothing seeded "today" lies in someone's tomorrow.
 */
export function demoCalendarDay(now: Date): string {
  return todayInZone(DEMO_TIME_ZONES.alex, now);
}

export interface DemoIds {
  users: Record<DemoKey, string>;
  patients: Record<DemoPatientKey, string>;
}

export function demoLoginTable(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(28)} ${a.role}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
