import { Check, ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@concord/ui/utils";
import { type OptionalSection, SectionStatus } from "./check-in-flow";

/**
 * An optional part of the check-in, folded (a native <details>: a button to a screen reader, Enter or
 * Space opens it, no script). Its summary says whether it has answers, so the folded form still shows
 * what was filled in (SectionStatus, the one client part, reads that from the form as it changes). Only
 * optional questions go in here: a closed section must never hide a required one.
 */
export function CheckInSection({ title, section, children, testId }: { title: string; section: OptionalSection; children: ReactNode; testId?: string }) {
  return (
    <details data-testid={testId} className="group rounded-xl border bg-card">
      <summary className="flex min-h-12 cursor-pointer list-none items-center gap-3 rounded-xl px-4 py-2 font-semibold select-none hover:bg-accent hover:text-accent-foreground [&::-webkit-details-marker]:hidden">
        <ChevronDown aria-hidden="true" className="size-5 shrink-0 transition-transform group-open:rotate-180" />
        <span className="min-w-0 flex-1">{title}</span>
        <SectionStatus
          section={section}
          answered={
            <span className="inline-flex items-center gap-1 text-sm font-medium text-muted-foreground">
              <Check aria-hidden="true" className="size-4" />
              Answered
            </span>
          }
          optional={<span className="text-sm font-normal text-muted-foreground">Optional</span>}
        />
      </summary>
      <div className={cn("grid gap-3 border-t px-4 pt-3 pb-4")}>{children}</div>
    </details>
  );
}
