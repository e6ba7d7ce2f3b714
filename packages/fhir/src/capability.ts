import type { CapabilityStatement, CapabilityStatementRestResource } from "@medplum/fhirtypes";

/** The search parameters each type answers, as the route implements them (one list, read by both). */
export const SUPPORTED_SEARCHES = {
  Observation: [
    { name: "patient", type: "reference", documentation: "Required: the patient's id (Patient/{id} or {id})." },
    { name: "code", type: "token", documentation: "system|code or code; one of the codes in the terminology list (LOINC 72514-3, 44261-6, 70274-6, or Concord's local measure codes)." },
    { name: "date", type: "date", documentation: "geYYYY-MM-DD and/or leYYYY-MM-DD (or eqYYYY-MM-DD)." },
    { name: "_count", type: "number", documentation: "Page size, 1 to 100 (default 50); pages are keyset, follow the next link." },
  ],
  CarePlan: [{ name: "patient", type: "reference", documentation: "Required." }],
  Condition: [{ name: "patient", type: "reference", documentation: "Required." }],
  MedicationRequest: [{ name: "patient", type: "reference", documentation: "Required." }],
  Goal: [{ name: "patient", type: "reference", documentation: "Required." }],
  CareTeam: [{ name: "patient", type: "reference", documentation: "Required." }],
} as const satisfies Record<string, readonly { name: string; type: "reference" | "token" | "date" | "number"; documentation: string }[]>;

export type SearchableType = keyof typeof SUPPORTED_SEARCHES;
export const SEARCHABLE_TYPES = Object.keys(SUPPORTED_SEARCHES) as SearchableType[];
export const OBSERVATION_PAGE = { default: 50, max: 100 } as const;

/** What the API supports, exactly: Patient read and $everything, and the searches above. GET only, JSON only. */
export function capabilityStatement(options: { baseUrl: string; date: string; software?: { name: string; version?: string } }): CapabilityStatement {
  const searchable: CapabilityStatementRestResource[] = SEARCHABLE_TYPES.map((type) => ({
    type,
    interaction: [{ code: "search-type" }],
    searchParam: SUPPORTED_SEARCHES[type].map((p) => ({ name: p.name, type: p.type, documentation: p.documentation })),
  }));
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: options.date,
    publisher: "Concord",
    kind: "instance",
    ...(options.software ? { software: options.software } : {}),
    implementation: { description: "Concord FHIR R4 read API (a signed-in portal session; a patient reads their own record, a clinician their care teams' patients)", url: options.baseUrl },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        documentation: "Read only. Unknown ids and records the caller may not see both answer 404. Unsupported types or parameters answer 400.",
        resource: [
          {
            type: "Patient",
            interaction: [{ code: "read" }],
            operation: [
              {
                name: "everything",
                definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                documentation: "One searchset Bundle: the record, the newest 100 check-in and 100 measure Observations (older ones through the Observation search), and the messages of threads shared with the patient as Communications (never team-only threads).",
              },
            ],
          },
          ...searchable,
        ],
      },
    ],
  };
}
