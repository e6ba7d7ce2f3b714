"use client";
import { lazyComponent } from "~/components/lazy-component";
import type { ConfirmDialogProps } from "./confirm-dialog-content";

// The dialog's code (Radix Dialog: focus trap, layers, scroll lock) loads the first time one opens, not
// with the page: most visits to the admin page open none.
const ConfirmDialogContent = lazyComponent(() => import("./confirm-dialog-content").then((m) => m.ConfirmDialogContent));

/**
 * A modal confirmation (focus is trapped; Escape and Cancel cancel; focus returns to what opened it) that
 * names the person and what will happen. The error of a failed action is shown inside, never swallowed.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return props.open ? <ConfirmDialogContent {...props} /> : null;
}
