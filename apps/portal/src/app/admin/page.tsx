import Link from "next/link";
import { redirect } from "next/navigation";
import { DISCIPLINE_LABELS, ROLE_LABELS, isClinicianRole, supportedTimeZones } from "@concord/domain";
import { When } from "~/components/viewer-clock";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";
import { ActiveToggle, AssignClinicianForm, InvitationStatus, InviteForm, RemoveMemberButton } from "./admin-forms";
import { SecondFactorReset } from "./second-factor-reset";

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
      <h1>Accounts and care teams</h1>
      <p className="muted">Administrators manage who can sign in and who is on each care team. Clinical records are not shown here.</p>
      {unrouted.length > 0 ? (
        <section className="card urgent-card" aria-labelledby="unrouted-alerts" data-testid="unrouted-alerts">
          <h2 id="unrouted-alerts" style={{ marginTop: 0 }}>
            <span className="badge danger">Urgent</span> Urgent alerts with nobody to notify
          </h2>
          <p>
            These patients have an urgent alert and no active clinician on their care team, so no clinician has been told. Add a clinician to each
            team now; they will see the alert on their worklist.
          </p>
          <ul className="plain">
            {unrouted.map((u) => (
              <li key={u.patientId} className="card">
                <strong>{u.patientName}</strong>: {u.openUrgentAlerts} urgent alert{u.openUrgentAlerts === 1 ? "" : "s"} waiting since{" "}
                <When at={u.since} />
                <AssignClinicianForm
                  idPrefix="unrouted-assign"
                  patientId={u.patientId}
                  patientName={u.patientName}
                  clinicians={clinicians.map((c) => ({ id: c.id, name: c.name, role: c.role }))}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <search>
        <form className="inline card" action="/admin">
          <div style={{ flex: 1 }}>
            <label htmlFor="q">Search people by name or email</label>
            <input id="q" name="q" defaultValue={search ?? ""} maxLength={100} />
          </div>
          <button type="submit">Search</button>
        </form>
      </search>
      <div className="grid" style={{ gridTemplateColumns: "2fr 1fr" }}>
        <section aria-labelledby="accounts-h">
          <h2 id="accounts-h">Accounts</h2>
          <table>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th></tr>
            </thead>
            <tbody>
              {users.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>
                    <span className={`badge ${u.active ? "ok" : "warn"}`}>{u.active ? "active" : "deactivated"}</span>{" "}
                    {u.id === session.actor.userId ? null : <ActiveToggle userId={u.id} active={u.active} name={u.name} />}
                    <InvitationStatus userId={u.id} name={u.name} active={u.active} invitation={u.invitation} />
                    {u.secondFactorOn ? <SecondFactorReset userId={u.id} name={u.name} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {users.nextCursor ? <p><Link href={`/admin?${new URLSearchParams({ ...(search ? { q: search } : {}), usersAfter: users.nextCursor })}`}>More accounts</Link></p> : null}
        </section>
        <section className="card" aria-labelledby="create-h">
          <h2 id="create-h">Invite a person</h2>
          <InviteForm timeZones={supportedTimeZones()} clinicTimeZone={env().clinicSettings.timeZone} />
        </section>
      </div>
      <section aria-labelledby="teams-h">
        <h2 id="teams-h">Care teams</h2>
        {directory.items.map((p) => (
          <div key={p.id} className="card">
            <h3 style={{ marginTop: 0 }}>{p.name}</h3>
            {p.team.length === 0 ? <p className="muted">No clinicians yet.</p> : (
              <ul className="plain">
                {p.team.map((m) => (
                  <li key={m.clinicianId} className="inline" style={{ justifyContent: "space-between" }}>
                    <span>{m.name} — {DISCIPLINE_LABELS[m.discipline]}</span>
                    <RemoveMemberButton patientId={p.id} patientName={p.name} clinicianId={m.clinicianId} clinicianName={m.name} />
                  </li>
                ))}
              </ul>
            )}
            <AssignClinicianForm
              patientId={p.id}
              patientName={p.name}
              clinicians={clinicians.filter((c) => !p.team.some((m) => m.clinicianId === c.id)).map((c) => ({ id: c.id, name: c.name, role: c.role }))}
            />
          </div>
        ))}
        {directory.nextCursor ? <p><Link href={`/admin?${new URLSearchParams({ ...(search ? { q: search } : {}), patientsAfter: directory.nextCursor })}`}>More patients</Link></p> : null}
      </section>
    </>
  );
}
