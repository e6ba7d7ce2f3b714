import type { RouterOutputs } from "@concord/api";
import { CardSection } from "@concord/ui/card";
import { PlanCommentThread } from "~/components/patient-questions/plan-comment-thread";
import { formatWhen } from "./revision-diff";

type View = NonNullable<RouterOutputs["carePlan"]["patientView"]["view"]>;
type Comments = RouterOutputs["carePlan"]["comments"]["items"];

/** On paper each card stays on one page, and links read as text. */
const printCard = "print:break-inside-avoid print:shadow-none [&_a]:print:text-inherit [&_a]:print:no-underline";

/** The plan in the patient's words: this week's to-dos, goals, who does what, and what is new. */
export function PatientPlan({ view, patientName, comments }: { view: View; patientName: string; comments: Comments }) {
  // Each item once: an item serving several goals is under each goal below, but is one action this week.
  const actions = view.actions;
  const byPerson = new Map<string, string[]>();
  for (const t of actions) byPerson.set(t.responsible, [...(byPerson.get(t.responsible) ?? []), t.name]);
  return (
    <div className="flex flex-col gap-4">
      <p className="hidden print:block">
        Care plan summary for <strong>{patientName}</strong> · version {view.version} · printed from Concord. Next team review: {view.reviewDue}.
      </p>

      <CardSection aria-labelledby="changes-h" className={printCard}>
        <h2 id="changes-h">What changed since you last looked</h2>
        {view.changes.firstLook ? (
          <p>This is your first look at your care plan. Everything below is new to you.</p>
        ) : view.changes.items.length === 0 ? (
          <p>Nothing has changed since you last looked.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {view.changes.items.map((c) => (
              <li key={`${c.createdAt}-${c.summary}`}>
                {c.summary} <span className="text-muted-foreground">({formatWhen(c.createdAt)})</span>
              </li>
            ))}
          </ul>
        )}
      </CardSection>

      <CardSection aria-labelledby="week-h" className={printCard}>
        <h2 id="week-h">This week</h2>
        {actions.length === 0 ? <p>Your team has not started any treatments yet.</p> : null}
        <ul className="list-disc space-y-2 pl-5">
          {actions.map((t) => (
            <li key={t.interventionId}>
              <strong>{t.action}</strong>
              {t.instructions ? <div>{t.instructions}</div> : null}
              {t.nextStep ? <div className="text-muted-foreground">Next step: {t.nextStep}</div> : null}
            </li>
          ))}
        </ul>
        {view.upcoming.length > 0 ? (
          <>
            <h3>Coming up</h3>
            <ul className="list-disc space-y-1 pl-5">
              {view.upcoming.map((u) => (
                <li key={u.interventionId}>
                  {u.dateLabel}: {u.what} {u.inDays === 0 ? "(today)" : u.inDays === 1 ? "(tomorrow)" : `(in ${u.inDays} days)`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </CardSection>

      {view.goals.map((g) => (
        <CardSection key={g.goalId} aria-labelledby={`pgoal-${g.goalId}`} className={printCard}>
          <h2 id={`pgoal-${g.goalId}`}>{g.label}</h2>
          {g.targets.length > 0 ? (
            <p>
              What we are aiming for: {g.targets.join("; ")}
              {g.status ? <span className="text-muted-foreground"> · {g.status.replace("_", " ")}</span> : null}
            </p>
          ) : null}
          {g.actions.length === 0 ? <p className="text-muted-foreground">Nothing to do for this goal right now.</p> : null}
          {g.actions.map((t) => (
            <div key={t.interventionId} className="grid gap-0.5">
              <h3>{t.name}</h3>
              <p>{t.action}</p>
              {t.about ? <p className="text-muted-foreground">{t.about}</p> : null}
              <p>
                Looked after by: {t.responsible}
                {t.patientLed ? " — this one is yours to do, with your team’s support" : ""}
                {t.alsoHelps.length > 0 ? ` · also helps: ${t.alsoHelps.join(", ")}` : ""}
              </p>
            </div>
          ))}
          {g.onHold.length > 0 ? <p className="text-muted-foreground">On hold for now: {g.onHold.join(", ")}</p> : null}
        </CardSection>
      ))}

      <CardSection aria-labelledby="who-h" className={printCard}>
        <h2 id="who-h">Who is responsible for what</h2>
        <ul className="list-disc space-y-1 pl-5">
          {[...byPerson.entries()].map(([who, items]) => (
            <li key={who}>
              <strong>{who}</strong>: {items.join(", ")}
            </li>
          ))}
        </ul>
        <p className="text-muted-foreground">Next review of your plan by the team: {view.reviewDue}.</p>
      </CardSection>

      <CardSection aria-labelledby="comments-h" className="print:hidden">
        <h2 id="comments-h">Comments</h2>
        <PlanCommentThread
          comments={comments}
          viewer="patient"
          itemNames={new Map(actions.map((t) => [t.interventionId, t.name]))}
        />
      </CardSection>
    </div>
  );
}
