"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { ThreadSpace } from "@concord/domain/client";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import type { ChosenReference } from "./reference-choices";

export type { ChosenReference };

// The list of things to refer to loads when the picker opens (see reference-choices.tsx).
const ReferenceChoices = dynamic(() => import("./reference-choices").then((m) => m.ReferenceChoices), {
  loading: () => <p className="text-muted-foreground">Loading…</p>,
});

/**
 * "Attach": refer the message to one of this patient's plan items, goals, recent check-ins or, in a
 * team conversation, open alerts. The server checks the reference again on send.
 */
export function ReferencePicker(props: {
  patientId: string;
  space: ThreadSpace;
  forPatient: boolean;
  value: ChosenReference | null;
  onChange: (reference: ChosenReference | null) => void;
}) {
  const { patientId, space, forPatient, value, onChange } = props;
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
    <ReferenceChoices
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
