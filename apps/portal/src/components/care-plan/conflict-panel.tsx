"use client";
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
    <section className="alert warning conflict" role="alert" aria-labelledby="conflict-h">
      <h2 id="conflict-h" style={{ marginTop: 0 }}>This plan changed while you were editing</h2>
      <p>{message}</p>
      <p>
        You were editing version {details.expectedVersion}; the plan is now at version {details.currentVersion}. Your change has not been saved.
      </p>
      <h3>What changed</h3>
      <ol className="timeline">
        {details.changes.map((c) => (
          <li key={c.version}>
            <strong>
              Version {c.version}: {c.authorName}
            </strong>{" "}
            <span className="muted">
              ({c.authorRole}, {formatWhen(c.createdAt)})
            </span>
            <RevisionDiff diff={c.diff} />
          </li>
        ))}
      </ol>
      <div className="inline">
        <button type="button" className="secondary" onClick={onReload} disabled={busy}>
          Reload the plan
        </button>
        <button type="button" onClick={onApplyAgain} disabled={busy}>
          Apply my change again
        </button>
      </div>
    </section>
  );
}
