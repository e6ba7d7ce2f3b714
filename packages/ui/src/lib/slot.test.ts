import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Slot, mergeSlotProps } from "./slot";

describe("Slot puts a component's props onto its child", () => {
  it("renders the child element with the merged classes and the slot's attributes", () => {
    const html = renderToStaticMarkup(
      createElement(Slot, { className: "inline-flex px-4", "aria-label": "Open" } as never, createElement("a", { href: "/plan", className: "px-2 underline" }, "Plan")),
    );
    expect(html).toBe('<a href="/plan" class="inline-flex px-2 underline" aria-label="Open">Plan</a>');
  });

  it("lets the child's own props win, and runs both click handlers, the child's first", () => {
    const calls: string[] = [];
    const merged = mergeSlotProps({ id: "slot", onClick: () => calls.push("slot") }, { id: "child", onClick: () => calls.push("child") });
    expect(merged.id).toBe("child");
    (merged.onClick as () => void)();
    expect(calls).toEqual(["child", "slot"]);
  });

  it("sets both refs, and merges styles", () => {
    const slotRef = vi.fn();
    const childRef = { current: null as unknown };
    const merged = mergeSlotProps({ ref: slotRef, style: { color: "red", margin: 0 } }, { ref: childRef, style: { color: "blue" } });
    (merged.ref as (n: unknown) => void)("node");
    expect(slotRef).toHaveBeenCalledWith("node");
    expect(childRef.current).toBe("node");
    expect(merged.style).toEqual({ color: "blue", margin: 0 });
  });
});
