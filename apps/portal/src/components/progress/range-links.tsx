import Link from "next/link";
import { Button } from "@concord/ui/button";

export const RANGE_CHOICES = [
  { days: 30, label: "30 days" },
  { days: 90, label: "3 months" },
  { days: 365, label: "1 year" },
  { days: 730, label: "2 years" },
] as const;

/** Parses ?days= into one of the offered ranges (default 90 days). */
export function rangeDays(value: string | undefined): number {
  const n = Number(value);
  return RANGE_CHOICES.some((c) => c.days === n) ? n : 90;
}

export function RangeLinks({ base, current }: { base: string; current: number }) {
  return (
    <nav aria-label="Chart range" className="flex flex-wrap gap-2">
      {RANGE_CHOICES.map((c) => (
        <Button key={c.days} asChild size="sm" variant={c.days === current ? "default" : "secondary"}>
          <Link href={`${base}?days=${c.days}`} aria-current={c.days === current ? "true" : undefined}>
            {c.label}
          </Link>
        </Button>
      ))}
    </nav>
  );
}
