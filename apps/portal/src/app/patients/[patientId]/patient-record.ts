import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

/**
 * The patient a record page is about, read once per request: the page and its title (generateMetadata)
 * share this read, so opening a page writes one audit row for it, not two. A malformed id, a missing
 * patient and one the viewer may not see are the same 404.
 */
export const loadPatientRecord = cache(async (patientId: string) => {
  if (!z.uuid().safeParse(patientId).success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  return { session, caller, patient };
});

/** "Alex Morgan · Care plan" (the layout adds " · Concord"). */
export async function patientPageTitle(params: Promise<{ patientId: string }>, section: string): Promise<Metadata> {
  const { patient } = await loadPatientRecord((await params).patientId);
  return { title: `${patient.name} · ${section}` };
}

/** The line under the patient's name on each record page. */
export function patientSubtitle(patient: { diagnosis: { label: string; code: string }; stage: string }, withStage = true): string {
  return `${patient.diagnosis.label} (${patient.diagnosis.code})${withStage ? ` · ${patient.stage === "early" ? "early CRPS" : "chronic CRPS"}` : ""}`;
}
