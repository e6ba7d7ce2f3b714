import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import type { RouterInputs, RouterOutputs } from "@concord/api";
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_OUTCOMES, formatCalendarDate } from "@concord/domain";
import { AUDIT_FILTER_FIELDS, type AuditFilterParams, auditFilterFromParams, auditFilterQuery, firstParam } from "~/components/compliance/audit-filter-params";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { OUTCOME_BADGES, OUTCOME_LABELS, roleLabel } from "~/components/compliance/labels";
import { type Refusal, badRequestOf } from "~/components/compliance/refusal";
import { When } from "~/components/viewer-clock";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { requireCompliancePermission } from "./require-compliance";

type AuditPage = RouterOutputs["compliance"]["auditLog"];
type SearchParams = Record<string, string | string[] | undefined>;

export const metadata: Metadata = { title: "Audit log" };

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

  return (
    <>
      <h1>Audit log</h1>
      <p className="text-muted-foreground">
        Every read and change in Concord, newest first. Your searches and downloads are recorded here too. Dates in the filter are days in the
        clinic&apos;s time zone ({page?.timeZone ?? env().clinicSettings.timeZone}); times are shown in yours.
      </p>

      {refusal ? (
        <Alert variant="danger" role="alert" data-testid="audit-filter-error">
          <p>
            {refusal.general ?? "Check the filters: the messages are next to the fields."}
            {refusal.general && cursor ? (
              <>
                {" "}
                <Link href={`/compliance${query ? `?${query}` : ""}`}>First page</Link>
              </>
            ) : null}
          </p>
        </Alert>
      ) : null}

      <search>
        <Card asChild className="grid grid-cols-[repeat(auto-fit,minmax(min(100%,12rem),1fr))] items-start gap-x-4 gap-y-3">
          <form action="/compliance" method="get" aria-label="Filter the audit log" noValidate>
            <Field id="filter-patientId" label="Patient" error={fieldError("patientId")}>
              <NativeSelect name="patientId" defaultValue={filter.patientId ?? ""}>
                <option value="">Any patient</option>
                {directory.patients.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} (born {formatCalendarDate(p.dateOfBirth)})
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="filter-actorId" label="Person" error={fieldError("actorId")}>
              <NativeSelect name="actorId" defaultValue={filter.actorId ?? ""}>
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
              </NativeSelect>
            </Field>
            <Field id="filter-action" label="Action" hint="exact, or a prefix ending in * (carePlan.update, carePlan.*)" error={fieldError("action")}>
              <Input name="action" defaultValue={filter.action ?? ""} maxLength={100} autoComplete="off" spellCheck={false} />
            </Field>
            <Field id="filter-outcome" label="Outcome" error={fieldError("outcome")}>
              <NativeSelect name="outcome" defaultValue={filter.outcome ?? ""}>
                <option value="">Any outcome</option>
                {AUDIT_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABELS[o]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="filter-from" label="From" error={fieldError("from")}>
              <Input name="from" type="date" defaultValue={filter.from ?? ""} />
            </Field>
            <Field id="filter-to" label="To" error={fieldError("to")}>
              <Input name="to" type="date" defaultValue={filter.to ?? ""} />
            </Field>
            <div className="col-span-full flex flex-wrap items-center gap-3">
              <Button type="submit">Search</Button>
              <Link href="/compliance">Clear filters</Link>
            </div>
          </form>
        </Card>
      </search>

      {page ? (
        <section aria-labelledby="audit-entries-h" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="audit-entries-h">Entries{cursor ? " (a later page)" : ""}</h2>
            {/* A plain link, not next/link: the answer is a file to download, not a page. */}
            <Button asChild variant="secondary">
              <a href={`/compliance/audit.csv${query ? `?${query}` : ""}`} download>
                <Download aria-hidden="true" />
                Download CSV
              </a>
            </Button>
          </div>
          <p className="text-muted-foreground">The download holds every entry this filter finds (up to {AUDIT_EXPORT_MAX_ROWS.toLocaleString("en")}), not only this page.</p>
          {page.items.length === 0 ? (
            <p>No audit entries match this filter.</p>
          ) : (
            <Table regionLabel="Audit entries (scrolls sideways on a small screen)" className="min-w-[52rem]" data-testid="audit-table">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Time</TableHead>
                  <TableHead scope="col">Person</TableHead>
                  <TableHead scope="col">Action</TableHead>
                  <TableHead scope="col">Outcome</TableHead>
                  <TableHead scope="col">Patient</TableHead>
                  <TableHead scope="col">Detail</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((row) => (
                  <TableRow key={row.id} data-testid="audit-row">
                    <TableCell className="whitespace-nowrap">
                      <When at={row.at} />
                    </TableCell>
                    <TableCell>
                      {row.actorName ?? (row.actorId ? "Unknown person" : "Nobody signed in")}
                      {row.actorRole ? <div className="text-sm text-muted-foreground">{roleLabel(row.actorRole)}</div> : null}
                    </TableCell>
                    <TableCell>
                      <code className="font-mono text-sm">{row.action}</code>
                    </TableCell>
                    <TableCell>
                      <Badge variant={OUTCOME_BADGES[row.outcome]}>{OUTCOME_LABELS[row.outcome]}</Badge>
                    </TableCell>
                    <TableCell>{row.patientName ?? <span className="text-muted-foreground">—</span>}</TableCell>
                    <TableCell>
                      {row.detail ? (
                        <code className="block max-w-md font-mono text-xs whitespace-pre-wrap wrap-anywhere">{JSON.stringify(row.detail)}</code>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <nav className="flex flex-wrap gap-4" aria-label="Audit log pages">
            {cursor ? <Link href={`/compliance${query ? `?${query}` : ""}`}>First page</Link> : null}
            {page.nextCursor ? <Link href={`/compliance?${auditFilterQuery(filter, page.nextCursor)}`}>Next page</Link> : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}
