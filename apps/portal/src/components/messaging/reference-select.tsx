"use client";
import { useEffect, useId, useRef } from "react";
import type { MessageReferenceInput, ThreadSpace } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Label } from "@concord/ui/label";
import { NativeSelect } from "@concord/ui/native-select";

/** A reference chosen for a message, with the words it is shown by. */
export type ChosenReference = MessageReferenceInput & { label: string };

export interface ReferenceOption {
  value: string;
  label: string;
}

export interface ReferenceGroup {
  label: string;
  kind: ChosenReference["kind"];
  options: ReferenceOption[];
}

/** What the picker hands the open list (the care team's reads through the API client, the patient's through actions). */
export interface ReferenceChoicesProps {
  patientId: string;
  space: ThreadSpace;
  forPatient: boolean;
  onChoose: (reference: ChosenReference) => void;
  onCancel: () => void;
}

/**
 * The open "Attach" list as markup: a select of the given groups (disabled while they load), Cancel, and the
 * error of the reads. Focus moves to the select once it can take it, as the Attach button it replaces is gone.
 */
export function ReferenceSelect(props: { groups: ReferenceGroup[]; loading: boolean; error: string | null; onChoose: (reference: ChosenReference) => void; onCancel: () => void }) {
  const { groups, loading, error, onChoose, onCancel } = props;
  const selectId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  // The Attach button the select replaces is gone, so focus moves to the select once it can take it
  // (it is disabled while loading) — unless the user has already put focus somewhere else.
  useEffect(() => {
    if (!loading && (document.activeElement === null || document.activeElement === document.body)) selectRef.current?.focus();
  }, [loading]);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="grid min-w-56 flex-1 gap-1.5">
        <Label htmlFor={selectId}>Refer to</Label>
        <NativeSelect
          id={selectId}
          defaultValue=""
          ref={selectRef}
          disabled={loading}
          onChange={(e) => {
            const [kind, ...rest] = e.target.value.split(":");
            const id = rest.join(":");
            const group = groups.find((g) => g.kind === kind);
            const option = group?.options.find((o) => o.value === id);
            if (!group || !option) return;
            onChoose({ kind: group.kind, id, label: option.label.replace(/ \((proposed|paused|completed|stopped)\)$/, "") });
          }}
        >
          <option value="" disabled>
            {loading ? "Loading…" : "Choose an item"}
          </option>
          {groups.map((g) => (
            <optgroup key={g.kind} label={g.label}>
              {g.options.length === 0 ? <option disabled>None</option> : null}
              {g.options.map((o) => (
                <option key={o.value} value={`${g.kind}:${o.value}`}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>
      </div>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      {error ? (
        <Alert variant="danger" role="alert" className="basis-full">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
