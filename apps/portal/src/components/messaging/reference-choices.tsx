"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { type MessageReferenceInput, type ThreadSpace, goalLabel, interventionName } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Label } from "@concord/ui/label";
import { NativeSelect } from "@concord/ui/native-select";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

/** A reference chosen for a message, with the words it is shown by. */
export type ChosenReference = MessageReferenceInput & { label: string };

interface Option {
  value: string;
  label: string;
}

/**
 * The open "Attach" list: this patient's plan items, goals, recent check-ins and, in a team conversation,
 * open alerts, read when it opens (each read is audited) through the procedures the plan and progress pages
 * use. Loaded only when someone opens it: the plan's names (and the care-plan rules that make them) are not
 * part of the messages page's first load.
 */
export function ReferenceChoices(props: {
  patientId: string;
  space: ThreadSpace;
  forPatient: boolean;
  onChoose: (reference: ChosenReference) => void;
  onCancel: () => void;
}) {
  const { patientId, space, forPatient, onChoose, onCancel } = props;
  const trpc = useTRPC();
  const selectId = useId();
  const withAlerts = space === "team" && !forPatient;
  // The team reads the plan document; a patient only their own patient view (no team notes, no proposals).
  const plan = useQuery({ ...trpc.carePlan.get.queryOptions({ patientId }), enabled: !forPatient });
  const patientPlan = useQuery({ ...trpc.carePlan.patientView.queryOptions({ patientId }), enabled: forPatient });
  const checkIns = useQuery(trpc.checkIns.list.queryOptions({ patientId, limit: 10 }));
  const alerts = useQuery({ ...trpc.alerts.list.queryOptions({ patientId, includeAcknowledged: false, limit: 20 }), enabled: withAlerts });
  const planQuery = forPatient ? patientPlan : plan;
  const loading = planQuery.isPending || checkIns.isPending || (withAlerts && alerts.isPending);
  const selectRef = useRef<HTMLSelectElement>(null);
  // The Attach button the select replaces is gone, so focus moves to the select once it can take it
  // (it is disabled while loading) — unless the user has already put focus somewhere else.
  useEffect(() => {
    if (!loading && (document.activeElement === null || document.activeElement === document.body)) selectRef.current?.focus();
  }, [loading]);

  // A patient refers to what their own plan page shows: the items they are doing and their goals.
  const itemOptions: Option[] = forPatient
    ? (patientPlan.data?.view?.actions ?? []).map((a) => ({ value: a.interventionId, label: `Plan item: ${a.name}` }))
    : (plan.data?.plan.interventions ?? []).map((i) => ({
        value: i.id,
        label: `Plan item: ${interventionName(i)}${i.status === "active" ? "" : ` (${i.status})`}`,
      }));
  const goalIds = forPatient ? (patientPlan.data?.view?.goals ?? []).map((g) => g.goalId) : (plan.data?.plan.goals ?? []).map((g) => g.id);
  const groups: { label: string; kind: ChosenReference["kind"]; options: Option[] }[] = [
    { label: "Plan items", kind: "plan_item", options: itemOptions },
    {
      label: "Goals",
      kind: "goal",
      options: goalIds.map((id) => ({ value: id, label: `Goal: ${goalLabel(id, forPatient ? "patient" : "clinician")}` })),
    },
    { label: "Recent check-ins", kind: "check_in", options: (checkIns.data?.items ?? []).map((c) => ({ value: c.id, label: `Check-in of ${c.date}` })) },
    ...(withAlerts
      ? [{ label: "Open alerts", kind: "alert" as const, options: (alerts.data?.items ?? []).map((a) => ({ value: a.id, label: `Alert: ${a.title}` })) }]
      : []),
  ];
  const error = planQuery.error ?? checkIns.error ?? alerts.error;

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="grid min-w-56 flex-1 gap-1.5">
        <Label htmlFor={selectId}>Refer to</Label>
        <NativeSelect
          id={selectId}
          defaultValue=""
          ref={selectRef}
          disabled={loading}
          onChange={(e) => {
            const [kind, ...rest] = e.target.value.split(":");
            const id = rest.join(":");
            const group = groups.find((g) => g.kind === kind);
            const option = group?.options.find((o) => o.value === id);
            if (!group || !option) return;
            onChoose({ kind: group.kind, id, label: option.label.replace(/ \((proposed|paused|completed|stopped)\)$/, "") });
          }}
        >
          <option value="" disabled>
            {loading ? "Loading…" : "Choose an item"}
          </option>
          {groups.map((g) => (
            <optgroup key={g.kind} label={g.label}>
              {g.options.length === 0 ? <option disabled>None</option> : null}
              {g.options.map((o) => (
                <option key={o.value} value={`${g.kind}:${o.value}`}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>
      </div>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      {error ? (
        <Alert variant="danger" role="alert" className="basis-full">
          {errorMessage(error)}
        </Alert>
      ) : null}
    </div>
  );
}
