import type { ReactNode } from "react";
import { PatientTabBar, PatientTabBarSpacer } from "~/components/shell/patient-tab-bar";

/**
 * Every /me page is the patient's own (each page sends anyone else away), so they all get the phone's
 * bottom tab bar. <main>'s bottom padding (4 rem) plus the gap before the spacer clear the 57 px bar; the spacer adds the safe area.
 */
export default function PatientLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <PatientTabBarSpacer />
      <PatientTabBar />
    </>
  );
}
