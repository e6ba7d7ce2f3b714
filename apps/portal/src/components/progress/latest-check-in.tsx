import Link from "next/link";
import { formatCalendarDate } from "@concord/domain";
import type { RouterOutputs } from "@concord/api";
import { Badge } from "@concord/ui/badge";
import { CardSection } from "@concord/ui/card";
import { CheckInDetails } from "./check-in-details";

type Latest = RouterOutputs["checkIns"]["latestForReview"];

/** The clinician's summary card: the latest check-in in full, marked new since this clinician last looked. */
export function LatestCheckIn({ latest, patientId }: { latest: Latest; patientId: string }) {
  return (
    <CardSection className="md:col-span-2" aria-labelledby="latest-checkin-h" data-testid="latest-check-in">
      <h2 id="latest-checkin-h" className="flex flex-wrap items-center gap-2">
        Latest check-in{" "}
        {latest.checkIn && latest.newSinceLastLook ? (
          <Badge variant="warning" data-testid="new-since-last-look">
            New since you last looked
          </Badge>
        ) : null}
      </h2>
      {latest.checkIn ? (
        <>
          <p className="text-muted-foreground">
            {formatCalendarDate(latest.checkIn.date)}
            {latest.checkIn.version > 1 ? ` (edited ${latest.checkIn.version - 1}×)` : ""}, in the patient’s own words.
          </p>
          <CheckInDetails checkIn={latest.checkIn} sideEffects={latest.sideEffects ?? []} />
          <p>
            <Link href={`/patients/${patientId}/progress#checkins-h`}>All check-ins and trends</Link>
          </p>
        </>
      ) : (
        <p className="text-muted-foreground">No check-ins yet.</p>
      )}
    </CardSection>
  );
}
