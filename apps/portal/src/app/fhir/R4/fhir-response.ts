import "server-only";
import { TRPCError } from "@trpc/server";
import {
  type FhirError,
  type FhirRequest,
  type ObservationPages,
  capabilityStatement,
  isFhirError,
  observationSearch,
  operationOutcome,
  parseFhirRequest,
  recordResources,
  searchsetBundle,
  toPatient,
} from "@concord/fhir";
import type { MeasureKind } from "@concord/domain";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { getSessionActor } from "~/server/session";

type Caller = Awaited<ReturnType<typeof getCaller>>;

const HEADERS = { "content-type": "application/fhir+json; charset=utf-8", "cache-control": "no-store" };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: HEADERS });
const fail = (e: FhirError) => json(e.status, e.resource);

/** The statement's date: fixed per build of the API, not the request's clock. */
const CAPABILITY_DATE = "2026-12-02";

function baseUrl(): string {
  return `${env().publicUrl.replace(/\/$/, "")}/fhir/R4`;
}

/** The api's keyset pages, one source at a time, for the pure Observation search in @concord/fhir. */
function observationPages(caller: Caller, patientId: string): ObservationPages {
  return {
    checkIns: async (args) => {
      const page = await caller.fhir.observations({ patientId, source: "checkIns", ...args });
      return { items: page.checkIns, nextCursor: page.nextCursor };
    },
    measures: async ({ kind, ...args }) => {
      const page = await caller.fhir.observations({ patientId, source: "measures", ...(kind ? { kind: kind as MeasureKind } : {}), ...args });
      return { items: page.measures, nextCursor: page.nextCursor };
    },
  };
}

async function answer(caller: Caller, request: Exclude<FhirRequest, { kind: "metadata" }>, base: string, selfUrl: URL): Promise<Response> {
  switch (request.kind) {
    case "read":
      return json(200, toPatient((await caller.fhir.patientRecord({ patientId: request.id })).patient));
    case "everything": {
      const record = await caller.fhir.patientRecord({ patientId: request.patientId });
      // Messages need message.read, which an emergency reader lacks: their $everything has none.
      const { communications } = await caller.fhir.communications({ patientId: request.patientId }).catch((error: unknown) => {
        if (error instanceof TRPCError && error.code === "NOT_FOUND") return { communications: [] };
        throw error;
      });
      return json(200, searchsetBundle(recordResources({ ...record, communications }), { baseUrl: base, selfUrl: selfUrl.toString() }));
    }
    case "search": {
      const record = await caller.fhir.patientRecord({ patientId: request.patientId });
      const matches = recordResources(record).filter((r) => r.resourceType === request.type);
      return json(200, searchsetBundle(matches, { baseUrl: base, selfUrl: selfUrl.toString(), total: matches.length }));
    }
    case "observations":
      return request.query.code.source === "none"
        ? json(200, searchsetBundle([], { baseUrl: base, selfUrl: selfUrl.toString(), total: 0 }))
        : json(200, await observationSearch(request.query, observationPages(caller, request.query.patientId), { baseUrl: base, selfUrl }));
  }
}

const TRPC_TO_FHIR: Partial<Record<TRPCError["code"], FhirError>> = {
  NOT_FOUND: operationOutcome(404, "not-found", "No such resource, or you do not have access to it."),
  FORBIDDEN: operationOutcome(404, "not-found", "No such resource, or you do not have access to it."),
  UNAUTHORIZED: operationOutcome(401, "login", "Sign in to read FHIR resources."),
};

/** GET /fhir/R4/...: parse, authenticate, call the fhir procedures (permission, access, audit), map. */
export async function fhirGet(request: Request, path: string[]): Promise<Response> {
  const url = new URL(request.url);
  const base = baseUrl();
  const selfUrl = new URL(`${base}/${path.map(encodeURIComponent).join("/")}${url.search}`);
  const parsed = parseFhirRequest(path, url.searchParams);
  if (isFhirError(parsed)) return fail(parsed);
  if (parsed.kind === "metadata") return json(200, capabilityStatement({ baseUrl: base, date: CAPABILITY_DATE, software: { name: "Concord" } }));

  const session = await getSessionActor();
  if (!session) return fail(operationOutcome(401, "login", "Sign in to read FHIR resources."));
  try {
    return await answer(await getCaller(session), parsed, base, selfUrl);
  } catch (error) {
    if (error instanceof TRPCError) {
      const mapped = TRPC_TO_FHIR[error.code];
      if (mapped) return fail(mapped);
      if (error.code === "BAD_REQUEST") return fail(operationOutcome(400, "invalid", error.message));
    }
    console.error(`[fhir] ${request.method} ${url.pathname} failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return fail(operationOutcome(500, "exception", "Something went wrong on our side. Please try again."));
  }
}

/** Anything but GET: this API is read-only. */
export function methodNotAllowed(): Response {
  return new Response(JSON.stringify(operationOutcome(405, "not-supported", "This FHIR API is read-only: use GET.").resource), { status: 405, headers: { ...HEADERS, allow: "GET" } });
}
