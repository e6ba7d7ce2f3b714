import Link from "next/link";

export interface PatientTab {
  href: string;
  label: string;
  current: boolean;
}

/** The patient's name and the sections of their record. */
export function PatientHeader({ name, subtitle, tabs }: { name: string; subtitle: string; tabs: PatientTab[] }) {
  return (
    <div style={{ marginBottom: "1rem" }}>
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

export function patientTabs(patientId: string, current: string): PatientTab[] {
  const base = `/patients/${patientId}`;
  return [{ href: base, label: "Summary" }, { href: `${base}/progress`, label: "Progress" }, { href: `${base}/plan`, label: "Care plan" }, { href: `${base}/messages`, label: "Messages" }].map((t) => ({ ...t, current: t.href === current }));
}
