"use client";
import {
  type CarePlan,
  type Dose,
  type Intervention,
  type TrialEntry,
  formatCalendarDate,
  formatDose,
  interventionName,
  medicationTrialsOf,
  rankTrialSummaries,
  summariseTrials,
} from "@concord/domain/client";

import { CardSection } from "@concord/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";

const doseText = (dose: Dose | null) => (dose ? formatDose(dose.value, dose.unit) : "dose not recorded");

/**
 * Entries in date order, each with the dose in effect when it was recorded and its position in the
 * append-only history (`at`), which identifies it: entries have no id and two may look the same.
 */
function withDose(item: Intervention): Array<{ entry: TrialEntry; dose: Dose | null; at: number }> {
  const d = item.details;
  if (d.kind !== "medication") return [];
  const entries = item.trialEntries.map((entry, at) => ({ entry, at })).sort((a, b) => a.entry.date.localeCompare(b.entry.date));
  const first = entries.find((e) => e.entry.type === "dose_change")?.entry;
  let dose: Dose | null =
    first?.type === "dose_change" ? (first.from === null ? null : { value: first.from, unit: first.unit }) : { value: d.dose, unit: d.unit };
  return entries.map(({ entry, at }) => {
    if (entry.type === "dose_change") dose = { value: entry.to, unit: entry.unit };
    return { entry, dose, at };
  });
}

/** What one medication trial has shown so far: the doses tried, what they did, and what they cost. */
export function MedicationTrialHistory({ item }: { item: Intervention }) {
  const d = item.details;
  if (d.kind !== "medication" || item.status === "proposed") return null;
  const rows = withDose(item);
  const doses = rows.filter((r) => r.entry.type === "dose_change");
  const responses = rows.filter((r) => r.entry.type === "response");
  const sideEffects = rows.filter((r) => r.entry.type === "side_effect");
  const firstChange = doses[0]?.entry;
  const startingDose = firstChange?.type === "dose_change" ? firstChange.from : d.dose;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of read-only lists, not form controls, so not a <fieldset>
    <div className="grid gap-x-5 gap-y-2 text-sm grid-cols-[repeat(auto-fit,minmax(min(100%,12.5rem),1fr))] [&_h4]:font-semibold [&_ul]:list-disc [&_ul]:pl-5" role="group" aria-label={`Trial of ${interventionName(item)}`}>
      <div>
        <h4>Dose history</h4>
        <ul>
          {startingDose !== null ? (
            <li>{item.startDate ? `${formatCalendarDate(item.startDate)}: ` : ""}started at {formatDose(startingDose, d.unit)}</li>
          ) : null}
          {doses.map(({ entry: e, at }) =>
            e.type === "dose_change" ? (
              <li key={at}>
                {formatCalendarDate(e.date)}: {e.from === null ? "started at" : `${formatDose(e.from, e.unit)} →`} {formatDose(e.to, e.unit)} ({e.reason})
                {e.withdrawnSteps?.length
                  ? ` · planned ${e.withdrawnSteps.length === 1 ? "step" : "steps"} withdrawn: ${e.withdrawnSteps.map((s) => `${formatDose(s.dose, e.unit)} from ${formatCalendarDate(s.startsOn)}`).join(", ")}`
                  : null}
              </li>
            ) : null,
          )}
        </ul>
      </div>
      <div>
        <h4>Responses</h4>
        {responses.length === 0 ? <p className="text-muted-foreground">None recorded yet.</p> : null}
        <ul>
          {responses.map(({ entry: e, dose, at }) =>
            e.type === "response" ? (
              <li key={at}>
                {formatCalendarDate(e.date)}: pain {e.pain}/10 at {doseText(dose)}{e.note ? ` — ${e.note}` : ""}
              </li>
            ) : null,
          )}
        </ul>
      </div>
      <div>
        <h4>Side effects</h4>
        {sideEffects.length === 0 ? <p className="text-muted-foreground">None recorded by the team.</p> : null}
        <ul>
          {sideEffects.map(({ entry: e, dose, at }) =>
            e.type === "side_effect" ? (
              <li key={at}>
                {formatCalendarDate(e.date)}: {e.name} ({e.severity}) at {doseText(dose)}
              </li>
            ) : null,
          )}
        </ul>
      </div>
    </div>
  );
}

/**
 * Every medication tried, stopped ones included, ordered by the domain's ranking for "the best
 * relief with the fewest side effects". A summary for the team's review, not a recommendation.
 */
export function MedicationTrialsTable({ plan, today }: { plan: CarePlan; today: string }) {
  const items = new Map(plan.interventions.map((i) => [i.id, i]));
  const tried = medicationTrialsOf(plan, today).filter((t) => items.get(t.interventionId)?.status !== "proposed");
  if (tried.length === 0) return null;
  const ranked = rankTrialSummaries(summariseTrials(tried));
  return (
    <CardSection aria-labelledby="trials-h">
      <h2 id="trials-h">Medication trials</h2>
        <Table className="min-w-[48rem]" regionLabel="Medication trials table">
          <TableCaption className="caption-top px-0 pt-0">Medications tried, best relief first (lowest pain reported), then fewest severe and fewest side effects</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Order</TableHead>
              <TableHead scope="col">Medication</TableHead>
              <TableHead scope="col">Status</TableHead>
              <TableHead scope="col">Dose now or when stopped</TableHead>
              <TableHead scope="col">Best relief</TableHead>
              <TableHead scope="col">Responses</TableHead>
              <TableHead scope="col">Side effects</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ranked.map((s, index) => {
              const item = items.get(s.interventionId);
              const effects = (item?.trialEntries ?? []).flatMap((e) => (e.type === "side_effect" ? [`${e.name} (${e.severity})`] : []));
              return (
                <TableRow key={s.interventionId}>
                  <TableCell>{index + 1}</TableCell>
                  <TableHead scope="row" className="text-base text-foreground">
                    {s.medication}
                  </TableHead>
                  <TableCell>
                    {item?.status ?? ""}
                    {item?.status === "stopped" && item.stopReason ? ` — ${item.stopReason}` : ""}
                  </TableCell>
                  <TableCell>{doseText(s.currentDose)}</TableCell>
                  <TableCell>
                    {s.bestResponse
                      ? `pain ${s.bestResponse.pain}/10 at ${doseText(s.bestResponse.dose)} (${formatCalendarDate(s.bestResponse.date)})`
                      : "no response recorded"}
                  </TableCell>
                  <TableCell>{s.responseCount}</TableCell>
                  <TableCell>
                    {s.sideEffectCount === 0 ? "none" : `${s.sideEffectCount}${s.severeSideEffectCount > 0 ? ` (${s.severeSideEffectCount} severe)` : ""}: ${effects.join(", ")}`}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      <p className="text-muted-foreground">
        For the team&apos;s review: consider relief, side effects and the patient&apos;s own priorities together.
      </p>
    </CardSection>
  );
}
