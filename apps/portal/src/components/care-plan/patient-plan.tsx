import "./care-plan.css";
import type { RouterOutputs } from "@concord/api";
import { formatWhen } from "./revision-diff";
import { PlanCommentThread } from "~/components/patient-questions/plan-comment-thread";

type View = NonNullable<RouterOutputs["carePlan"]["patientView"]["view"]>;
type Comments = RouterOutputs["carePlan"]["comments"]["items"];

/** The plan in the patient's words: this week's to-dos, goals, who does what, and what is new. */
export function PatientPlan({ view, patientName, comments }: { view: View; patientName: string; comments: Comments }) {
  // Each item once: an item serving several goals is under each goal below, but is one action this week.
  const actions = view.actions;
  const byPerson = new Map<string, string[]>();
  for (const t of actions) byPerson.set(t.responsible, [...(byPerson.get(t.responsible) ?? []), t.name]);
  return (
    <div className="patient-plan">
      <p className="print-only">
        Care plan summary for <strong>{patientName}</strong> · version {view.version} · printed from Concord. Next team review: {view.reviewDue}.
      </p>

      <section className="card" aria-labelledby="changes-h">
        <h2 id="changes-h" style={{ marginTop: 0 }}>What changed since you last looked</h2>
        {view.changes.firstLook ? (
          <p>This is your first look at your care plan. Everything below is new to you.</p>
        ) : view.changes.items.length === 0 ? (
          <p>Nothing has changed since you last looked.</p>
        ) : (
          <ul>
            {view.changes.items.map((c) => (
              <li key={`${c.createdAt}-${c.summary}`}>
                {c.summary} <span className="muted">({formatWhen(c.createdAt)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="week-h">
        <h2 id="week-h" style={{ marginTop: 0 }}>This week</h2>
        {actions.length === 0 ? <p>Your team has not started any treatments yet.</p> : null}
        <ul className="action-list">
          {actions.map((t) => (
            <li key={t.interventionId}>
              <strong>{t.action}</strong>
              {t.instructions ? <div>{t.instructions}</div> : null}
              {t.nextStep ? <div className="muted">Next step: {t.nextStep}</div> : null}
            </li>
          ))}
        </ul>
        {view.upcoming.length > 0 ? (
          <>
            <h3>Coming up</h3>
            <ul>
              {view.upcoming.map((u) => (
                <li key={u.interventionId}>
                  {u.dateLabel}: {u.what} {u.inDays === 0 ? "(today)" : u.inDays === 1 ? "(tomorrow)" : `(in ${u.inDays} days)`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {view.goals.map((g) => (
        <section key={g.goalId} className="card" aria-labelledby={`pgoal-${g.goalId}`}>
          <h2 id={`pgoal-${g.goalId}`} style={{ marginTop: 0 }}>{g.label}</h2>
          {g.targets.length > 0 ? (
            <p>
              What we are aiming for: {g.targets.join("; ")}
              {g.status ? <span className="muted"> · {g.status.replace("_", " ")}</span> : null}
            </p>
          ) : null}
          {g.actions.length === 0 ? <p className="muted">Nothing to do for this goal right now.</p> : null}
          {g.actions.map((t) => (
            <div key={t.interventionId} style={{ marginBottom: ".75rem" }}>
              <h3 style={{ margin: ".25rem 0", fontSize: "1rem" }}>{t.name}</h3>
              <p style={{ margin: 0 }}>{t.action}</p>
              {t.about ? <p className="muted" style={{ margin: 0 }}>{t.about}</p> : null}
              <p style={{ margin: 0 }}>
                Looked after by: {t.responsible}
                {t.patientLed ? " — this one is yours to do, with your team’s support" : ""}
                {t.alsoHelps.length > 0 ? ` · also helps: ${t.alsoHelps.join(", ")}` : ""}
              </p>
            </div>
          ))}
          {g.onHold.length > 0 ? <p className="muted">On hold for now: {g.onHold.join(", ")}</p> : null}
        </section>
      ))}

      <section className="card" aria-labelledby="who-h">
        <h2 id="who-h" style={{ marginTop: 0 }}>Who is responsible for what</h2>
        <ul>
          {[...byPerson.entries()].map(([who, items]) => (
            <li key={who}>
              <strong>{who}</strong>: {items.join(", ")}
            </li>
          ))}
        </ul>
        <p className="muted">Next review of your plan by the team: {view.reviewDue}.</p>
      </section>

      <section className="card no-print" aria-labelledby="comments-h">
        <h2 id="comments-h" style={{ marginTop: 0 }}>Comments</h2>
        <PlanCommentThread
          comments={comments}
          viewer="patient"
          patientId={view.patientId}
          patientName={patientName}
          itemNames={new Map(actions.map((t) => [t.interventionId, t.name]))}
        />
      </section>
    </div>
  );
}
