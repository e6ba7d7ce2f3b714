"use client";
import { useEffect, useState } from "react";
import { goalLabel } from "@concord/domain/client";
import { loadPlanView, loadRecentCheckIns } from "~/app/me/messages/actions";
import { type ReferenceChoicesProps, type ReferenceGroup, ReferenceSelect } from "./reference-select";
import { UNREACHABLE } from "./message-data";

/** While the reads run: the groups, empty, under a disabled select. */
const LOADING: ReferenceGroup[] = [
  { label: "Plan items", kind: "plan_item", options: [] },
  { label: "Goals", kind: "goal", options: [] },
  { label: "Recent check-ins", kind: "check_in", options: [] },
];

/**
 * The patient's open "Attach" list: the items they are doing and their goals (what their own plan page shows)
 * and their recent check-ins, read through server actions when it opens (each read audited).
 */
export function PatientReferenceChoices({ patientId, onChoose, onCancel }: ReferenceChoicesProps) {
  const [groups, setGroups] = useState<ReferenceGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([loadPlanView({ patientId }), loadRecentCheckIns({ patientId, limit: 10 })]).then(([plan, checkIns]) => {
      if (!current) return;
      const refused = !plan.ok ? plan : !checkIns.ok ? checkIns : null;
      setError(refused ? refused.message : null);
      const view = plan.ok ? plan.value.view : null;
      setGroups([
        { label: "Plan items", kind: "plan_item", options: (view?.actions ?? []).map((a) => ({ value: a.interventionId, label: `Plan item: ${a.name}` })) },
        { label: "Goals", kind: "goal", options: (view?.goals ?? []).map((g) => ({ value: g.goalId, label: `Goal: ${goalLabel(g.goalId, "patient")}` })) },
        { label: "Recent check-ins", kind: "check_in", options: (checkIns.ok ? checkIns.value.items : []).map((c) => ({ value: c.id, label: `Check-in of ${c.date}` })) },
      ]);
    }, () => {
      if (!current) return;
      setError(UNREACHABLE);
      setGroups(LOADING);
    });
    return () => {
      current = false;
    };
  }, [patientId]);
  return <ReferenceSelect groups={groups ?? LOADING} loading={groups === null} error={error} onChoose={onChoose} onCancel={onCancel} />;
}
