"use client";
import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal confirmation (the native <dialog>: focus is trapped and Escape cancels) that names the
 * person and what will happen. The error of a failed action is shown inside, never swallowed.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = true,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="card"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} style={{ marginTop: 0 }}>{title}</h2>
      <div id={bodyId}>{children}</div>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="inline" style={{ justifyContent: "flex-end" }}>
        <button type="button" className="secondary" onClick={onCancel} disabled={pending}>Cancel</button>
        <button type="button" className={danger ? "danger" : undefined} onClick={onConfirm} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
