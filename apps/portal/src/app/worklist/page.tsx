import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { redirect } from "next/navigation";
import { isClinicianRole } from "@concord/domain";
import { AlertCard } from "~/components/progress/alert-card";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";
import { PatientQuestionsSection } from "./patient-questions-section";

export const metadata: Metadata = { title: "Worklist" };

export default async function WorklistPage({ searchParams }: { searchParams: Promise<{ after?: string; qafter?: string }> }) {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const { after, qafter } = await searchParams;
  const caller = await getCaller(session);
  const page = await caller.alerts.worklist({ limit: 25, cursor: after?.slice(0, 200) });
  const questions = await caller.alerts.patientQuestions({ limit: 25, cursor: qafter?.slice(0, 200) });
  const waiting = questions.items.length + (questions.nextCursor ? "+" : "");
  const urgent = page.items.filter((a) => a.severity === "urgent").length;
  return (
    <>
      <h1>Worklist</h1>
      <p>
        Who needs attention and why: open decision-support alerts for patients on your care teams, urgent first.
        {page.items.length > 0 ? ` ${urgent} urgent on this page.` : ""}
        {questions.items.length > 0 ? (
          <>
            {" "}
            <a href="#patient-questions-h">
              {waiting} patient {questions.items.length === 1 && !questions.nextCursor ? "question" : "questions"} waiting for an answer
            </a>
            .
          </>
        ) : null}
      </p>
      <h2>Alerts</h2>
      {page.items.length === 0 ? (
        <Card>
          <p>{after ? "No more alerts." : questions.items.length > 0 ? "No open alerts." : "Nothing needs attention right now."}</p>
        </Card>
      ) : (
        page.items.map((a) => <AlertCard key={a.id} alert={a} showPatient />)
      )}
      <nav aria-label="Worklist pages" className="flex flex-wrap gap-2 empty:hidden">
        {after ? (
          <Button asChild variant="secondary">
            <Link href="/worklist">First page</Link>
          </Button>
        ) : null}
        {page.nextCursor ? (
          <Button asChild variant="secondary">
            <Link href={`/worklist?after=${encodeURIComponent(page.nextCursor)}`}>Next page</Link>
          </Button>
        ) : null}
      </nav>
      <PatientQuestionsSection page={questions} after={qafter} alertsAfter={after} />
    </>
  );
}
