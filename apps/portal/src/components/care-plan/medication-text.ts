import {
  type Intervention,
  type MedicationAgent,
  ROUTE_LABELS,
  dailyTotal,
  doseOn,
  formatDose,
  frequencyText,
  getAgent,
} from "@concord/domain/client";

/*
 * What the plan page shows of a medication item, apart from its forms: the page's first load needs these
 * words, the forms (medication-edit-forms.tsx) load when a clinician opens one.
 */

export type MedicationDetails = Extract<Intervention["details"], { kind: "medication" }>;
export type MedicationItem = Intervention & { details: MedicationDetails };

export function isMedicationItem(item: Intervention): item is MedicationItem {
  return item.details.kind === "medication";
}

export function agentOf(item: MedicationItem): MedicationAgent | undefined {
  return item.details.agentId ? getAgent(item.details.agentId) : undefined;
}

/** "150 mg oral, twice a day (300 mg a day) · with food": today's dose, for the team's card. */
export function describePrescription(d: MedicationDetails, today: string): string {
  const dose = doseOn(d, today);
  const how = frequencyText(d, "clinician");
  const total = d.dosesPerDay !== null && d.dosesPerDay > 1 ? ` (${formatDose(dailyTotal(dose, d.dosesPerDay), d.unit)} a day)` : "";
  return `${formatDose(dose, d.unit)} ${ROUTE_LABELS[d.route]}, ${how ?? "doses per day not recorded"}${total}${d.schedule ? ` · ${d.schedule}` : ""}`;
}
