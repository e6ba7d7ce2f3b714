"use client";
import { type ReactNode, createContext, createElement, useContext } from "react";
import { useViewerClock } from "~/components/viewer-clock";

/**
 * The patient's own calendar day (YYYY-MM-DD), decided by the server in the patient's time zone: a
 * check-in or a measure belongs to the patient's day, not to the device's clock or to UTC.
 */
const PatientDayContext = createContext<string | null>(null);

/** Pages pass the day the server computed (patients.get or me.get `.today`) to the forms inside. */
export function PatientDay({ today, children }: { today: string; children: ReactNode }) {
  return createElement(PatientDayContext.Provider, { value: today }, children);
}

/** The patient's today: from the nearest PatientDay, else the viewer's own day (a patient on their own pages). */
export function usePatientToday(): string {
  const patientDay = useContext(PatientDayContext);
  const viewer = useViewerClock();
  return patientDay ?? viewer.today;
}
