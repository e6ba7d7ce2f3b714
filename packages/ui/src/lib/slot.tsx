import { Children, type HTMLAttributes, type ReactElement, type Ref, cloneElement, isValidElement } from "react";
import { cn } from "./utils";

/*
 * `asChild` for Button, Badge and Card: the component's props go onto its one child (a Link styled as a
 * button). It does what Radix's Slot does for these components — the child's own props win, class names are
 * merged, both click handlers run (the child's first), both refs are set — in a few lines instead of a
 * dependency that every page with a button loads.
 */

type AnyProps = Record<string, unknown>;

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === "function") ref(value);
  else if (ref && typeof ref === "object") (ref as { current: T | null }).current = value;
}

/** The props of the slot and of its child, as the child receives them. */
export function mergeSlotProps(slotProps: AnyProps, childProps: AnyProps): AnyProps {
  const merged: AnyProps = { ...slotProps, ...childProps };
  for (const key of Object.keys(slotProps)) {
    const slotValue = slotProps[key];
    const childValue = childProps[key];
    if (/^on[A-Z]/.test(key) && typeof slotValue === "function" && typeof childValue === "function") {
      merged[key] = (...args: unknown[]) => {
        childValue(...args);
        slotValue(...args);
      };
    } else if (key === "style" && slotValue && childValue) {
      merged.style = { ...(slotValue as object), ...(childValue as object) };
    } else if (key === "ref" && slotValue && childValue) {
      merged.ref = (node: unknown) => {
        setRef(slotValue as Ref<unknown>, node);
        setRef(childValue as Ref<unknown>, node);
      };
    }
  }
  if (slotProps.className !== undefined || childProps.className !== undefined) {
    merged.className = cn(slotProps.className as string | undefined, childProps.className as string | undefined);
  }
  return merged;
}

export function Slot({ children, ...props }: HTMLAttributes<HTMLElement> & { ref?: Ref<HTMLElement> }) {
  const child = Children.only(children);
  if (!isValidElement(child)) return null;
  return cloneElement(child as ReactElement<AnyProps>, mergeSlotProps(props as AnyProps, (child as ReactElement<AnyProps>).props));
}
