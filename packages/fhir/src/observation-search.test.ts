import { describe, expect, it } from "vitest";
import type { FhirCheckInInput, FhirMeasureInput } from "./record";
import { type ObservationPages, observationSearch } from "./observation-search";
import type { ObservationQuery } from "./request";

const PATIENT = "7a1f1c9e-2a4b-4c3d-9e8f-0a1b2c3d4e5f";

/** In-memory pages over fixed rows, keyset by index: the same contract as the api procedure (newest first). */
function pagesOver(checkIns: FhirCheckInInput[], measures: FhirMeasureInput[]): ObservationPages & { calls: string[] } {
  const calls: string[] = [];
  const page = <T>(rows: T[], cursor: string | undefined, limit: number) => {
    const start = cursor ? Number(cursor) : 0;
    const items = rows.slice(start, start + limit);
    return { items, nextCursor: start + limit < rows.length ? String(start + limit) : null };
  };
  return {
    calls,
    checkIns: async ({ cursor, limit }) => {
      calls.push(`c:${cursor ?? ""}:${limit}`);
      return page(checkIns, cursor, limit);
    },
    measures: async ({ kind, cursor, limit }) => {
      calls.push(`m:${kind ?? ""}:${cursor ?? ""}:${limit}`);
      return page(kind ? measures.filter((m) => m.kind === kind) : measures, cursor, limit);
    },
  };
}

const checkIns: FhirCheckInInput[] = [3, 2, 1].map((d) => ({ id: `0b7c2a4e-1111-4a2b-8c3d-00000000000${d}`, date: `2026-03-0${d}`, painNow: d, painAverage: d, painWorst: d, updatedAt: `2026-03-0${d}T10:00:00.000Z` }));
const measures: FhirMeasureInput[] = [
  { id: "0b7c2a4e-2222-4a2b-8c3d-000000000001", kind: "phq9", takenOn: "2026-02-20", score: 11, recordedAt: "2026-02-20T10:00:00.000Z" },
  { id: "0b7c2a4e-2222-4a2b-8c3d-000000000002", kind: "gad7", takenOn: "2026-02-20", score: 7, recordedAt: "2026-02-20T10:00:00.000Z" },
];
const urls = { baseUrl: "http://x/fhir/R4", selfUrl: new URL(`http://x/fhir/R4/Observation?patient=${PATIENT}`) };

async function walk(query: Omit<ObservationQuery, "patientId">, pages: ObservationPages) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i += 1) {
    const bundle = await observationSearch({ ...query, patientId: PATIENT, ...(cursor ? { cursor } : {}) }, pages, urls);
    ids.push(...(bundle.entry ?? []).map((e) => e.resource?.id ?? ""));
    const next = bundle.link?.find((l) => l.relation === "next")?.url;
    if (!next) return { ids, pagesSeen: i + 1 };
    cursor = new URL(next).searchParams.get("_cursor") ?? undefined;
  }
  throw new Error("did not end");
}

describe("observationSearch", () => {
  it("walks the check-ins and then the measures, each once, filling a page across the two", async () => {
    const pages = pagesOver(checkIns, measures);
    const { ids, pagesSeen } = await walk({ code: { source: "all" }, count: 2 }, pages);
    expect(ids).toEqual(["checkin.0b7c2a4e-1111-4a2b-8c3d-000000000003", "checkin.0b7c2a4e-1111-4a2b-8c3d-000000000002", "checkin.0b7c2a4e-1111-4a2b-8c3d-000000000001", "measure.0b7c2a4e-2222-4a2b-8c3d-000000000001", "measure.0b7c2a4e-2222-4a2b-8c3d-000000000002"]);
    expect(pagesSeen).toBe(3);
    // The second page held the last check-in and the first measure.
    expect(pages.calls).toContain("m:::1");
  });

  it("reads only the check-ins for the pain code, and only one measure kind for a measure code", async () => {
    expect((await walk({ code: { source: "checkIns" }, count: 10 }, pagesOver(checkIns, measures))).ids).toHaveLength(3);
    const phq9 = await walk({ code: { source: "measures", kind: "phq9" }, count: 10 }, pagesOver(checkIns, measures));
    expect(phq9.ids).toEqual(["measure.0b7c2a4e-2222-4a2b-8c3d-000000000001"]);
  });

  it("carries the next link only when more remain, with the other parameters kept", async () => {
    const bundle = await observationSearch({ patientId: PATIENT, code: { source: "all" }, count: 5 }, pagesOver(checkIns, measures), urls);
    expect(bundle.entry).toHaveLength(5);
    expect(bundle.link?.map((l) => l.relation)).toEqual(["self"]);
    const first = await observationSearch({ patientId: PATIENT, code: { source: "all" }, count: 3 }, pagesOver(checkIns, measures), urls);
    const next = new URL(first.link?.find((l) => l.relation === "next")?.url ?? "");
    expect(next.searchParams.get("patient")).toBe(PATIENT);
    expect(next.searchParams.get("_cursor")).toBe("m.");
  });
});
