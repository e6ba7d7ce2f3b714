import type { Bundle, Resource } from "@medplum/fhirtypes";
import { searchsetBundle } from "./bundle";
import { checkInObservation, measureObservation } from "./mappers";
import type { FhirCheckInInput, FhirMeasureInput } from "./record";
import type { ObservationQuery } from "./request";

/** One keyset page of one source, as the api's `fhir.observations` procedure returns it. */
export interface ObservationPages {
  checkIns(args: { from?: string; to?: string; cursor?: string; limit: number }): Promise<{ items: FhirCheckInInput[]; nextCursor: string | null }>;
  measures(args: { kind?: string; from?: string; to?: string; cursor?: string; limit: number }): Promise<{ items: FhirMeasureInput[]; nextCursor: string | null }>;
}

/**
 * An Observation search page: check-ins first (newest first), then measures, each paged by its
 * own keyset cursor carried in `_cursor` as "c.<cursor>" or "m.<cursor>". A page that empties the
 * check-ins is filled from the measures, so no page is empty while results remain.
 */
export async function observationSearch(q: ObservationQuery, pages: ObservationPages, urls: { baseUrl: string; selfUrl: URL }): Promise<Bundle> {
  const resources: Resource[] = [];
  let next: string | null = null;
  const range = { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  const wantsCheckIns = q.code.source === "all" || q.code.source === "checkIns";
  const wantsMeasures = q.code.source === "all" || q.code.source === "measures";
  let phase: "c" | "m" = q.cursor?.startsWith("m.") || !wantsCheckIns ? "m" : "c";
  let cursor = q.cursor ? q.cursor.slice(2) || undefined : undefined;

  if (phase === "c" && wantsCheckIns) {
    const page = await pages.checkIns({ ...range, ...(cursor ? { cursor } : {}), limit: q.count });
    resources.push(...page.items.map((c) => checkInObservation(q.patientId, c)));
    if (page.nextCursor) next = `c.${page.nextCursor}`;
    else {
      phase = "m";
      cursor = undefined;
    }
  }
  if (phase === "m" && wantsMeasures && next === null) {
    const room = q.count - resources.length;
    if (room === 0) next = "m.";
    else {
      const kind = q.code.source === "measures" ? q.code.kind : undefined;
      const page = await pages.measures({ ...(kind ? { kind } : {}), ...range, ...(cursor ? { cursor } : {}), limit: room });
      resources.push(...page.items.map((m) => measureObservation(q.patientId, m)));
      if (page.nextCursor) next = `m.${page.nextCursor}`;
    }
  }
  let nextUrl: string | null = null;
  if (next) {
    const url = new URL(urls.selfUrl);
    url.searchParams.set("_cursor", next);
    nextUrl = url.toString();
  }
  return searchsetBundle(resources, { baseUrl: urls.baseUrl, selfUrl: urls.selfUrl.toString(), nextUrl });
}
