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
} from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { CardSection } from "@concord/ui/card";
import { CheckboxField } from "@concord/ui/checkbox";
import { Field, Fieldset } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { errorMessage } from "~/components/error-message";
import { CardGrid } from "~/components/layout";
import { useTRPC } from "~/trpc/react";
import { usePatientToday } from "./local-date";

function DateField({ id }: { id: string }) {
  // The patient's own day: a later date is refused by the server.
  const today = usePatientToday();
  return (
    <Field id={id} label="Date taken" className="max-w-xs">
      <Input name="takenOn" type="date" required defaultValue={today} max={today} />
    </Field>
  );
}

function Shell({ title, id, error, children, result, onSubmit, pending }: { title: string; id: string; error: string | null; children: ReactNode; result: ReactNode; onSubmit: (e: FormEvent<HTMLFormElement>) => void; pending: boolean }) {
  return (
    <CardSection aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <form className="grid gap-4" onSubmit={onSubmit} aria-label={title}>
        {error ? (
          <Alert variant="danger" role="alert">
            {error}
          </Alert>
        ) : null}
        {result}
        {children}
        <Button type="submit" className="w-fit" disabled={pending}>
          Save
        </Button>
      </form>
    </CardSection>
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
          <Alert variant="success" role="status" data-testid="budapest-result">
            <p>
              Symptoms in <strong>{result.symptomCategories} of 4</strong> categories; signs in <strong>{result.signCategories} of 4</strong>.{" "}
              Clinical criteria: <strong>{result.clinicalCriteriaMet ? "met" : "not met"}</strong>. Research criteria:{" "}
              <strong>{result.researchCriteriaMet ? "met" : "not met"}</strong>.
            </p>
            <p>{result.explanation}</p>
          </Alert>
        ) : null
      }
    >
      <p className="text-muted-foreground">{BUDAPEST_DISCLAIMER}</p>
      <DateField id="budapest-date" />
      <div>
        <CheckboxField id="disproportionatePain" name="disproportionatePain" label="Continuing pain, disproportionate to any inciting event" />
        <CheckboxField id="noBetterExplanation" name="noBetterExplanation" label="No other diagnosis better explains the signs and symptoms" />
      </div>
      <CardGrid>
        {BUDAPEST_CATEGORIES.map((c) => (
          <Fieldset key={c} legend={BUDAPEST_ITEMS[c].label} className="gap-0 rounded-lg border p-4">
            <p className="font-semibold">Reported symptoms</p>
            {BUDAPEST_ITEMS[c].symptoms.map((i) => (
              <CheckboxField key={i.id} id={`bp-symptoms-${c}-${i.id}`} name={`bp-symptoms-${c}-${i.id}`} label={i.label} />
            ))}
            <p className="mt-2 font-semibold">Observed signs</p>
            {BUDAPEST_ITEMS[c].signs.map((i) => (
              <CheckboxField key={i.id} id={`bp-signs-${c}-${i.id}`} name={`bp-signs-${c}-${i.id}`} label={i.label} />
            ))}
          </Fieldset>
        ))}
      </CardGrid>
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
          <Alert variant={saved.meaningful ? "warning" : "success"} role="status" data-testid="css-result">
            <p>
            CSS {saved.total} of 17.{" "}
            {saved.previous === null ? (
              "First score on record."
            ) : (
              <>
                Change since {formatCalendarDate(saved.previous.takenOn)} ({saved.previous.total}): {(saved.change ?? 0) > 0 ? "+" : ""}{saved.change}.{" "}
                {saved.meaningful ? (
                  <strong>⚠ A change of {CSS_SMALLEST_REAL_DIFFERENCE} or more points is beyond measurement error (smallest real difference, Harden 2017).</strong>
                ) : (
                  `Under ${CSS_SMALLEST_REAL_DIFFERENCE} points: within measurement error (smallest real difference, Harden 2017).`
                )}
              </>
            )}
            </p>
          </Alert>
        ) : null
      }
    >
      <DateField id="css-date" />
      <CardGrid>
        {(["symptom", "sign"] as const).map((kind) => (
          <Fieldset key={kind} legend={`${kind === "symptom" ? "Reported symptoms (8)" : "Signs on examination (9)"} — tick if present`} className="gap-0 rounded-lg border p-4">
            {CSS_ITEMS.filter((i) => i.kind === kind).map((i) => (
              <CheckboxField key={i.id} id={`css-${i.id}`} name={`css-${i.id}`} label={i.label} />
            ))}
          </Fieldset>
        ))}
      </CardGrid>
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
    <Shell title="Limb temperature difference" id="temp" error={error} pending={record.isPending} onSubmit={onSubmit} result={
        saved ? (
          <Alert variant="success" role="status">
            {saved}
          </Alert>
        ) : null
      }
    >
      <DateField id="temp-date" />
      <Field id="temp-diff" label="Affected minus unaffected side (°C)" className="max-w-xs">
        <Input name="differenceCelsius" type="number" step="0.1" min={-10} max={10} required />
      </Field>
      <Field id="temp-site" label="Where measured (optional)" className="max-w-md">
        <Input name="site" maxLength={200} />
      </Field>
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
    <Shell title="Licensed instrument score" id="licensed" error={error} pending={record.isPending} onSubmit={onSubmit} result={
        saved ? (
          <Alert variant="success" role="status">
            {saved}
          </Alert>
        ) : null
      }
    >
      <p className="text-muted-foreground">Use your licensed form to score; record only the total here. Item wording is never stored.</p>
      <DateField id="licensed-date" />
      <Field id="licensed-measure" label="Instrument" className="max-w-md">
        <NativeSelect name="measureId">
          {LICENSED_MEASURES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} — {m.scoreKind} {m.min}–{m.max}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="licensed-score" label="Score" className="max-w-xs">
        <Input name="score" type="number" step="any" required />
      </Field>
    </Shell>
  );
}
