"use client";
import { type VariantProps, cva } from "class-variance-authority";
import { X } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "../lib/utils";
import type { ShownToast } from "../lib/toast-types";

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

/** The Radix toast region with the toasts shown now; loaded by <Toaster> with its first toast. */
export default function ToastRegion({ label, toasts, onClose, onGone }: { label: string; toasts: ShownToast[]; onClose: (id: number) => void; onGone: (id: number) => void }) {
  return (
    <ToastPrimitive.Provider swipeDirection="right" label={label}>
      {toasts.map((t) => (
        <Toast
          key={t.id}
          open={t.open}
          duration={t.duration ?? 6000}
          variant={t.variant}
          onOpenChange={(open) => {
            if (!open) onClose(t.id);
          }}
          onAnimationEnd={() => {
            if (!t.open) onGone(t.id);
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
