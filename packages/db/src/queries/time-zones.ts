import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { patients, users } from "../schema/index";

/** Sets (or with null clears, back to the clinic default) the zone a person reads times in. */
export async function updateUserTimeZone(db: Database, userId: string, timeZone: string | null): Promise<boolean> {
  const rows = await db.update(users).set({ timeZone }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/** Sets (or with null clears) the zone of a patient's day: "today", "this week", the rules. */
export async function updatePatientTimeZone(db: Database, patientId: string, timeZone: string | null): Promise<boolean> {
  const rows = await db.update(patients).set({ timeZone }).where(eq(patients.id, patientId)).returning({ id: patients.id });
  return rows.length > 0;
}
