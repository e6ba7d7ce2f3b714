import type { Metadata } from "next";
import Link from "next/link";
import { Search, UserPlus } from "lucide-react";
import { redirect } from "next/navigation";
import {
  DEFAULT_PATIENT_LIST_SORT,
  DISCIPLINE_LABELS,
  PATIENT_LIST_ADHERENCE_DAYS,
  PATIENT_LIST_SORT_LABELS,
  type PatientListSort,
  can,
  formatCalendarDate,
  isClinicianRole,
  patientListSortSchema,
} from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { Input } from "@concord/ui/input";
import { Label } from "@concord/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { PainSparkline } from "~/components/dashboard/pain-sparkline";
import { SortableHead } from "~/components/dashboard/sortable-head";
import { PageHeader } from "~/components/page-header";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

/** "1 urgent", "2 to review" as badges with the words in them (never colour alone); the row's one link is the patient's name. */
function OpenAlerts({ urgent, review }: { urgent: number; review: number }) {
  if (urgent === 0 && review === 0) return <span className="text-muted-foreground">None</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {urgent > 0 ? <Badge variant="danger">{urgent} urgent</Badge> : null}
      {review > 0 ? <Badge variant="warning">{review} to review</Badge> : null}
    </div>
  );
}

/** "80% · 9 of 14 days reported": the figure counts reported exercises only, so the days with data sit beside it. */
function Adherence({ percentage, daysWithData, daysInWindow }: { percentage: number | null; daysWithData: number; daysInWindow: number }) {
  if (percentage === null) return <span className="text-muted-foreground">Not reported</span>;
  return (
    <>
      <span className="font-semibold tabular-nums">{percentage}%</span>{" "}
      <span className="text-sm text-muted-foreground">
        · {daysWithData} of {daysInWindow} days reported
      </span>
    </>
  );
}

export const metadata: Metadata = { title: "My patients" };

/** The direction each sort reads in, for aria-sort (the order itself is the query's). */
const SORT_DIRECTION: Record<PatientListSort, "ascending" | "descending"> = {
  urgent: "descending",
  name: "ascending",
  lastCheckIn: "descending",
  pain: "descending",
  alerts: "descending",
  nextReview: "ascending",
};

export default async function MyPatientsPage({ searchParams }: { searchParams: Promise<{ q?: string; after?: string; sort?: string }> }) {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const params = await searchParams;
  const search = params.q?.trim().slice(0, 100) || undefined;
  // An unknown ?sort= falls back to the default rather than an error page: the URL is the user's to edit.
  const parsedSort = patientListSortSchema.safeParse(params.sort);
  const sort = parsedSort.success ? parsedSort.data : DEFAULT_PATIENT_LIST_SORT;
  const caller = await getCaller(session);
  const page = await caller.patients.list({ search, cursor: params.after, limit: 25, sort });
  // One batched query for the patients on this page, not one per row.
  const overdue = new Set((await caller.carePlan.pastReview({ patientIds: page.items.map((p) => p.id), limit: 100 })).items.map((p) => p.patientId));
  const listHref = (next: { sort?: PatientListSort; after?: string }) => {
    const query = new URLSearchParams();
    if (search) query.set("q", search);
    const nextSort = next.sort ?? sort;
    if (nextSort !== DEFAULT_PATIENT_LIST_SORT) query.set("sort", nextSort);
    if (next.after) query.set("after", next.after);
    const text = query.toString();
    return text ? `/patients?${text}` : "/patients";
  };
  const head = (key: PatientListSort, label: string) => (
    <SortableHead sort={key} current={sort} direction={SORT_DIRECTION[key]} href={listHref({ sort: key })}>
      {label}
    </SortableHead>
  );
  return (
    <>
      <PageHeader
        title="My patients"
        description={
          sort === DEFAULT_PATIENT_LIST_SORT
            ? "Patients with an open urgent alert are listed first."
            : `Sorted by ${PATIENT_LIST_SORT_LABELS[sort].toLowerCase()}. `
        }
        actions={
          can(session.actor, "patient.register") ? (
            <Button asChild variant="secondary">
              <Link href="/patients/register">
                <UserPlus aria-hidden="true" />
                Register a patient
              </Link>
            </Button>
          ) : null
        }
      />
      <search>
        <Card asChild className="flex-row flex-wrap items-end gap-3">
          <form action="/patients">
            <div className="grid min-w-48 flex-1 gap-1.5">
              <Label htmlFor="q">Search by name</Label>
              <Input id="q" name="q" defaultValue={search ?? ""} maxLength={100} />
            </div>
            {sort !== DEFAULT_PATIENT_LIST_SORT ? <input type="hidden" name="sort" value={sort} /> : null}
            <Button type="submit">
              <Search aria-hidden="true" />
              Search
            </Button>
            {search ? (
              <Button asChild variant="secondary">
                <Link href="/patients">Clear</Link>
              </Button>
            ) : null}
          </form>
        </Card>
      </search>
      {page.items.length === 0 ? (
        <Card>
          <p>{search ? `No patients on your care teams match “${search}”.` : "You are not on any care team yet."}</p>
        </Card>
      ) : (
        <>
          {sort !== DEFAULT_PATIENT_LIST_SORT ? (
            <p className="text-sm">
              <Link href={listHref({ sort: DEFAULT_PATIENT_LIST_SORT })}>Show urgent first</Link>
            </p>
          ) : null}
          <Table aria-label="Patients on your care teams" regionLabel="Patients on your care teams (scrolls sideways)">
            <TableHeader>
              <TableRow>
                {head("name", "Name")}
                {head("lastCheckIn", "Last check-in")}
                {head("pain", "Pain, 30 days")}
                {head("alerts", "Open alerts")}
                <TableHead scope="col">
                  <span className="whitespace-nowrap">Home programme</span>
                  <span className="block text-xs font-normal">last {PATIENT_LIST_ADHERENCE_DAYS} days</span>
                </TableHead>
                {head("nextReview", "Next review")}
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((p) => (
                <TableRow
                  key={p.id}
                  data-testid="patient-row"
                  data-urgent={p.openUrgentAlerts > 0 ? "true" : undefined}
                  className="data-[urgent=true]:bg-danger-soft/60"
                >
                  <TableCell>
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Link href={`/patients/${p.id}`} className="font-semibold">
                        {p.name}
                      </Link>
                      {p.openUrgentAlerts > 0 ? <Badge variant="urgent">Urgent alert</Badge> : null}
                      {overdue.has(p.id) ? <Badge variant="danger">Plan review overdue</Badge> : null}
                    </div>
                    <div className="text-sm text-muted-foreground">
                      {p.diagnosis.label} ({p.diagnosis.code}) · {p.stage === "early" ? "early (< 6 months)" : "chronic"} · you: {DISCIPLINE_LABELS[p.discipline]}
                    </div>
                  </TableCell>
                  <TableCell data-testid="last-check-in" className="whitespace-nowrap">
                    {p.lastCheckInDate ? formatCalendarDate(p.lastCheckInDate) : <span className="text-muted-foreground">None yet</span>}
                  </TableCell>
                  <TableCell data-testid="pain-trend">
                    <PainSparkline points={p.painSeries} from={page.painWindow.from} to={page.painWindow.to} />
                  </TableCell>
                  <TableCell data-testid="open-alerts">
                    <OpenAlerts urgent={p.openUrgentAlerts} review={p.openReviewAlerts} />
                  </TableCell>
                  <TableCell data-testid="adherence" className="whitespace-nowrap">
                    <Adherence {...p.adherence} />
                  </TableCell>
                  <TableCell data-testid="next-review" className="whitespace-nowrap">
                    {p.nextReviewDate ? formatCalendarDate(p.nextReviewDate) : <span className="text-muted-foreground">None set</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {page.nextCursor ? (
        <p>
          <Button asChild variant="secondary">
            <Link href={listHref({ after: page.nextCursor })}>Next page</Link>
          </Button>
        </p>
      ) : null}
    </>
  );
}
