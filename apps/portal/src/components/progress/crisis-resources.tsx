import { PATIENT_CRISIS_RESOURCES } from "@concord/domain";
import styles from "./progress.module.css";

/** Shown to a patient at once after a PHQ-9 with item 9 above 0. */
export function CrisisResources() {
  const r = PATIENT_CRISIS_RESOURCES;
  return (
    <section className={styles.crisis} role="alert" aria-labelledby="crisis-h" data-testid="crisis-resources">
      <h2 id="crisis-h">{r.heading}</h2>
      <p>{r.message}</p>
      <ul>
        {r.examples.map((e) => (
          <li key={e.region}><strong>{e.region}:</strong> {e.text}</li>
        ))}
      </ul>
      <p className="muted" style={{ fontSize: ".85rem" }}>{r.examplesNote}</p>
    </section>
  );
}
