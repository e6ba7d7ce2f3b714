import type { Metadata } from "next";
import Link from "next/link";
import { Search, UserPlus } from "lucide-react";
import { redirect } from "next/navigation";
import { DISCIPLINE_LABELS, can, isClinicianRole } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { Input } from "@concord/ui/input";
import { Label } from "@concord/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { PageHeader } from "~/components/page-header";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

/** "1 urgent, 2 to review" in words (never colour alone). Plain text: the row's one link is the patient's name. */
function OpenAlerts({ urgent, review }: { urgent: number; review: number }) {
  if (urgent === 0 && review === 0) return <span className="text-muted-foreground">None</span>;
  return <>{[urgent > 0 ? `${urgent} urgent` : null, review > 0 ? `${review} to review` : null].filter(Boolean).join(", ")}</>;
}

export const metadata: Metadata = { title: "My patients" };

export default async function MyPatientsPage({ searchParams }: { searchParams: Promise<{ q?: string; after?: string }> }) {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const { q, after } = await searchParams;
  const search = q?.trim().slice(0, 100) || undefined;
  const caller = await getCaller(session);
  const page = await caller.patients.list({ search, cursor: after, limit: 25 });
  // One batched query for the patients on this page, not one per row.
  const overdue = new Set((await caller.carePlan.pastReview({ patientIds: page.items.map((p) => p.id), limit: 100 })).items.map((p) => p.patientId));
  return (
    <>
      <PageHeader
        title="My patients"
        description="Patients with an open urgent alert are listed first."
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
        <Table aria-label="Patients on your care teams">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Diagnosis</TableHead>
              <TableHead scope="col">Stage</TableHead>
              <TableHead scope="col">Your role</TableHead>
              <TableHead scope="col">Open alerts</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.items.map((p) => (
              <TableRow key={p.id} data-urgent={p.openUrgentAlerts > 0 ? "true" : undefined} className="data-[urgent=true]:bg-danger-soft/60">
                <TableCell>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <Link href={`/patients/${p.id}`} className="font-semibold">
                      {p.name}
                    </Link>
                    {p.openUrgentAlerts > 0 ? <Badge variant="urgent">Urgent alert</Badge> : null}
                    {overdue.has(p.id) ? <Badge variant="danger">Plan review overdue</Badge> : null}
                  </div>
                </TableCell>
                <TableCell>
                  {p.diagnosis.label} <span className="text-muted-foreground">({p.diagnosis.code})</span>
                </TableCell>
                <TableCell>
                  <Badge variant={p.stage === "early" ? "warning" : "neutral"}>{p.stage === "early" ? "Early (< 6 months)" : "Chronic"}</Badge>
                </TableCell>
                <TableCell>{DISCIPLINE_LABELS[p.discipline]}</TableCell>
                <TableCell>
                  <OpenAlerts urgent={p.openUrgentAlerts} review={p.openReviewAlerts} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page.nextCursor ? (
        <p>
          <Button asChild variant="secondary">
            <Link href={`/patients?${new URLSearchParams({ ...(search ? { q: search } : {}), after: page.nextCursor })}`}>Next page</Link>
          </Button>
        </p>
      ) : null}
    </>
  );
}
