"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useRef, useState } from "react";
import {
  DISCIPLINE_LABELS,
  GMI_STAGE_LABELS,
  type Intervention,
  type PlanCommand,
  THERAPY_CATEGORY_LABELS,
  describeTarget,
  formatCalendarDate,
  formatDose,
  getTherapy,
  goalLabel,
  interventionName,
  isFinalStatus,
  mayChangeIntervention,
  planByGoal,
  careTeamDisciplineHolds,
} from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Toaster, useToast } from "@concord/ui/toast";
import { Badge } from "@concord/ui/badge";
import { Card, CardSection } from "@concord/ui/card";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { When } from "~/components/viewer-clock";
import { type EditResult, type EditorApi, EditorContext, type PlanData, useEditor } from "./editor-context";
import { ItemEditSheet } from "./item-edit-button";
import { ConflictPanel, type ConflictDetails, readConflictDetails } from "./conflict-panel";
import { describePrescription } from "./medication-text";
import { MedicationTrialHistory, MedicationTrialsTable } from "./medication-trials";
import { ChangePlanForms, GoalEditForm, InterventionActions } from "./plan-disclosures";
import { ReportedSideEffects } from "~/components/progress/reported-side-effects";

const STATUS_BADGE = { proposed: "default", active: "success", paused: "warning", completed: "neutral", stopped: "danger" } as const satisfies Record<
  Intervention["status"],
  string
>;

export function CarePlanEditor(props: { patientId: string; initial: PlanData; readOnly?: boolean }) {
  // The editor's own toast region: a save is confirmed politely where the user is, not off-screen.
  return (
    <Toaster label="Care plan notifications">
      <Editor {...props} />
    </Toaster>
  );
}

function Editor({ patientId, initial, readOnly = false }: { patientId: string; initial: PlanData; readOnly?: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  // The editor keeps the version it loaded until the user reloads or saves: that is what makes a
  // concurrent change visible as a conflict instead of a silent refresh under their hands.
  const query = useQuery({
    ...trpc.carePlan.get.queryOptions({ patientId }),
    initialData: initial,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const data = query.data;
  const update = useMutation(trpc.carePlan.update.mutationOptions());
  const [conflict, setConflict] = useState<{ command: PlanCommand; details: ConflictDetails; message: string } | null>(null);
  const [status, setStatus] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  // Most forms sit far below the top of a long plan: bring a conflict or refusal into view (and
  // focus, for keyboard and screen-reader users) so nobody assumes a refused change was saved.
  const noticeRef = useRef<HTMLDivElement>(null);
  const attention = conflict ? "conflict" : status?.kind === "error" ? status.text : null;
  useEffect(() => {
    if (!attention || !noticeRef.current) return;
    noticeRef.current.scrollIntoView({ block: "start" });
    noticeRef.current.focus({ preventScroll: true });
  }, [attention]);

  async function send(command: PlanCommand, expectedVersion: number): Promise<boolean> {
    setStatus(null);
    try {
      const saved = await update.mutateAsync({ patientId, expectedVersion, command });
      // Announce the save only once the page shows the saved plan: forms keyed by version reset
      // on that refetch, so input typed in between would otherwise be silently discarded.
      await query.refetch();
      setConflict(null);
      setStatus({ kind: "success", text: `Saved as version ${saved.version}: ${saved.summary}` });
      return true;
    } catch (error) {
      const details = error instanceof TRPCClientError ? readConflictDetails((error.data as { details?: unknown } | undefined)?.details) : null;
      if (error instanceof TRPCClientError && error.data?.code === "CONFLICT" && details) {
        setConflict({ command, details, message: error.message });
      } else {
        setStatus({ kind: "error", text: errorMessage(error) });
      }
      return false;
    }
  }

  /** One item's edit form: a refusal goes back to the form (beside its fields), a conflict to the panel. */
  async function edit(command: PlanCommand, options: { label: string }): Promise<EditResult> {
    setStatus(null);
    try {
      const saved = await update.mutateAsync({ patientId, expectedVersion: data.version, command });
      await query.refetch();
      setConflict(null);
      setLive(null);
      toast({ title: `${options.label} saved`, description: `Saved as version ${saved.version}: ${saved.summary}`, variant: "success" });
      return { saved: true, conflict: false };
    } catch (error) {
      const details = error instanceof TRPCClientError ? readConflictDetails((error.data as { details?: unknown } | undefined)?.details) : null;
      if (error instanceof TRPCClientError && error.data?.code === "CONFLICT" && details) {
        setConflict({ command, details, message: error.message });
        return { saved: false, conflict: true, error };
      }
      return { saved: false, conflict: false, error };
    }
  }

  // Someone else saved this plan while it is open here: say so at the top instead of going stale.
  const [live, setLive] = useState<{ version: number; authorName: string; authorDiscipline: string | null } | null>(null);
  useSubscription(
    trpc.carePlan.events.subscriptionOptions(
      { patientId },
      {
        enabled: !readOnly,
        onData: (event) => {
          const e = event.data;
          if (e.byYou || e.version <= data.version) return;
          setLive({ version: e.version, authorName: e.authorName, authorDiscipline: e.authorDiscipline });
        },
      },
    ),
  );
  const banner = live && live.version > data.version ? live : null;

  const api: EditorApi = { patientId, data, submit: (command) => send(command, data.version), edit, busy: update.isPending, readOnly };
  const { plan } = data;
  // An item serving several goals is under each of them: in full under its first, by reference elsewhere.
  const byGoal = planByGoal(plan);

  return (
    <EditorContext.Provider value={api}>
      <div>
        <p>
          <span data-testid="plan-version">Version {data.version}</span>
          {data.updatedByName && data.updatedAt ? <span className="text-muted-foreground"> · last changed by {data.updatedByName}, <When at={data.updatedAt} /></span> : null}
          {" · "}review due {formatCalendarDate(plan.reviewDueAt)}{" "}
          {data.pastReview ? <Badge variant="danger">Review overdue</Badge> : null}
        </p>
      </div>
      {/* Always present, so a banner that appears is announced (politely). */}
      <div aria-live="polite" className="empty:hidden">
      {banner ? (
          <Alert variant="warning" role="region" aria-label="Plan updated" className="flex flex-wrap items-center justify-between gap-3">
            <span>
              Plan updated by {banner.authorName}
              {banner.authorDiscipline ? ` (${banner.authorDiscipline})` : ""} — you are looking at version {data.version}, the plan is now at version {banner.version}.
            </span>
            <Button
              variant="secondary"
              size="sm"
              disabled={query.isFetching}
              onClick={async () => {
                await query.refetch();
                setLive(null);
              }}
            >
              Review changes
            </Button>
          </Alert>
        ) : null}
      </div>
      <div ref={noticeRef} tabIndex={-1} className="flex flex-col gap-3 empty:hidden">
      {conflict ? (
        <ConflictPanel
          details={conflict.details}
          message={conflict.message}
          busy={update.isPending || query.isFetching}
          onReload={async () => {
            setConflict(null);
            await query.refetch();
          }}
          onApplyAgain={async () => {
            await query.refetch();
            await send(conflict.command, conflict.details.currentVersion);
          }}
        />
      ) : null}
      {status ? (
        <Alert variant={status.kind === "error" ? "danger" : "success"} role={status.kind === "error" ? "alert" : "status"}>
          {status.text}
        </Alert>
      ) : null}
      </div>
      {!data.exists ? (
        <Card>
          <p>{readOnly ? "This patient has no care plan yet." : "This patient has no care plan yet. Add the first goal below to start one; the whole team will see it."}</p>
        </Card>
      ) : null}

      {byGoal.map(({ goalId, goal, items }) => (
        <CardSection key={goalId} aria-labelledby={`goal-${goalId}`} className="gap-3 print:break-inside-avoid">
          <h2 id={`goal-${goalId}`} className="flex flex-wrap items-center gap-2">
            {goalLabel(goalId)} {goal ? <Badge variant="neutral">{goal.status.replace("_", " ")}</Badge> : null}
          </h2>
          {goal ? (
            <>
              <ul className="list-disc pl-5">
                {goal.targets.map((t) => (
                  <li key={describeTarget(t)}>Target: {describeTarget(t)}</li>
                ))}
              </ul>
              {data.viewerDiscipline && !readOnly ? <GoalEditForm goal={goal} /> : null}
            </>
          ) : (
            <p className="text-muted-foreground">Items linked to a goal not yet in the plan.</p>
          )}
          {items.length === 0 ? <p className="text-muted-foreground">No interventions for this goal yet.</p> : null}
          {items.map(({ item, primary }) =>
            primary ? <InterventionCard key={item.id} item={item} /> : <InterventionReference key={item.id} item={item} />,
          )}
        </CardSection>
      ))}

      <MedicationTrialsTable plan={plan} today={data.today} />

      {readOnly ? null : (
        <CardSection aria-labelledby="add-h" className="print:hidden">
          <h2 id="add-h">Change the plan</h2>
          <ChangePlanForms />
        </CardSection>
      )}
    </EditorContext.Provider>
  );
}

function InterventionCard({ item }: { item: Intervention }) {
  const { data, patientId, readOnly } = useEditor();
  const name = interventionName(item);
  const responsible = item.responsibleClinicianId ? (data.names[item.responsibleClinicianId] ?? "a former team member") : "not yet assigned";
  const d = item.details;
  const canAct = data.viewerDiscipline && !readOnly ? mayChangeIntervention(data.viewerDiscipline, item, "update") : { allowed: false as const, message: "" };
  const therapyClass = !item.custom && item.therapyId ? getTherapy(item.therapyId)?.name : undefined;
  return (
    <article className="grid gap-1.5 border-t pt-3" aria-label={name} id={`item-${item.id}`}>
      <h3 className="flex flex-wrap items-center gap-2 text-lg">
        {name} <Badge variant={STATUS_BADGE[item.status]}>{item.status}</Badge>
        {item.custom ? <Badge variant="neutral">custom</Badge> : null}
        {d.kind === "medication" && d.reviewNeeded.length > 0 ? <Badge variant="warning">needs review</Badge> : null}
      </h3>
      <p className="text-muted-foreground">
        {THERAPY_CATEGORY_LABELS[item.category]}
        {therapyClass && therapyClass !== name ? ` · ${therapyClass}` : ""} · owned by {DISCIPLINE_LABELS[item.ownerDiscipline]} · responsible: {responsible}
        {item.goalIds.length > 1 ? ` · also serves: ${item.goalIds.slice(1).map((g) => goalLabel(g)).join(", ")}` : ""}
      </p>
      <p>
        {d.kind === "medication" ? describePrescription(d, data.today) : null}
        {d.kind === "medication" && d.titrationSteps.length > 0
          ? ` · titration: ${d.titrationSteps.map((s) => `${formatDose(s.dose, d.unit)} from ${formatCalendarDate(s.startsOn)}`).join(", ")}`
          : null}
        {d.kind === "exercise" ? `${d.sets} × ${d.repetitions}, ${d.frequency}${d.durationMinutes ? `, ${d.durationMinutes} min` : ""}${d.stage ? ` · stage: ${GMI_STAGE_LABELS[d.stage]}` : ""}` : null}
        {d.kind === "psychological" ? `${d.sessionType} sessions, ${d.frequency}${d.nextSessionDate ? ` · next ${formatCalendarDate(d.nextSessionDate)}` : ""}` : null}
        {d.kind === "procedure" ? `planned ${formatCalendarDate(d.plannedDate)}, ${d.side}${d.level ? `, level ${d.level}` : ""}${d.recordPainBeforeAfter ? " · record pain before and after" : ""}` : null}
        {d.kind === "experimental" ? `consent: ${d.consentRecordedAt ?? "not recorded"} · study: ${d.studyReference ?? "none"}` : null}
        {d.kind === "self_management" ? `${d.frequency}` : null}
        {"instructions" in d && d.instructions ? ` · ${d.instructions}` : null}
      </p>
      <p className="text-muted-foreground">
        {item.startDate ? `Started ${formatCalendarDate(item.startDate)}` : "Not started"}
        {item.nextReviewDate ? ` · next review ${formatCalendarDate(item.nextReviewDate)}` : ""}
        {item.stopReason ? ` · stopped because: ${item.stopReason}` : ""}
      </p>
      {item.note ? <p>Note: {item.note}</p> : null}
      <MedicationTrialHistory item={item} />
      {d.kind === "medication" && item.status !== "proposed" ? (
        <ReportedSideEffects patientId={patientId} interventionId={item.id} canReview={!readOnly && data.viewerDiscipline !== null && careTeamDisciplineHolds("sideEffect.review", data.viewerDiscipline)} />
      ) : null}
      {!canAct.allowed && data.viewerDiscipline && !readOnly ? <p className="text-muted-foreground print:hidden">{canAct.message}</p> : null}
      {readOnly || !canAct.allowed || isFinalStatus(item.status) ? null : <ItemEditSheet item={item} />}
      {readOnly ? null : <InterventionActions item={item} canAct={canAct.allowed} />}
    </article>
  );
}

/**
 * The same item under another goal it serves: named with its status and prescription, pointing to
 * the full card (and its forms) under its first goal, so no form or id appears twice on the page.
 */
function InterventionReference({ item }: { item: Intervention }) {
  const { data } = useEditor();
  const primary = item.goalIds[0];
  const d = item.details;
  return (
    <p className="border-t pt-3">
      <strong>{interventionName(item)}</strong> <Badge variant={STATUS_BADGE[item.status]}>{item.status}</Badge>
      {d.kind === "medication" ? ` ${describePrescription(d, data.today)}.` : ""}{" "}
      {primary ? (
        <a href={`#item-${item.id}`}>
          Details and changes under ‘{goalLabel(primary)}’<span className="sr-only"> for {interventionName(item)}</span>
        </a>
      ) : null}
    </p>
  );
}
