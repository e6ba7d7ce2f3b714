import { type VariantProps, cva } from "class-variance-authority";
import { Slot } from "../lib/slot";
import type { ComponentProps } from "react";
import { cn } from "../lib/utils";

/**
 * One main action per form or card is `default` (filled); everything else is `secondary` (outlined),
 * `ghost` (quiet, in toolbars and lists) or `link`; `destructive` is for removing or ending something.
 * Buttons are hidden on paper (a printed plan has nothing to press). A long label wraps inside its
 * container rather than pushing the page sideways on a phone.
 */
export const buttonVariants = cva(
  "inline-flex max-w-full shrink-0 items-center justify-center gap-2 rounded-md text-center font-semibold no-underline transition-colors select-none print:hidden cursor-pointer disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  {
    variants: {
      variant: {
        default: "border border-primary bg-primary text-primary-foreground hover:bg-primary/90",
        secondary: "border border-input bg-secondary text-secondary-foreground hover:bg-accent hover:text-accent-foreground",
        ghost: "text-foreground hover:bg-accent hover:text-accent-foreground",
        link: "h-auto px-0 py-0 text-primary underline underline-offset-4 hover:decoration-2",
        destructive: "border border-danger bg-danger text-danger-foreground hover:bg-danger/90",
      },
      size: {
        default: "min-h-10 px-4 py-2 text-base pointer-coarse:min-h-11",
        sm: "min-h-8 px-3 py-1 text-sm pointer-coarse:min-h-10",
        lg: "min-h-12 px-6 py-3 text-lg",
        icon: "size-10 pointer-coarse:size-11",
      },
    },
    compoundVariants: [{ variant: "link", className: "min-h-0 px-0 py-0" }],
    defaultVariants: { variant: "default", size: "default" },
  },
);

export type ButtonProps = ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { asChild?: boolean };

export function Button({ className, variant, size, asChild = false, type, ...props }: ButtonProps) {
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      data-slot="button"
      data-variant={variant ?? "default"}
      // A button inside a form submits it only when it says so.
      type={asChild ? undefined : (type ?? "button")}
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}
