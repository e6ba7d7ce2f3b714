"use client";
import { type VariantProps, cva } from "class-variance-authority";
import { X } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import { type ComponentProps, type ReactNode, createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import { cn } from "../lib/utils";

/*
 * Toasts (Radix): a short confirmation that does not move focus ("Saved as version 12"), announced
 * politely by screen readers, dismissed by swipe, Escape (F8 reaches the region) or its close button.
 * State lives in <Toaster>, one per app, reached through useToast(): no module-level store.
 */

const toastVariants = cva(
  "group pointer-events-auto relative flex w-full items-start gap-3 overflow-hidden rounded-lg border p-4 pr-10 shadow-lg data-[state=open]:animate-in data-[state=closed]:animate-out data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=cancel]:translate-x-0 data-[swipe=end]:animate-out",
  {
    variants: {
      variant: {
        default: "border-border bg-popover text-popover-foreground",
        success: "border-success-border bg-success-soft text-success-soft-foreground",
        danger: "border-danger-border bg-danger-soft text-danger-soft-foreground",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export interface ToastMessage {
  title: ReactNode;
  description?: ReactNode;
  variant?: VariantProps<typeof toastVariants>["variant"];
  /** Milliseconds before it closes by itself (default 6 s). */
  duration?: number;
}

type ShownToast = ToastMessage & { id: number; open: boolean };

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

/** `const toast = useToast(); toast({ title: "Saved" })`. Needs a <Toaster> above. */
export function useToast(): (message: ToastMessage) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a <Toaster> above it");
  return show;
}

export function Toaster({ children, label = "Notifications" }: { children: ReactNode; label?: string }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((message: ToastMessage) => {
    const id = nextId.current++;
    setToasts((current) => [...current.slice(-2), { ...message, id, open: true }]);
  }, []);
  const close = useCallback((id: number) => setToasts((current) => current.map((t) => (t.id === id ? { ...t, open: false } : t))), []);
  const drop = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <ToastPrimitive.Provider swipeDirection="right" label={label}>
        {children}
        {toasts.map((t) => (
          <Toast
            key={t.id}
            open={t.open}
            duration={t.duration ?? 6000}
            variant={t.variant}
            onOpenChange={(open) => {
              if (!open) close(t.id);
            }}
            onAnimationEnd={() => {
              if (!t.open) drop(t.id);
            }}
          >
            <div className="grid gap-1">
              <ToastTitle>{t.title}</ToastTitle>
              {t.description ? <ToastDescription>{t.description}</ToastDescription> : null}
            </div>
          </Toast>
        ))}
        <ToastPrimitive.Viewport
          data-slot="toast-viewport"
          className="fixed right-0 bottom-0 z-[100] flex max-h-dvh w-full flex-col gap-2 p-4 outline-none sm:max-w-md"
        />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function Toast({ className, variant, children, closeLabel = "Dismiss", ...props }: ComponentProps<typeof ToastPrimitive.Root> & VariantProps<typeof toastVariants> & { closeLabel?: string }) {
  return (
    <ToastPrimitive.Root data-slot="toast" className={cn(toastVariants({ variant }), className)} {...props}>
      {children}
      <ToastPrimitive.Close className="absolute top-2 right-2 inline-flex size-8 cursor-pointer items-center justify-center rounded-md opacity-80 hover:opacity-100">
        <X className="size-4" aria-hidden="true" />
        <span className="sr-only">{closeLabel}</span>
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

export function ToastTitle({ className, ...props }: ComponentProps<typeof ToastPrimitive.Title>) {
  return <ToastPrimitive.Title data-slot="toast-title" className={cn("font-bold", className)} {...props} />;
}

export function ToastDescription({ className, ...props }: ComponentProps<typeof ToastPrimitive.Description>) {
  return <ToastPrimitive.Description data-slot="toast-description" className={cn("text-sm", className)} {...props} />;
}
