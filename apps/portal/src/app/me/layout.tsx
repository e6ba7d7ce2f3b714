import type { ReactNode } from "react";
import { ChartLine, ClipboardList, House, MessagesSquare, PencilLine } from "lucide-react";
import { type PatientTab, PatientTabBar, PatientTabBarSpacer } from "~/components/shell/patient-tab-bar";

const icon = "size-5";
/** The patient's five places, in the order of a day with Concord (icons drawn here, on the server). */
const PATIENT_TABS: readonly PatientTab[] = [
  { href: "/me", label: "Home", icon: <House aria-hidden="true" className={icon} /> },
  { href: "/me/plan", label: "Plan", icon: <ClipboardList aria-hidden="true" className={icon} /> },
  { href: "/me/check-in", label: "Check in", icon: <PencilLine aria-hidden="true" className={icon} /> },
  { href: "/me/progress", label: "Progress", icon: <ChartLine aria-hidden="true" className={icon} /> },
  { href: "/me/messages", label: "Messages", icon: <MessagesSquare aria-hidden="true" className={icon} /> },
];

/**
 * Every /me page is the patient's own (each page sends anyone else away), so they all get the phone's
 * bottom tab bar. <main>'s bottom padding (4 rem) plus the gap before the spacer clear the 57 px bar; the spacer adds the safe area.
 */
export default function PatientLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <PatientTabBarSpacer />
      <PatientTabBar tabs={PATIENT_TABS} />
    </>
  );
}
