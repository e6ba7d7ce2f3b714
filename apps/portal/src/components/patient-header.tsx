import Link from "next/link";
import { EmergencyAccessBanner, type EmergencyAccessView } from "./emergency-access/banner";

export interface PatientTab {
  href: string;
  label: string;
  current: boolean;
}

/** The patient's name and the sections of their record; under emergency access, the read-only banner above them. */
export function PatientHeader({ name, subtitle, tabs, emergency = null }: { name: string; subtitle: string; tabs: PatientTab[]; emergency?: EmergencyAccessView | null }) {
  return (
    <div style={{ marginBottom: "1rem" }}>
      {emergency ? <EmergencyAccessBanner access={emergency} patientName={name} /> : null}
      <h1 style={{ marginBottom: ".25rem" }}>{name}</h1>
      <p className="muted" style={{ marginTop: 0 }}>{subtitle}</p>
      <nav aria-label="Patient record" className="inline no-print">
        {tabs.map((tab) => (
          <Link key={tab.href} href={tab.href} aria-current={tab.current ? "page" : undefined} className={`button ${tab.current ? "" : "secondary"}`}>
            {tab.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** The record's sections; under emergency access (`emergency`) there is no Messages: messaging is not part of it. */
export function patientTabs(patientId: string, current: string, { emergency = false }: { emergency?: boolean } = {}): PatientTab[] {
  const base = `/patients/${patientId}`;
  const tabs = [{ href: base, label: "Summary" }, { href: `${base}/progress`, label: "Progress" }, { href: `${base}/plan`, label: "Care plan" }];
  if (!emergency) tabs.push({ href: `${base}/messages`, label: "Messages" });
  return tabs.map((t) => ({ ...t, current: t.href === current }));
}
