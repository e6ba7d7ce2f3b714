import {
  ADHERENCE_STATUS_LABELS,
  BODY_SITE_LABELS,
  CHECK_IN_RED_FLAG_LABELS,
  CHECK_IN_RED_FLAG_SHORT_LABELS,
  CHECK_IN_SYMPTOMS,
  CHECK_IN_SYMPTOM_LABELS,
  type CheckInRedFlag,
  formatCalendarDate,
} from "@concord/domain";
import type { RouterOutputs } from "@concord/api";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { Facts, PatientWords } from "~/components/layout";

export type TeamCheckIn = RouterOutputs["checkIns"]["list"]["items"][number];

/** The red flags a check-in answered yes, as a badge; "none reported" only when the questions were asked. */
export function RedFlagBadge({ flags, asked }: { flags: readonly CheckInRedFlag[]; asked: readonly CheckInRedFlag[] }) {
  if (flags.length > 0) {
    return <Badge variant="danger">⚠ {flags.map((f) => CHECK_IN_RED_FLAG_SHORT_LABELS[f]).join(", ")}</Badge>;
  }
  return <span className="text-muted-foreground">{asked.length > 0 ? "None reported" : "Not asked"}</span>;
}

/** A check-in in full, in the patient's own words: what the team needs to read, nothing summarised away. */
export function CheckInDetails({ checkIn, sideEffects = [] }: { checkIn: TeamCheckIn; sideEffects?: ReadonlyArray<{ interventionId: string; text: string }> }) {
  const symptoms = CHECK_IN_SYMPTOMS.filter((s) => checkIn.symptoms[s]);
  const where = checkIn.bodyLocations.map((l) => (l.site === "other" ? `${BODY_SITE_LABELS.other}: ${l.detail}` : BODY_SITE_LABELS[l.site]));
  return (
    <div data-testid="check-in-details" className="flex flex-col gap-3">
      {checkIn.redFlags.length > 0 ? (
        <Alert variant="danger" role="note">
          <strong>Red flags answered yes:</strong>
          <ul className="list-disc pl-5">
            {checkIn.redFlags.map((f) => (
              <li key={f}>{CHECK_IN_RED_FLAG_LABELS[f]}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {checkIn.note ? <PatientWords data-testid="check-in-note">“{checkIn.note}”</PatientWords> : null}
      <Facts>
        <dt>Pain now / average / worst</dt>
        <dd>
          {checkIn.painNow} / {checkIn.painAverage} / {checkIn.painWorst} (0–10)
        </dd>
        <dt>Symptoms</dt>
        <dd>{symptoms.length ? symptoms.map((s) => CHECK_IN_SYMPTOM_LABELS[s]).join("; ") : "None ticked"}</dd>
        <dt>Where it hurts</dt>
        <dd>{where.length ? where.join("; ") : "Not said"}</dd>
        <dt>Sleep</dt>
        <dd>
          {checkIn.sleepHours} hours, quality {checkIn.sleepQuality}/10
        </dd>
        <dt>Mood</dt>
        <dd>{checkIn.mood}/10</dd>
        {checkIn.redFlags.length === 0 ? (
          <>
            <dt>Red flags</dt>
            <dd>
              <RedFlagBadge flags={checkIn.redFlags} asked={checkIn.redFlagsAsked} />
            </dd>
          </>
        ) : null}
      </Facts>
      {checkIn.adherence.length > 0 ? (
        <Table aria-label={`Plan items reported on ${formatCalendarDate(checkIn.date)}`}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Plan item</TableHead>
              <TableHead scope="col">Done?</TableHead>
              <TableHead scope="col">Side effects the patient reported</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {checkIn.adherence.map((a) => {
              const reported = a.sideEffects ?? sideEffects.find((s) => s.interventionId === a.interventionId)?.text;
              return (
                <TableRow key={a.interventionId}>
                  <TableHead scope="row" className="text-base text-foreground">
                    {a.name}
                  </TableHead>
                  <TableCell>{ADHERENCE_STATUS_LABELS[a.status]}</TableCell>
                  <TableCell>{reported ? <q>{reported}</q> : <span className="text-muted-foreground">None</span>}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : (
        <p className="text-muted-foreground">No plan items reported on this check-in.</p>
      )}
    </div>
  );
}
