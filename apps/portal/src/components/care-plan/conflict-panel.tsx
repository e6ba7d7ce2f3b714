"use client";
import { Button } from "@concord/ui/button";
import { RevisionDiff, formatWhen } from "./revision-diff";

export interface ConflictDetails {
  currentVersion: number;
  expectedVersion: number;
  changes: Array<{ version: number; authorName: string; authorRole: string; createdAt: string; summary: string; diff: unknown[] }>;
}

export function readConflictDetails(value: unknown): ConflictDetails | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<ConflictDetails>;
  return typeof v.currentVersion === "number" && Array.isArray(v.changes) ? (v as ConflictDetails) : null;
}

/**
 * Shown instead of silently overwriting: the editor sees who changed what since they loaded the
 * plan, then either reloads or re-applies their own change on top of the new version.
 */
export function ConflictPanel({
  details,
  message,
  busy,
  onReload,
  onApplyAgain,
}: {
  details: ConflictDetails;
  message: string;
  busy: boolean;
  onReload: () => void;
  onApplyAgain: () => void;
}) {
  return (
    <section className="grid gap-2 rounded-lg border border-l-8 border-warning-border border-l-warning bg-warning-soft px-4 py-3 text-foreground" role="alert" aria-labelledby="conflict-h">
      <h2 id="conflict-h">This plan changed while you were editing</h2>
      <p>{message}</p>
      <p>
        You were editing version {details.expectedVersion}; the plan is now at version {details.currentVersion}. Your change has not been saved.
      </p>
      <h3 className="mt-2">What changed</h3>
      <ol className="grid gap-2">
        {details.changes.map((c) => (
          <li key={c.version} className="ml-1 border-l-3 border-warning-border pl-3">
            <strong>
              Version {c.version}: {c.authorName}
            </strong>{" "}
            <span className="text-muted-foreground">
              ({c.authorRole}, {formatWhen(c.createdAt)})
            </span>
            <RevisionDiff diff={c.diff} />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-start gap-3">
        <Button variant="secondary" onClick={onReload} disabled={busy}>
          Reload the plan
        </Button>
        <Button onClick={onApplyAgain} disabled={busy}>
          Apply my change again
        </Button>
      </div>
    </section>
  );
}
