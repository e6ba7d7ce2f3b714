import type { Bundle, BundleEntry, BundleLink, OperationOutcome, Resource } from "@medplum/fhirtypes";

/** A searchset Bundle: entries with absolute fullUrls, a self link and, when there is more, a keyset `next` link. */
export function searchsetBundle(resources: Resource[], options: { baseUrl: string; selfUrl: string; nextUrl?: string | null; total?: number }): Bundle {
  const link: BundleLink[] = [{ relation: "self", url: options.selfUrl }];
  if (options.nextUrl) link.push({ relation: "next", url: options.nextUrl });
  const entry: BundleEntry[] = resources.map((resource) => ({
    fullUrl: `${options.baseUrl}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode: "match" },
  }));
  return { resourceType: "Bundle", type: "searchset", ...(options.total !== undefined ? { total: options.total } : {}), link, entry };
}

export type IssueCode = "not-found" | "not-supported" | "invalid" | "login" | "forbidden" | "exception" | "too-costly";

export interface FhirError {
  status: number;
  resource: OperationOutcome;
}

/** An OperationOutcome with the HTTP status it answers with. */
export function operationOutcome(status: number, code: IssueCode, text: string): FhirError {
  return {
    status,
    resource: { resourceType: "OperationOutcome", issue: [{ severity: status >= 500 ? "fatal" : "error", code, diagnostics: text, details: { text } }] },
  };
}
