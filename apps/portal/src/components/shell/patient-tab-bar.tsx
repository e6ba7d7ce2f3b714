"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@concord/ui/utils";
import { currentItem } from "./main-nav";

/** One of the patient's places; its icon is rendered on the server (the layout), so no icon code loads here. */
export interface PatientTab {
  href: string;
  label: string;
  icon: ReactNode;
}

/**
 * On a phone (below md) the patient's sections sit in a bar fixed at the bottom, within reach of a thumb
 * (each target at least 44 px, above the home indicator: safe-area padding). From md up the header's
 * navigation is enough and the bar is gone. The current section is `aria-current` ("page" on the
 * section's own page, "true" below it), marked by weight and a bar, not colour alone.
 */
export function PatientTabBar({ tabs }: { tabs: readonly PatientTab[] }) {
  const pathname = usePathname();
  const current = currentItem(
    pathname,
    tabs.map((t) => t.href),
  );
  return (
    <nav
      aria-label="Sections"
      data-testid="patient-tab-bar"
      className="fixed inset-x-0 bottom-0 z-40 border-t bg-card pb-[env(safe-area-inset-bottom)] text-card-foreground md:hidden print:hidden"
    >
      <ul className="mx-auto grid max-w-page grid-cols-5">
        {tabs.map(({ href, label, icon }) => (
          <li key={href} className="min-w-0">
            <Link
              href={href}
              aria-current={href === current ? (pathname === href ? "page" : "true") : undefined}
              className={cn(
                "relative flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 py-1.5 text-xs font-medium text-muted-foreground no-underline hover:bg-accent hover:text-accent-foreground",
                "aria-[current]:font-bold aria-[current]:text-foreground",
                "aria-[current]:before:absolute aria-[current]:before:inset-x-3 aria-[current]:before:top-0 aria-[current]:before:h-[3px] aria-[current]:before:rounded-full aria-[current]:before:bg-primary",
              )}
            >
              {icon}
              <span className="max-w-full truncate">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Room at the foot of a patient page for the bar (and the home indicator), so nothing hides behind it. */
export function PatientTabBarSpacer() {
  return <div aria-hidden="true" className="h-[env(safe-area-inset-bottom,0px)] shrink-0 md:hidden" />;
}
