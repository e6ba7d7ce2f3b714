"use client";
import type { ShownToast, ToastMessage } from "../lib/toast-types";
import { type ReactNode, createContext, lazy, Suspense, useCallback, useContext, useMemo, useRef, useState } from "react";

/*
 * Toasts (Radix): a short confirmation that does not move focus ("Saved as version 12"), announced
 * politely by screen readers, dismissed by swipe, Escape (F8 reaches the region) or its close button.
 * State lives in <Toaster>, one per app, reached through useToast(): no module-level store.
 * The Radix region (toast-region.tsx) loads with the first toast: a page that never shows one does not load it.
 */

const ToastRegion = lazy(() => import("./toast-region"));

export type { ShownToast, ToastMessage, ToastVariant } from "../lib/toast-types";

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

/** `const toast = useToast(); toast({ title: "Saved" })`. Needs a <Toaster> above. */
export function useToast(): (message: ToastMessage) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a <Toaster> above it");
  return show;
}

export function Toaster({ children, label = "Notifications" }: { children: ReactNode; label?: string }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const [wanted, setWanted] = useState(false);
  const nextId = useRef(1);
  const show = useCallback((message: ToastMessage) => {
    const id = nextId.current++;
    setWanted(true);
    setToasts((current) => [...current.slice(-2), { ...message, id, open: true }]);
  }, []);
  const close = useCallback((id: number) => setToasts((current) => current.map((t) => (t.id === id ? { ...t, open: false } : t))), []);
  const drop = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      {wanted ? (
        <Suspense fallback={null}>
          <ToastRegion label={label} toasts={toasts} onClose={close} onGone={drop} />
        </Suspense>
      ) : null}
    </ToastContext.Provider>
  );
}
