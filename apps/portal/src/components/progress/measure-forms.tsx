"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import {
  BUDAPEST_CATEGORIES,
  BUDAPEST_DISCLAIMER,
  BUDAPEST_ITEMS,
  type BudapestResult,
  type BudapestTickKind,
  CSS_ITEMS,
  CSS_SMALLEST_REAL_DIFFERENCE,
  LICENSED_MEASURES,
  formatCalendarDate,
} from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { usePatientToday } from "./local-date";
import styles from "./progress.module.css";

function DateField({ id }: { id: string }) {
  // The patient's own day: a later date is refused by the server.
  const today = usePatientToday();
  return (
    <div>
      <label htmlFor={id}>Date taken</label>
      <input id={id} name="takenOn" type="date" required defaultValue={today} max={today} />
    </div>
  );
}

function Shell({ title, id, error, children, result, onSubmit, pending }: { title: string; id: string; error: string | null; children: ReactNode; result: ReactNode; onSubmit: (e: FormEvent<HTMLFormElement>) => void; pending: boolean }) {
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} style={{ marginTop: 0 }}>{title}</h2>
      <form className="stack" style={{ maxWidth: "none" }} onSubmit={onSubmit} aria-label={title}>
        {error ? <div className="alert error" role="alert">{error}</div> : null}
        {result}
        {children}
        <div><button type="submit" disabled={pending}>Save</button></div>
      </form>
    </section>
  );
}

export function BudapestForm({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const record = useMutation(trpc.measures.recordBudapest.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BudapestResult | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const ticks = (kind: BudapestTickKind) =>
      Object.fromEntries(BUDAPEST_CATEGORIES.map((c) => [c, BUDAPEST_ITEMS[c][kind].filter((i) => f.get(`bp-${kind}-${c}-${i.id}`) === "on").map((i) => i.id)]));
    setError(null);
    try {
      const r = await record.mutateAsync({
        patientId,
        takenOn: String(f.get("takenOn")),
        disproportionatePain: f.get("disproportionatePain") === "on",
        noBetterExplanation: f.get("noBetterExplanation") === "on",
        symptoms: ticks("symptoms"),
        signs: ticks("signs"),
      });
      setResult(r.evaluation);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Shell
      title="Budapest criteria checklist"
      id="budapest"
      error={error}
      pending={record.isPending}
      onSubmit={onSubmit}
      result={
        result ? (
          <div className="alert success" role="status" data-testid="budapest-result">
            <p style={{ margin: 0 }}>
              Symptoms in <strong>{result.symptomCategories} of 4</strong> categories; signs in <strong>{result.signCategories} of 4</strong>.{" "}
              Clinical criteria: <strong>{result.clinicalCriteriaMet ? "met" : "not met"}</strong>. Research criteria:{" "}
              <strong>{result.researchCriteriaMet ? "met" : "not met"}</strong>.
            </p>
            <p style={{ margin: ".25rem 0 0" }}>{result.explanation}</p>
          </div>
        ) : null
      }
    >
      <p className="muted">{BUDAPEST_DISCLAIMER}</p>
      <DateField id="budapest-date" />
      <label className={styles.checkRow}><input type="checkbox" name="disproportionatePain" /> Continuing pain, disproportionate to any inciting event</label>
      <label className={styles.checkRow}><input type="checkbox" name="noBetterExplanation" /> No other diagnosis better explains the signs and symptoms</label>
      <div className="grid">
        {BUDAPEST_CATEGORIES.map((c) => (
          <fieldset key={c} className={styles.question}>
            <legend>{BUDAPEST_ITEMS[c].label}</legend>
            <p style={{ margin: 0, fontWeight: 600 }}>Reported symptoms</p>
            {BUDAPEST_ITEMS[c].symptoms.map((i) => (
              <label key={i.id} className={styles.checkRow}><input type="checkbox" name={`bp-symptoms-${c}-${i.id}`} /> {i.label}</label>
            ))}
            <p style={{ margin: ".5rem 0 0", fontWeight: 600 }}>Observed signs</p>
            {BUDAPEST_ITEMS[c].signs.map((i) => (
              <label key={i.id} className={styles.checkRow}><input type="checkbox" name={`bp-signs-${c}-${i.id}`} /> {i.label}</label>
            ))}
          </fieldset>
        ))}
      </div>
    </Shell>
  );
}

export function CssForm({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const record = useMutation(trpc.measures.recordCss.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ total: number; change: number | null; meaningful: boolean; previous: { takenOn: string; total: number } | null } | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setError(null);
    try {
      const r = await record.mutateAsync({
        patientId,
        takenOn: String(f.get("takenOn")),
        items: Object.fromEntries(CSS_ITEMS.map((i) => [i.id, f.get(`css-${i.id}`) === "on"])),
      });
      setSaved({ total: r.score.total, change: r.change.change, meaningful: r.change.beyondMeasurementError, previous: r.previous });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Shell
      title="CRPS Severity Score"
      id="css"
      error={error}
      pending={record.isPending}
      onSubmit={onSubmit}
      result={
        saved ? (
          <div className={`alert ${saved.meaningful ? "warning" : "success"}`} role="status" data-testid="css-result">
            CSS {saved.total} of 17.{" "}
            {saved.previous === null ? (
              "First score on record."
            ) : (
              <>
                Change since {formatCalendarDate(saved.previous.takenOn)} ({saved.previous.total}): {(saved.change ?? 0) > 0 ? "+" : ""}{saved.change}.{" "}
                {saved.meaningful ? (
                  <strong className={styles.meaningful}>⚠ A change of {CSS_SMALLEST_REAL_DIFFERENCE} or more points is beyond measurement error (smallest real difference, Harden 2017).</strong>
                ) : (
                  `Under ${CSS_SMALLEST_REAL_DIFFERENCE} points: within measurement error (smallest real difference, Harden 2017).`
                )}
              </>
            )}
          </div>
        ) : null
      }
    >
      <DateField id="css-date" />
      <div className="grid">
        {(["symptom", "sign"] as const).map((kind) => (
          <fieldset key={kind} className={styles.question}>
            <legend>{kind === "symptom" ? "Reported symptoms (8)" : "Signs on examination (9)"} — tick if present</legend>
            {CSS_ITEMS.filter((i) => i.kind === kind).map((i) => (
              <label key={i.id} className={styles.checkRow}><input type="checkbox" name={`css-${i.id}`} /> {i.label}</label>
            ))}
          </fieldset>
        ))}
      </div>
    </Shell>
  );
}

export function LimbTemperatureForm({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const record = useMutation(trpc.measures.recordLimbTemperature.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setError(null);
    try {
      const raw = String(f.get("differenceCelsius") ?? "");
      const r = await record.mutateAsync({
        patientId,
        takenOn: String(f.get("takenOn")),
        differenceCelsius: raw === "" ? Number.NaN : Number(raw),
        site: String(f.get("site") ?? "").trim() || undefined,
      });
      setSaved(`Saved: ${r.measure.score} °C${Math.abs(Number(r.measure.score)) > 1 ? " (more than 1 °C: a Budapest vasomotor sign)" : ""}.`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Shell title="Limb temperature difference" id="temp" error={error} pending={record.isPending} onSubmit={onSubmit} result={saved ? <p className="alert success" role="status">{saved}</p> : null}>
      <DateField id="temp-date" />
      <div>
        <label htmlFor="temp-diff">Affected minus unaffected side (°C)</label>
        <input id="temp-diff" name="differenceCelsius" type="number" step="0.1" min={-10} max={10} required />
      </div>
      <div>
        <label htmlFor="temp-site">Where measured (optional)</label>
        <input id="temp-site" name="site" maxLength={200} />
      </div>
    </Shell>
  );
}

export function LicensedScoreForm({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const record = useMutation(trpc.measures.recordLicensed.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const raw = String(f.get("score") ?? "");
    setError(null);
    try {
      const r = await record.mutateAsync({ patientId, takenOn: String(f.get("takenOn")), measureId: String(f.get("measureId")), score: raw === "" ? Number.NaN : Number(raw) });
      setSaved(`Saved ${LICENSED_MEASURES.find((m) => m.id === r.measure.kind)?.name ?? r.measure.kind}: ${r.measure.score}.`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Shell title="Licensed instrument score" id="licensed" error={error} pending={record.isPending} onSubmit={onSubmit} result={saved ? <p className="alert success" role="status">{saved}</p> : null}>
      <p className="muted">Use your licensed form to score; record only the total here. Item wording is never stored.</p>
      <DateField id="licensed-date" />
      <div>
        <label htmlFor="licensed-measure">Instrument</label>
        <select id="licensed-measure" name="measureId">
          {LICENSED_MEASURES.map((m) => (
            <option key={m.id} value={m.id}>{m.name} — {m.scoreKind} {m.min}–{m.max}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="licensed-score">Score</label>
        <input id="licensed-score" name="score" type="number" step="any" required />
      </div>
    </Shell>
  );
}
