"use client";
import { type ComponentType, useState } from "react";
import type { ThreadSpace } from "@concord/domain/client";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import type { ChosenReference, ReferenceChoicesProps } from "./reference-select";

export type { ChosenReference, ReferenceChoicesProps };

/**
 * "Attach": refer the message to one of this patient's plan items, goals, recent check-ins or, in a team
 * conversation, open alerts. The server checks the reference again on send. `Choices` is the open list, loaded
 * when the picker opens (next/dynamic): the care team's reads through the API client (reference-choices.tsx),
 * the patient's through server actions (patient-reference-choices.tsx).
 */
export function ReferencePicker(props: {
  patientId: string;
  space: ThreadSpace;
  forPatient: boolean;
  value: ChosenReference | null;
  onChange: (reference: ChosenReference | null) => void;
  Choices: ComponentType<ReferenceChoicesProps>;
}) {
  const { patientId, space, forPatient, value, onChange, Choices } = props;
  const [open, setOpen] = useState(false);

  if (value) {
    return (
      <p className="flex flex-wrap items-center gap-2" data-testid="reference-chip">
        <Badge className="whitespace-normal">Refers to: {value.label}</Badge>
        <Button variant="secondary" size="sm" onClick={() => onChange(null)} aria-label={`Remove the reference to ${value.label}`}>
          Remove
        </Button>
      </p>
    );
  }
  if (!open) {
    return (
      <div>
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          Attach
        </Button>
      </div>
    );
  }
  return (
    <Choices
      patientId={patientId}
      space={space}
      forPatient={forPatient}
      onChoose={(reference) => {
        onChange(reference);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}
