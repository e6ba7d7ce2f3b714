import "server-only";
import type { getCaller } from "~/server/caller";
import type { EmergencyAccessView } from "./banner";

type Caller = Awaited<ReturnType<typeof getCaller>>;

/**
 * The open emergency access behind a patient page, when `patients.get` said the viewer is there under
 * one (`emergencyAccessUntil`); null for the team's own view. The id comes from the clinician's own list.
 */
export async function emergencyAccessFor(caller: Caller, patient: { id: string; emergencyAccessUntil: Date | null }): Promise<EmergencyAccessView | null> {
  const until = patient.emergencyAccessUntil;
  if (!until) return null;
  const mine = await caller.emergencyAccess.mine();
  const open = mine.find((a) => a.patientId === patient.id && a.expiresAt.getTime() === until.getTime()) ?? mine.find((a) => a.patientId === patient.id && a.expiresAt > new Date());
  return { id: open?.id ?? null, until };
}
