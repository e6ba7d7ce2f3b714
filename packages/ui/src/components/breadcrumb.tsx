import type { ReactNode } from "react";
import { ChevronRight } from "lucide-react";
import { cn } from "../lib/utils";

export interface Crumb {
  label: string;
  /** Absent on the current page: it is the last crumb, shown as text and marked `aria-current`. */
  href?: string;
}

/**
 * Where the page sits ("My patients › Alex Morgan › Care plan"): a labelled navigation landmark with an
 * ordered list; the last crumb is the current page. `renderLink` lets the app use its router's link.
 */
export function Breadcrumb({
  crumbs,
  renderLink,
  className,
}: {
  crumbs: Crumb[];
  renderLink: (crumb: Required<Crumb>, children: ReactNode) => ReactNode;
  className?: string;
}) {
  return (
    <nav aria-label="Breadcrumb" data-slot="breadcrumb" className={cn("text-sm text-muted-foreground print:hidden", className)}>
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={`${crumb.href ?? ""}&${crumb.label}`} className="inline-flex items-center gap-1">
              {crumb.href && !last ? (
                renderLink({ label: crumb.label, href: crumb.href }, crumb.label)
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-foreground" : undefined}>
                  {crumb.label}
                </span>
              )}
              {last ? null : <ChevronRight aria-hidden="true" className="size-3.5" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
