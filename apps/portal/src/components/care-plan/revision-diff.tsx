/** A revision's structured diff as a list a clinician can scan: what was added, removed or changed. */
import type { ReactNode } from "react";
import type { PlanDiffKind } from "@concord/domain";
import { ZonedTime } from "~/components/viewer-clock";
export interface DiffEntryView {
  path: string;
  kind: PlanDiffKind;
  label: string;
}

const KIND_TEXT = { added: "Added", removed: "Removed", changed: "Changed" } as const;
const KIND_CLASS = { added: "font-semibold text-success-soft-foreground", removed: "font-semibold text-danger-soft-foreground", changed: "font-semibold" } as const;

export function RevisionDiff({ diff }: { diff: readonly unknown[] }) {
  const entries = diff.filter((d): d is DiffEntryView => typeof d === "object" && d !== null && "label" in d && "kind" in d);
  if (entries.length === 0) return null;
  return (
    <ul className="my-1 list-disc space-y-0.5 pl-5">
      {entries.map((entry) => (
        <li key={`${entry.path}-${entry.label}`}>
          {/* The kind is written out, so the list does not rely on colour alone. */}
          <span className={KIND_CLASS[entry.kind]}>{KIND_TEXT[entry.kind]}:</span> {entry.label}
        </li>
      ))}
    </ul>
  );
}

/** An instant as "1 Dec 2026, 09:12 PST" in the viewer's zone (usable in server and client components). */
export function formatWhen(iso: string | Date): ReactNode {
  return <ZonedTime at={iso} />;
}
