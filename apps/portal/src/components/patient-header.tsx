import Link from "next/link";
import { Breadcrumb, type Crumb } from "@concord/ui/breadcrumb";
import { cn } from "@concord/ui/utils";
import { EmergencyAccessBanner, type EmergencyAccessView } from "./emergency-access/banner";

export interface PatientTab {
  href: string;
  label: string;
  current: boolean;
}

/**
 * Where this page sits: the clinician's list (or, under emergency access, the emergency-access page:
 * the patient is on none of their lists), the patient, the section, and a deeper page if any. The
 * section is text, not a link: the record's tabs below already link to it.
 */
export function patientCrumbs(name: string, tabs: PatientTab[], { emergency, trail = [] }: { emergency: boolean; trail?: string[] }): Crumb[] {
  const summary = tabs[0];
  const current = tabs.find((t) => t.current);
  const crumbs: Crumb[] = [emergency ? { label: "Emergency access", href: "/emergency-access" } : { label: "My patients", href: "/patients" }];
  const onSummary = current === summary && trail.length === 0;
  crumbs.push(onSummary || !summary ? { label: name } : { label: name, href: summary.href });
  if (current && current !== summary) crumbs.push({ label: current.label });
  for (const label of trail) crumbs.push({ label });
  return crumbs;
}

/** The patient's name and the sections of their record; under emergency access, the read-only banner above them. */
export function PatientHeader({
  name,
  subtitle,
  tabs,
  emergency = null,
  trail,
}: {
  name: string;
  subtitle: string;
  tabs: PatientTab[];
  emergency?: EmergencyAccessView | null;
  /** Labels of the pages below the section (e.g. "History"), for the breadcrumb. */
  trail?: string[];
}) {
  return (
    <div className="flex flex-col gap-3">
      {emergency ? <EmergencyAccessBanner access={emergency} patientName={name} /> : null}
      <Breadcrumb
        crumbs={patientCrumbs(name, tabs, { emergency: emergency !== null, trail })}
        renderLink={(crumb, children) => (
          <Link href={crumb.href} className="text-muted-foreground hover:text-foreground">
            {children}
          </Link>
        )}
      />
      {/* Name and diagnosis share a line where there is room: the summary must fit one laptop screen. */}
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1>{name}</h1>
        <p className="text-muted-foreground">{subtitle}</p>
      </div>
      {/* On a phone the sections share the width equally, so all four are seen at once (no strip to scroll). */}
      <nav aria-label="Patient record" className="-mx-1 grid auto-cols-fr grid-flow-col gap-1 border-b px-1 sm:flex print:hidden">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.current ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex min-h-11 items-center justify-center border-b-3 border-transparent px-1 py-2 text-center text-sm font-semibold whitespace-nowrap text-muted-foreground no-underline hover:border-border hover:text-foreground sm:px-3 sm:text-base",
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
