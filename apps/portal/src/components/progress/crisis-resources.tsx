import { MessageSquareText, Phone } from "lucide-react";
import { type CrisisResources as CrisisResourcesData, smsHref } from "@concord/domain/client";

export type { CrisisResourcesData };

const callLink =
  "inline-flex min-h-12 flex-col justify-center rounded-lg border-2 border-danger px-4 py-1.5 text-lg font-bold no-underline";

/**
 * The deployment region's crisis resources, as tap-to-call links (emergency number first). Shown
 * to a patient at once after a PHQ-9 with item 9 above 0 (`announce`: read out as an alert), and
 * on their home while an urgent alert about them is open (a labelled region, not re-announced on
 * every visit).
 */
export function CrisisResources({ resources, announce = false }: { resources: CrisisResourcesData; announce?: boolean }) {
  const headingId = announce ? "crisis-h-now" : "crisis-h";
  return (
    <section
      className="grid gap-3 rounded-xl border-3 border-danger bg-danger-soft p-4 text-foreground sm:p-5"
      role={announce ? "alert" : "region"}
      aria-labelledby={headingId}
      data-testid="crisis-resources"
    >
      <h2 id={headingId} className="text-danger-soft-foreground">
        {resources.heading}
      </h2>
      <p>{resources.message}</p>
      <ul className="grid gap-2">
        {resources.entries.map((entry) => (
          <li key={entry.tel} className="flex flex-wrap gap-2">
            <a className={`${callLink} bg-danger text-danger-foreground`} href={entry.tel}>
              <span className="inline-flex items-center gap-2">
                <Phone aria-hidden="true" className="size-5" />
                Call {entry.number}
              </span>
              <span className="text-sm font-medium">
                <span className="sr-only">, </span>
                {entry.label}
              </span>
            </a>
            {entry.text === "call or text" ? (
              <a className={`${callLink} bg-card text-danger-soft-foreground`} href={smsHref(entry.number)}>
                <span className="inline-flex items-center gap-2">
                  <MessageSquareText aria-hidden="true" className="size-5" />
                  Text {entry.number}
                </span>
                <span className="sr-only">, {entry.label}</span>
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
