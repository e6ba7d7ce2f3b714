"use client";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@concord/ui/button";

/**
 * On a narrow screen the navigation and the account controls fold behind a "Menu" button (a disclosure:
 * aria-expanded; Escape closes it and returns focus to the button); from `lg` up they are always shown and
 * the button is gone. The panel is one element in both layouts, so each link exists once on the page.
 */
export function SiteMenu({ actions, icons, children }: { actions: ReactNode; icons: { open: ReactNode; close: ReactNode }; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A link followed inside the menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, on purpose
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);
  return (
    <>
      <div className="order-2 ml-auto flex items-center gap-1">
        {actions}
        <Button ref={button} variant="ghost" className="lg:hidden" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen((o) => !o)}>
          {open ? icons.close : icons.open}
          Menu
        </Button>
      </div>
      <div id="site-menu" data-open={open ? "true" : undefined} className="order-3 hidden basis-full flex-col border-t data-[open=true]:flex lg:contents">
        {children}
      </div>
    </>
  );
}
