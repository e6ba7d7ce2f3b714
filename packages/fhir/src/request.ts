import { type FhirError, operationOutcome } from "./bundle";
import { OBSERVATION_PAGE, SEARCHABLE_TYPES, SUPPORTED_SEARCHES, type SearchableType } from "./capability";
import { LOCAL_CODES, LOINC, SYSTEMS } from "./terminology";

/** Where an Observation search reads: the check-ins (pain), the measures (of one kind or all), or both in turn. */
export type ObservationSource = { source: "checkIns" } | { source: "measures"; kind?: string } | { source: "all" } | { source: "none" };

export interface ObservationQuery {
  patientId: string;
  code: ObservationSource;
  from?: string;
  to?: string;
  count: number;
  /** Opaque page position: "c.<cursor>" in the check-ins, "m.<cursor>" or "m." in the measures. */
  cursor?: string;
}

export type FhirRequest =
  | { kind: "metadata" }
  | { kind: "read"; type: "Patient"; id: string }
  | { kind: "everything"; patientId: string }
  | { kind: "search"; type: Exclude<SearchableType, "Observation">; patientId: string }
  | { kind: "observations"; query: ObservationQuery };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(eq|ge|le|gt|lt)?(\d{4}-\d{2}-\d{2})$/;
const NOT_FOUND = () => operationOutcome(404, "not-found", "No such resource, or you do not have access to it.");
const bad = (text: string) => operationOutcome(400, "invalid", text);

/** Stored measure kind for each code a search may name (system|code or code alone). */
const OBSERVATION_CODES: { system: string; code: string; source: ObservationSource }[] = [
  { system: SYSTEMS.loinc, code: LOINC.painSeverity.code, source: { source: "checkIns" } },
  { system: SYSTEMS.loinc, code: LOINC.phq9Total.code, source: { source: "measures", kind: "phq9" } },
  { system: SYSTEMS.loinc, code: LOINC.gad7Total.code, source: { source: "measures", kind: "gad7" } },
  { system: SYSTEMS.concordMeasure, code: LOCAL_CODES.css.code, source: { source: "measures", kind: "css" } },
  { system: SYSTEMS.concordMeasure, code: LOCAL_CODES.psfs.code, source: { source: "measures", kind: "psfs" } },
  { system: SYSTEMS.concordMeasure, code: LOCAL_CODES.limbTemperature.code, source: { source: "measures", kind: "limb_temperature" } },
  { system: SYSTEMS.concordMeasure, code: LOCAL_CODES.budapest.code, source: { source: "measures", kind: "budapest" } },
];

function observationSource(token: string): ObservationSource {
  const [system, code] = token.includes("|") ? (token.split("|", 2) as [string, string]) : [null, token];
  const match = OBSERVATION_CODES.find((c) => c.code === code && (system === null || system === "" || system === c.system));
  // A code we do not hold matches nothing: an empty searchset, as FHIR servers answer.
  return match?.source ?? { source: "none" };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function patientParam(value: string | null): string | FhirError {
  if (value === null || value === "") return bad("The search needs a patient: ?patient={id}.");
  const id = value.startsWith("Patient/") ? value.slice("Patient/".length) : value;
  return UUID.test(id) ? id.toLowerCase() : NOT_FOUND();
}

/**
 * Parses a GET under /fhir/R4 into what the API answers, or the OperationOutcome it refuses with:
 * 404 for an unknown type, id or operation, 400 for a parameter it does not support.
 */
export function parseFhirRequest(path: readonly string[], params: URLSearchParams): FhirRequest | FhirError {
  const names = [...new Set(params.keys())].filter((n) => n !== "_format");
  const format = params.get("_format");
  if (format !== null && !["json", "application/fhir+json", "application/json"].includes(format)) return operationOutcome(400, "not-supported", "Only JSON is supported (_format=json).");

  if (path.length === 1 && path[0] === "metadata") {
    return names.length ? bad(`metadata takes no parameters (got ${names.join(", ")}).`) : { kind: "metadata" };
  }
  const [type, id, operation, ...rest] = path;
  if (!type) return operationOutcome(404, "not-found", "Name a resource type, e.g. /fhir/R4/Patient/{id}.");
  if (rest.length) return operationOutcome(404, "not-found", "This path is not supported.");

  if (type === "Patient" && id !== undefined) {
    if (names.length) return bad(`Patient read takes no parameters (got ${names.join(", ")}).`);
    if (!UUID.test(id)) return NOT_FOUND();
    if (operation === undefined) return { kind: "read", type: "Patient", id: id.toLowerCase() };
    if (operation === "$everything") return { kind: "everything", patientId: id.toLowerCase() };
    return operationOutcome(404, "not-supported", `The operation ${operation} is not supported.`);
  }
  if (!(SEARCHABLE_TYPES as string[]).includes(type)) {
    return operationOutcome(404, "not-supported", `The resource type ${type} is not supported here; see /fhir/R4/metadata.`);
  }
  if (id !== undefined) return operationOutcome(404, "not-supported", `Read ${type} by searching with ?patient={id}; reading ${type}/{id} is not supported.`);

  const searchType = type as SearchableType;
  const allowed = new Set<string>([...SUPPORTED_SEARCHES[searchType].map((p) => p.name), ...(searchType === "Observation" ? ["_cursor"] : [])]);
  const unknown = names.filter((n) => !allowed.has(n));
  if (unknown.length) return bad(`Unsupported search parameter${unknown.length > 1 ? "s" : ""} for ${type}: ${unknown.join(", ")}.`);
  for (const n of names) if (n !== "date" && params.getAll(n).length > 1) return bad(`Give ${n} once.`);

  const patientId = patientParam(params.get("patient"));
  if (typeof patientId !== "string") return patientId;
  if (searchType !== "Observation") return { kind: "search", type: searchType, patientId };

  const query: ObservationQuery = { patientId, code: { source: "all" }, count: OBSERVATION_PAGE.default };
  const code = params.get("code");
  if (code !== null) {
    if (code.includes(",")) return bad("Give one code (system|code or code).");
    query.code = observationSource(code);
  }
  for (const value of params.getAll("date")) {
    const m = DATE.exec(value);
    if (!m || Number.isNaN(Date.parse(m[2] as string))) return bad("date must be a day with an optional prefix: ge2026-01-01, le2026-02-01, eq2026-01-15.");
    const prefix = m[1] ?? "eq";
    const day = m[2] as string;
    if (prefix === "eq" || prefix === "ge") query.from = day;
    if (prefix === "eq" || prefix === "le") query.to = day;
    if (prefix === "gt") query.from = addDays(day, 1);
    if (prefix === "lt") query.to = addDays(day, -1);
  }
  const count = params.get("_count");
  if (count !== null) {
    const n = Number(count);
    if (!/^\d+$/.test(count) || n < 1 || n > OBSERVATION_PAGE.max) return bad(`_count must be a whole number from 1 to ${OBSERVATION_PAGE.max}.`);
    query.count = n;
  }
  const cursor = params.get("_cursor");
  if (cursor !== null) {
    if (!/^[cm]\.[A-Za-z0-9_-]{0,300}$/.test(cursor) || cursor === "c.") return bad("This page link is not valid. Start the search again.");
    query.cursor = cursor;
  }
  return { kind: "observations", query };
}

export function isFhirError(value: unknown): value is FhirError {
  return typeof value === "object" && value !== null && "status" in value && "resource" in value;
}
