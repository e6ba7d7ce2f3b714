/** A revision's structured diff as a list a clinician can scan: what was added, removed or changed. */
import "./care-plan.css";
export interface DiffEntryView {
  path: string;
  kind: "added" | "removed" | "changed";
  label: string;
}

const KIND_TEXT = { added: "Added", removed: "Removed", changed: "Changed" } as const;

export function RevisionDiff({ diff }: { diff: readonly unknown[] }) {
  const entries = diff.filter((d): d is DiffEntryView => typeof d === "object" && d !== null && "label" in d && "kind" in d);
  if (entries.length === 0) return null;
  return (
    <ul className="diff">
      {entries.map((entry) => (
        <li key={`${entry.path}-${entry.label}`} className={`diff-${entry.kind}`}>
          {/* The kind is written out, so the list does not rely on colour alone. */}
          <span className="diff-kind">{KIND_TEXT[entry.kind]}:</span> {entry.label}
        </li>
      ))}
    </ul>
  );
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}
