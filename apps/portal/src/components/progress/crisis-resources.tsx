import { type CrisisResources as CrisisResourcesData, smsHref } from "@concord/domain";
import styles from "./progress.module.css";

export type { CrisisResourcesData };

/**
 * The deployment region's crisis resources, as tap-to-call links (emergency number first). Shown
 * to a patient at once after a PHQ-9 with item 9 above 0 (`announce`: read out as an alert), and
 * on their home while an urgent alert about them is open (a labelled region, not re-announced on
 * every visit).
 */
export function CrisisResources({ resources, announce = false }: { resources: CrisisResourcesData; announce?: boolean }) {
  const headingId = announce ? "crisis-h-now" : "crisis-h";
  return (
    <section className={styles.crisis} role={announce ? "alert" : "region"} aria-labelledby={headingId} data-testid="crisis-resources">
      <h2 id={headingId}>{resources.heading}</h2>
      <p>{resources.message}</p>
      <ul className={styles.crisisList}>
        {resources.entries.map((entry) => (
          <li key={entry.tel}>
            <a className={styles.crisisCall} href={entry.tel}>
              Call {entry.number}
              <span className={styles.crisisWho}>
                <span className="sr-only">, </span>
                {entry.label}
              </span>
            </a>
            {entry.text === "call or text" ? (
              <a className={styles.crisisText} href={smsHref(entry.number)}>
                Text {entry.number}
                <span className="sr-only">, {entry.label}</span>
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
