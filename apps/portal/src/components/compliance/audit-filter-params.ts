/**
 * The audit-log filter as it travels in a URL (the filter form is a GET form, so a search can be
 * bookmarked, paged and exported). Empty fields are left out; the server validates what remains.
 */
export const AUDIT_FILTER_FIELDS = ["patientId", "actorId", "action", "outcome", "from", "to"] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];
export type AuditFilterParams = Partial<Record<AuditFilterField, string>>;

type SearchParamValue = string | string[] | undefined;

function first(value: SearchParamValue): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  // Long enough for any valid value; anything longer is cut here and refused by the server's schema.
  return text ? text.slice(0, 200) : undefined;
}

export function auditFilterFromParams(params: Record<string, SearchParamValue>): AuditFilterParams {
  const filter: AuditFilterParams = {};
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = first(params[field]);
    if (value !== undefined) filter[field] = value;
  }
  return filter;
}

export function auditFilterFromSearchParams(search: URLSearchParams): AuditFilterParams {
  return auditFilterFromParams(Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, search.get(field) ?? undefined])));
}

/** The query string of a filter, with a page cursor when given. */
export function auditFilterQuery(filter: AuditFilterParams, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = filter[field];
    if (value) query.set(field, value);
  }
  if (cursor) query.set("cursor", cursor);
  return query.toString();
}

export function firstParam(value: SearchParamValue): string | undefined {
  return first(value);
}
