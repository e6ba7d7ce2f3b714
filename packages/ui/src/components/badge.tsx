import { type VariantProps, cva } from "class-variance-authority";
import { Slot } from "../lib/slot";
import type { ComponentProps } from "react";
import { cn } from "../lib/utils";

/** A short status word. The word carries the meaning; the colour only repeats it. */
export const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm leading-5 font-semibold whitespace-nowrap [&_svg]:size-3.5 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "border-info-border bg-info-soft text-info-soft-foreground",
        neutral: "border-border bg-muted text-foreground",
        success: "border-success-border bg-success-soft text-success-soft-foreground",
        warning: "border-warning-border bg-warning-soft text-warning-soft-foreground",
        danger: "border-danger-border bg-danger-soft text-danger-soft-foreground",
        /** The loudest: an urgent alert. */
        urgent: "border-danger bg-danger text-danger-foreground uppercase tracking-wide",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export function Badge({ className, variant, asChild = false, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants> & { asChild?: boolean }) {
  const Comp = asChild ? Slot : "span";
  return <Comp data-slot="badge" data-variant={variant ?? "default"} className={cn(badgeVariants({ variant }), className)} {...props} />;
}
