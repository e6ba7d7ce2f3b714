import { Skeleton } from "@concord/ui/skeleton";

/** Shown while a page's data loads: the shape of a page (a title, a line, cards), and the word for screen readers. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-5" data-testid="page-loading">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-64 max-w-full" />
      <Skeleton className="h-5 w-96 max-w-full" />
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
      <Skeleton className="h-56" />
    </div>
  );
}
