import Link from "next/link";
import { PAIN_SCALE_MAX, formatCalendarDate } from "@concord/domain";
import type { RouterOutputs } from "@concord/api";
import { Badge } from "@concord/ui/badge";
import { CardSection } from "@concord/ui/card";
import { cn } from "@concord/ui/utils";
import { PatientWords } from "~/components/layout";
import { CheckInDetails, RedFlagBadge } from "./check-in-details";

type Latest = RouterOutputs["checkIns"]["latestForReview"];

/**
 * The clinician's summary card: the latest check-in in the patient's own words (their note, the pain
 * figures, any red flag) at a glance, every other answer one click away; marked new since this
 * clinician last looked.
 */
export function LatestCheckIn({ latest, patientId, className }: { latest: Latest; patientId: string; className?: string }) {
  const checkIn = latest.checkIn;
  return (
    <CardSection className={cn("gap-2 p-4 sm:p-4", className)} aria-labelledby="latest-checkin-h" data-testid="latest-check-in">
      <h2 id="latest-checkin-h" className="flex flex-wrap items-center gap-2 text-lg">
        Latest check-in{" "}
        {checkIn && latest.newSinceLastLook ? (
          <Badge variant="warning" data-testid="new-since-last-look">
            New since you last looked
          </Badge>
        ) : null}
      </h2>
      {checkIn ? (
        <>
          <p className="text-sm text-muted-foreground">
            {formatCalendarDate(checkIn.date)}
            {checkIn.version > 1 ? ` (edited ${checkIn.version - 1}×)` : ""}, in the patient’s own words.
          </p>
          {checkIn.note ? (
            <PatientWords data-testid="check-in-note" className="text-base">
              “{checkIn.note}”
            </PatientWords>
          ) : (
            <p className="text-muted-foreground">No note.</p>
          )}
          <dl className="grid grid-cols-3 gap-2 text-center" data-testid="latest-pain">
            {(
              [
                ["Pain now", checkIn.painNow],
                ["Average", checkIn.painAverage],
                ["Worst", checkIn.painWorst],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-lg bg-muted px-2 py-1">
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">
                  {value}
                  <span className="text-sm font-normal text-muted-foreground">/{PAIN_SCALE_MAX}</span>
                </dd>
              </div>
            ))}
          </dl>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Red flags: <RedFlagBadge flags={checkIn.redFlags} asked={checkIn.redFlagsAsked} />
          </p>
          <details className="text-sm">
            <summary className="w-fit cursor-pointer font-semibold text-primary">All answers</summary>
            <div className="mt-2">
              {/* The note is shown above; the full answers below repeat everything else. */}
              <CheckInDetails checkIn={{ ...checkIn, note: undefined }} sideEffects={latest.sideEffects ?? []} />
            </div>
          </details>
          <p className="text-sm">
            <Link href={`/patients/${patientId}/progress#checkins-h`}>All check-ins and trends</Link>
          </p>
        </>
      ) : (
        <p className="text-muted-foreground">No check-ins yet.</p>
      )}
    </CardSection>
  );
}
