import { type VariantProps, cva } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "../lib/utils";

/**
 * A message in the page: a refusal, a confirmation, a warning, a notice. The role is the caller's
 * choice: `role="alert"` for a refusal to announce at once, `role="status"` for a confirmation, none
 * for a standing notice. A Banner is the same at the top of a page or section, edge to edge.
 */
export const alertVariants = cva("relative grid w-full min-w-0 gap-1 rounded-lg border px-4 py-3 text-base [&>svg]:size-5 [&>svg]:shrink-0 has-[>svg]:grid-cols-[auto_1fr] has-[>svg]:gap-x-3 [&>svg]:mt-0.5 [&>svg~*]:col-start-2", {
  variants: {
    variant: {
      info: "border-info-border bg-info-soft text-info-soft-foreground",
      success: "border-success-border bg-success-soft text-success-soft-foreground",
      warning: "border-warning-border bg-warning-soft text-warning-soft-foreground",
      danger: "border-danger-border bg-danger-soft text-danger-soft-foreground",
      /** Urgent, life-safety: the loudest frame. */
      urgent: "border-3 border-danger bg-danger-soft text-foreground",
    },
  },
  defaultVariants: { variant: "info" },
});

export function Alert({ className, variant, ...props }: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return <div data-slot="alert" data-variant={variant ?? "info"} className={cn(alertVariants({ variant }), className)} {...props} />;
}

export function AlertTitle({ className, ...props }: ComponentProps<"p">) {
  return <p data-slot="alert-title" className={cn("font-bold", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="alert-description" className={cn("grid gap-1 [&_p]:leading-relaxed", className)} {...props} />;
}

/** A page-wide notice (emergency access, an updated plan): an Alert with a heavier edge on its start side. */
export function Banner({ className, variant, ...props }: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return <div data-slot="banner" data-variant={variant ?? "info"} className={cn(alertVariants({ variant }), "border-l-8", className)} {...props} />;
}
