"use client";
import { lazyComponent } from "~/components/lazy-component";
import { useState } from "react";
import { type Intervention, interventionName } from "@concord/domain/client";
import { Button } from "@concord/ui/button";

/*
 * The form and its side panel load when a clinician first opens them, not with the plan: most visits read the
 * plan and change one item or none, and the panel (its dialog, the prescription and titration forms and their
 * domain checks) is a large part of the page's JavaScript.
 */
const ItemEditPanel = lazyComponent(() => import("./item-edit-sheet").then((m) => m.ItemEditPanel));

/** "Edit Pregabalin": opens that item's one edit form in a side panel (full screen on a phone). */
export function ItemEditSheet({ item }: { item: Intervention }) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const name = interventionName(item);
  return (
    <>
      <Button
        variant="secondary"
        className="justify-self-start print:hidden"
        data-edit-item={item.id}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        Edit {name}
      </Button>
      {wanted ? <ItemEditPanel item={item} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
