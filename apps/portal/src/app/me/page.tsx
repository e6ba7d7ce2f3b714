import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatCalendarDate } from "@concord/domain";
import { Button } from "@concord/ui/button";
import { CardSection } from "@concord/ui/card";
import { CareTeamList } from "~/components/care-team-list";
import { Actions, CardGrid } from "~/components/layout";
import { CrisisResources } from "~/components/progress/crisis-resources";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "My care" };

export default async function MyCarePage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  const patientId = session.actor.patientId;
  const caller = await getCaller(session);
  const [patient, team, safety] = await Promise.all([
    caller.patients.get({ patientId }),
    caller.patients.careTeam({ patientId }),
    // While an urgent alert about the patient is open, their home keeps the crisis resources up.
    caller.patients.safety({ patientId }),
  ]);
  return (
    <>
      <h1>Hello, {patient.name.split(" ")[0]}</h1>
      {safety.showCrisisResources && safety.resources ? <CrisisResources resources={safety.resources} /> : null}
      <Actions>
        <Button asChild size="lg">
          <Link href="/me/check-in">Today’s check-in</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/me/progress">My progress</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/me/plan">My care plan</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/me/record-access">Who has looked at my record</Link>
        </Button>
        <Button asChild variant="secondary"><a href="/me/second-opinion.pdf" download>Second-opinion summary (PDF)</a></Button>
      </Actions>
      <CardGrid>
        <CardSection aria-labelledby="about-h">
          <h2 id="about-h">About your condition</h2>
          <p>
            Your diagnosis is <strong>{patient.diagnosis.label}</strong>. It began on {formatCalendarDate(patient.onsetDate)}
            {patient.stage === "early" ? ", less than six months ago. Starting care early tends to help." : ", more than six months ago."}
          </p>
          <p className="text-muted-foreground">Progress with CRPS is often slow. Doing a little every day counts.</p>
        </CardSection>
        <CardSection aria-labelledby="team-h">
          <h2 id="team-h">Your care team</h2>
          <CareTeamList team={team} />
        </CardSection>
      </CardGrid>
    </>
  );
}
