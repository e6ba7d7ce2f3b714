import Link from "next/link";
import type { RouterInputs, RouterOutputs } from "@concord/api";
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_OUTCOMES, formatCalendarDate } from "@concord/domain";
import { AUDIT_FILTER_FIELDS, type AuditFilterParams, auditFilterFromParams, auditFilterQuery, firstParam } from "~/components/compliance/audit-filter-params";
import styles from "~/components/compliance/compliance.module.css";
import { OUTCOME_BADGES, OUTCOME_LABELS, roleLabel } from "~/components/compliance/labels";
import { type Refusal, badRequestOf } from "~/components/compliance/refusal";
import { When } from "~/components/viewer-clock";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { requireCompliancePermission } from "./require-compliance";

type AuditPage = RouterOutputs["compliance"]["auditLog"];
type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The audit log for the compliance officer: filters in the URL (a GET form, so a search can be
 * bookmarked, paged and downloaded as CSV), newest first, keyset pages.
 */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireCompliancePermission("audit.search");
  const params = await searchParams;
  const filter = auditFilterFromParams(params);
  const cursor = firstParam(params.cursor);
  const caller = await getCaller(session);
  const directory = await caller.compliance.directory();

  let page: AuditPage | null = null;
  let refusal: Refusal | null = null;
  try {
    page = await caller.compliance.auditLog({
      // The strings from the URL go to the server as typed: its schema is the one home of the rules.
      filter: filter as RouterInputs["compliance"]["auditLog"]["filter"],
      ...(cursor ? { cursor } : {}),
      limit: 50,
    });
  } catch (error) {
    refusal = badRequestOf(error, AUDIT_FILTER_FIELDS);
    if (!refusal) throw error;
  }

  const query = auditFilterQuery(filter);
  const fieldError = (field: keyof AuditFilterParams) => refusal?.fields[field];
  const errorId = (field: string) => `filter-${field}-error`;
  const describedBy = (field: keyof AuditFilterParams, hint?: string) =>
    [hint, fieldError(field) ? errorId(field) : null].filter(Boolean).join(" ") || undefined;
  const errorFor = (field: keyof AuditFilterParams) =>
    fieldError(field) ? (
      <span id={errorId(field)} className={styles.fieldError}>
        {fieldError(field)}
      </span>
    ) : null;

  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Every read and change in Concord, newest first. Your searches and downloads are recorded here too. Dates in the filter are days in the
        clinic&apos;s time zone ({page?.timeZone ?? env().clinicSettings.timeZone}); times are shown in yours.
      </p>

      {refusal ? (
        <div className="alert error" role="alert" data-testid="audit-filter-error">
          {refusal.general ?? "Check the filters: the messages are next to the fields."}
          {refusal.general && cursor ? (
            <>
              {" "}
              <Link href={`/compliance${query ? `?${query}` : ""}`}>First page</Link>
            </>
          ) : null}
        </div>
      ) : null}

      <search>
        <form action="/compliance" method="get" className={`card ${styles.filters}`} aria-label="Filter the audit log" noValidate>
          <div>
            <label htmlFor="filter-patientId">Patient</label>
            <select
              id="filter-patientId"
              name="patientId"
              defaultValue={filter.patientId ?? ""}
              aria-invalid={fieldError("patientId") ? true : undefined}
              aria-describedby={describedBy("patientId")}
            >
              <option value="">Any patient</option>
              {directory.patients.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (born {formatCalendarDate(p.dateOfBirth)})
                </option>
              ))}
            </select>
            {errorFor("patientId")}
          </div>
          <div>
            <label htmlFor="filter-actorId">Person</label>
            <select
              id="filter-actorId"
              name="actorId"
              defaultValue={filter.actorId ?? ""}
              aria-invalid={fieldError("actorId") ? true : undefined}
              aria-describedby={describedBy("actorId")}
            >
              <option value="">Anyone</option>
              <optgroup label="Staff">
                {directory.staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} — {roleLabel(s.role)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Patients">
                {directory.patients.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — Patient
                  </option>
                ))}
              </optgroup>
            </select>
            {errorFor("actorId")}
          </div>
          <div>
            <label htmlFor="filter-action">Action</label>
            <input
              id="filter-action"
              name="action"
              defaultValue={filter.action ?? ""}
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={fieldError("action") ? true : undefined}
              aria-describedby={describedBy("action", "filter-action-hint")}
            />
            <span id="filter-action-hint" className={styles.hint}>
              exact, or a prefix ending in * (carePlan.update, carePlan.*)
            </span>
            {errorFor("action")}
          </div>
          <div>
            <label htmlFor="filter-outcome">Outcome</label>
            <select
              id="filter-outcome"
              name="outcome"
              defaultValue={filter.outcome ?? ""}
              aria-invalid={fieldError("outcome") ? true : undefined}
              aria-describedby={describedBy("outcome")}
            >
              <option value="">Any outcome</option>
              {AUDIT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
            {errorFor("outcome")}
          </div>
          <div>
            <label htmlFor="filter-from">From</label>
            <input
              id="filter-from"
              name="from"
              type="date"
              defaultValue={filter.from ?? ""}
              aria-invalid={fieldError("from") ? true : undefined}
              aria-describedby={describedBy("from")}
            />
            {errorFor("from")}
          </div>
          <div>
            <label htmlFor="filter-to">To</label>
            <input
              id="filter-to"
              name="to"
              type="date"
              defaultValue={filter.to ?? ""}
              aria-invalid={fieldError("to") ? true : undefined}
              aria-describedby={describedBy("to")}
            />
            {errorFor("to")}
          </div>
          <div className={styles.actions}>
            <button type="submit">Search</button>
            <Link href="/compliance">Clear filters</Link>
          </div>
        </form>
      </search>

      {page ? (
        <section aria-labelledby="audit-entries-h">
          <div className={styles.heading}>
            <h2 id="audit-entries-h">Entries{cursor ? " (a later page)" : ""}</h2>
            {/* A plain link, not next/link: the answer is a file to download, not a page. */}
            <a className="button secondary" href={`/compliance/audit.csv${query ? `?${query}` : ""}`} download>
              Download CSV
            </a>
          </div>
          <p className="muted">The download holds every entry this filter finds (up to {AUDIT_EXPORT_MAX_ROWS.toLocaleString("en")}), not only this page.</p>
          {page.items.length === 0 ? (
            <p>No audit entries match this filter.</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard to scroll it.
            <section className={styles.scroll} aria-label="Audit entries (scrolls sideways on a small screen)" tabIndex={0}>
              <table data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Person</th>
                    <th scope="col">Action</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((row) => (
                    <tr key={row.id} data-testid="audit-row">
                      <td className={styles.nowrap}>
                        <When at={row.at} />
                      </td>
                      <td>
                        {row.actorName ?? (row.actorId ? "Unknown person" : "Nobody signed in")}
                        {row.actorRole ? <div className="muted">{roleLabel(row.actorRole)}</div> : null}
                      </td>
                      <td>
                        <code>{row.action}</code>
                      </td>
                      <td>
                        <span className={`badge ${OUTCOME_BADGES[row.outcome]}`}>{OUTCOME_LABELS[row.outcome]}</span>
                      </td>
                      <td>{row.patientName ?? <span className="muted">—</span>}</td>
                      <td>{row.detail ? <code className={styles.detail}>{JSON.stringify(row.detail)}</code> : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <nav className={styles.pager} aria-label="Audit log pages">
            {cursor ? <Link href={`/compliance${query ? `?${query}` : ""}`}>First page</Link> : null}
            {page.nextCursor ? <Link href={`/compliance?${auditFilterQuery(filter, page.nextCursor)}`}>Next page</Link> : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}
