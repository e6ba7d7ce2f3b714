import type { Metadata } from "next";
import Link from "next/link";
import { Search } from "lucide-react";
import { redirect } from "next/navigation";
import { DISCIPLINE_LABELS, ROLE_LABELS, isClinicianRole, supportedTimeZones, describeTimeZones } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card, CardSection } from "@concord/ui/card";
import { Input } from "@concord/ui/input";
import { Label } from "@concord/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { RowList } from "~/components/layout";
import { PageHeader } from "~/components/page-header";
import { When } from "~/components/viewer-clock";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";
import { ActiveToggle, AssignClinicianForm, InvitationStatus, InviteForm, RemoveMemberButton } from "./admin-forms";
import { SecondFactorReset } from "./second-factor-reset";

export const metadata: Metadata = { title: "Accounts and care teams" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; usersAfter?: string; patientsAfter?: string }> }) {
  const session = await requireSessionActor();
  if (session.actor.role !== "admin") redirect("/");
  const { q, usersAfter, patientsAfter } = await searchParams;
  const search = q?.trim().slice(0, 100) || undefined;
  const caller = await getCaller(session);
  const [users, directory, unrouted] = await Promise.all([
    caller.admin.users.list({ search, cursor: usersAfter, limit: 50 }),
    caller.admin.careTeams.list({ search, cursor: patientsAfter, limit: 25 }),
    caller.admin.unroutedAlerts(),
  ]);
  const clinicians = users.items.filter((u) => isClinicianRole(u.role) && u.active);
  return (
    <>
      <PageHeader title="Accounts and care teams" description="Administrators manage who can sign in and who is on each care team. Clinical records are not shown here." />
      {unrouted.length > 0 ? (
        <CardSection className="border-3 border-danger bg-danger-soft" aria-labelledby="unrouted-alerts" data-testid="unrouted-alerts">
          <h2 id="unrouted-alerts" className="flex flex-wrap items-center gap-2">
            <Badge variant="urgent">Urgent</Badge> Urgent alerts with nobody to notify
          </h2>
          <p>
            These patients have an urgent alert and no active clinician on their care team, so no clinician has been told. Add a clinician to each
            team now; they will see the alert on their worklist.
          </p>
          <ul className="grid gap-3">
            {unrouted.map((u) => (
              <Card asChild key={u.patientId} className="gap-2">
              <li>
                <strong>{u.patientName}</strong>: {u.openUrgentAlerts} urgent alert{u.openUrgentAlerts === 1 ? "" : "s"} waiting since{" "}
                <When at={u.since} />
                <AssignClinicianForm
                  idPrefix="unrouted-assign"
                  patientId={u.patientId}
                  patientName={u.patientName}
                  clinicians={clinicians.map((c) => ({ id: c.id, name: c.name, role: c.role }))}
                />
              </li>
              </Card>
            ))}
          </ul>
        </CardSection>
      ) : null}
      <search>
        <Card asChild className="flex-row flex-wrap items-end gap-3">
          <form action="/admin">
            <div className="grid min-w-48 flex-1 gap-1.5">
              <Label htmlFor="q">Search people by name or email</Label>
              <Input id="q" name="q" defaultValue={search ?? ""} maxLength={100} />
            </div>
            <Button type="submit">
              <Search aria-hidden="true" />
              Search
            </Button>
          </form>
        </Card>
      </search>
      <div className="grid items-start gap-5 2xl:grid-cols-[2fr_minmax(22rem,1fr)]">
        <section aria-labelledby="accounts-h" className="flex min-w-0 flex-col gap-3">
          <h2 id="accounts-h">Accounts</h2>
          <Table regionLabel="Accounts table" className="min-w-[40rem]">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Email</TableHead>
                <TableHead scope="col">Role</TableHead>
                <TableHead scope="col">Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.items.map((u) => (
                <TableRow key={u.id}>
                  <TableCell className="font-medium">{u.name}</TableCell>
                  <TableCell className="whitespace-nowrap">{u.email}</TableCell>
                  <TableCell>{ROLE_LABELS[u.role]}</TableCell>
                  <TableCell>
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge variant={u.active ? "success" : "warning"}>{u.active ? "active" : "deactivated"}</Badge>
                      {u.id === session.actor.userId ? null : <ActiveToggle userId={u.id} active={u.active} name={u.name} />}
                      {u.secondFactorOn ? <SecondFactorReset userId={u.id} name={u.name} /> : null}
                    </div>
                    <InvitationStatus userId={u.id} name={u.name} active={u.active} invitation={u.invitation} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {users.nextCursor ? (
            <p>
              <Link href={`/admin?${new URLSearchParams({ ...(search ? { q: search } : {}), usersAfter: users.nextCursor })}`}>More accounts</Link>
            </p>
          ) : null}
        </section>
        <CardSection aria-labelledby="create-h" className="max-w-2xl">
          <h2 id="create-h">Invite a person</h2>
          <InviteForm
          timeZones={supportedTimeZones()}
          zoneLabels={describeTimeZones([...supportedTimeZones(), env().clinicSettings.timeZone])}
          clinicTimeZone={env().clinicSettings.timeZone} />
        </CardSection>
      </div>
      <section aria-labelledby="teams-h" className="flex flex-col gap-3">
        <h2 id="teams-h">Care teams</h2>
        {directory.items.map((p) => (
          <Card key={p.id} className="gap-3">
            <h3 className="text-lg">{p.name}</h3>
            {p.team.length === 0 ? (
              <p className="text-muted-foreground">No clinicians yet.</p>
            ) : (
              <RowList>
                {p.team.map((m) => (
                  <li key={m.clinicianId} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      {m.name} — {DISCIPLINE_LABELS[m.discipline]}
                    </span>
                    <RemoveMemberButton patientId={p.id} patientName={p.name} clinicianId={m.clinicianId} clinicianName={m.name} />
                  </li>
                ))}
              </RowList>
            )}
            <AssignClinicianForm
              patientId={p.id}
              patientName={p.name}
              clinicians={clinicians.filter((c) => !p.team.some((m) => m.clinicianId === c.id)).map((c) => ({ id: c.id, name: c.name, role: c.role }))}
            />
          </Card>
        ))}
        {directory.nextCursor ? <p><Link href={`/admin?${new URLSearchParams({ ...(search ? { q: search } : {}), patientsAfter: directory.nextCursor })}`}>More patients</Link></p> : null}
      </section>
    </>
  );
}
