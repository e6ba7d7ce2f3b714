"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@concord/ui/utils";

export interface NavItem {
  href: string;
  /** The link's content: its words, and for the worklist its live counts. */
  label: ReactNode;
  testId?: string;
}

/**
 * The item the page belongs to: the longest href that is the path or a folder above it, so
 * /patients/…/plan marks "My patients" and /me/check-in marks "Check in", not "My care".
 */
export function currentItem(pathname: string, hrefs: readonly string[]): string | null {
  const matching = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return matching.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The look of a header link, and of the current one (a bar under it and bold: not colour alone). */
export const navLinkClassName = cn(
  "relative inline-flex min-h-11 items-center gap-1.5 rounded-md px-3 py-2 font-medium whitespace-nowrap text-foreground no-underline hover:bg-accent hover:text-accent-foreground",
  "aria-[current]:font-bold aria-[current]:text-accent-foreground aria-[current]:bg-accent lg:aria-[current]:bg-transparent",
  "lg:aria-[current]:after:absolute lg:aria-[current]:after:inset-x-2 lg:aria-[current]:after:-bottom-1 lg:aria-[current]:after:h-[3px] lg:aria-[current]:after:rounded-full lg:aria-[current]:after:bg-primary",
  "max-lg:aria-[current]:border-l-4 max-lg:aria-[current]:border-primary",
);

/** The main navigation. The current page is `aria-current="page"`; a page inside a section marks the section (`true`). */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = currentItem(pathname, items.map((i) => i.href));
  return (
    <nav aria-label="Main" className="order-3 flex basis-full flex-col gap-1 py-2 lg:order-4 lg:-mx-2 lg:flex-row lg:flex-wrap lg:items-center lg:gap-x-1 lg:gap-y-0 lg:border-t lg:pt-1 lg:pb-1">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          data-testid={item.testId}
          aria-current={item.href === current ? (pathname === item.href ? "page" : "true") : undefined}
          className={navLinkClassName}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
