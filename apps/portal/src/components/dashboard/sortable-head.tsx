import Link from "next/link";
import { ArrowDown, ArrowUpDown } from "lucide-react";
import type { PatientListSort } from "@concord/domain";
import { TableHead } from "@concord/ui/table";

/**
 * A column heading that sorts the list by a link (`?sort=`), so sorting works without JavaScript and the
 * order is in the URL. The current sort is announced by aria-sort, not by the arrow alone.
 */
export function SortableHead({
  sort,
  current,
  direction,
  href,
  children,
}: {
  sort: PatientListSort;
  current: PatientListSort;
  direction: "ascending" | "descending";
  href: string;
  children: string;
}) {
  const active = sort === current;
  return (
    <TableHead scope="col" aria-sort={active ? direction : undefined}>
      <Link href={href} className="inline-flex items-center gap-1 whitespace-nowrap text-muted-foreground no-underline hover:text-foreground" aria-current={active ? "true" : undefined}>
        {children}
        <span className="sr-only">{active ? ", sorted" : ", sort by this column"}</span>
        {active ? <ArrowDown aria-hidden="true" className="size-3.5" /> : <ArrowUpDown aria-hidden="true" className="size-3.5 opacity-60" />}
      </Link>
    </TableHead>
  );
}
