"use client";
import { useQuery } from "@tanstack/react-query";
import { goalLabel, interventionName } from "@concord/domain/client";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { type ChosenReference, type ReferenceChoicesProps, type ReferenceGroup, type ReferenceOption, ReferenceSelect } from "./reference-select";

export type { ChosenReference };

/**
 * The care team's open "Attach" list: this patient's plan items, goals, recent check-ins and, in a team
 * conversation, open alerts, read when it opens (each read is audited) through the procedures the plan and
 * progress pages use. Loaded only when someone opens it: the plan's names (and the care-plan rules that make
 * them) are not part of the messages page's first load. (The patient's list is patient-reference-choices.tsx.)
 */
export function ReferenceChoices(props: ReferenceChoicesProps) {
  const { patientId, space, forPatient, onChoose, onCancel } = props;
  const trpc = useTRPC();
  const withAlerts = space === "team" && !forPatient;
  // The team reads the plan document; a patient only their own patient view (no team notes, no proposals).
  const plan = useQuery({ ...trpc.carePlan.get.queryOptions({ patientId }), enabled: !forPatient });
  const patientPlan = useQuery({ ...trpc.carePlan.patientView.queryOptions({ patientId }), enabled: forPatient });
  const checkIns = useQuery(trpc.checkIns.list.queryOptions({ patientId, limit: 10 }));
  const alerts = useQuery({ ...trpc.alerts.list.queryOptions({ patientId, includeAcknowledged: false, limit: 20 }), enabled: withAlerts });
  const planQuery = forPatient ? patientPlan : plan;
  const loading = planQuery.isPending || checkIns.isPending || (withAlerts && alerts.isPending);

  // A patient refers to what their own plan page shows: the items they are doing and their goals.
  const itemOptions: ReferenceOption[] = forPatient
    ? (patientPlan.data?.view?.actions ?? []).map((a) => ({ value: a.interventionId, label: `Plan item: ${a.name}` }))
    : (plan.data?.plan.interventions ?? []).map((i) => ({
        value: i.id,
        label: `Plan item: ${interventionName(i)}${i.status === "active" ? "" : ` (${i.status})`}`,
      }));
  const goalIds = forPatient ? (patientPlan.data?.view?.goals ?? []).map((g) => g.goalId) : (plan.data?.plan.goals ?? []).map((g) => g.id);
  const groups: ReferenceGroup[] = [
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

  return <ReferenceSelect groups={groups} loading={loading} error={error ? errorMessage(error) : null} onChoose={onChoose} onCancel={onCancel} />;
}
