import Link from "next/link";
import { cn } from "@concord/ui/utils";
import { EmergencyAccessBanner, type EmergencyAccessView } from "./emergency-access/banner";

export interface PatientTab {
  href: string;
  label: string;
  current: boolean;
}

/** The patient's name and the sections of their record; under emergency access, the read-only banner above them. */
export function PatientHeader({ name, subtitle, tabs, emergency = null }: { name: string; subtitle: string; tabs: PatientTab[]; emergency?: EmergencyAccessView | null }) {
  return (
    <div className="flex flex-col gap-3">
      {emergency ? <EmergencyAccessBanner access={emergency} patientName={name} /> : null}
      <div className="grid gap-1">
        <h1>{name}</h1>
        <p className="text-muted-foreground">{subtitle}</p>
      </div>
      <nav aria-label="Patient record" className="-mx-1 flex gap-1 overflow-x-auto border-b px-1 print:hidden">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.current ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex min-h-11 items-center border-b-3 border-transparent px-3 py-2 font-semibold whitespace-nowrap text-muted-foreground no-underline hover:border-border hover:text-foreground",
              "aria-[current=page]:border-primary aria-[current=page]:text-foreground",
            )}
          >
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
