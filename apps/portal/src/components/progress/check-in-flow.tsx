"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, createContext, useCallback, useContext, useEffect, useRef, useState, useTransition } from "react";
import type { AdherenceStatus, BodyLimb, CheckInRedFlag, CheckInSymptom } from "@concord/domain";
import type { RouterOutputs } from "@concord/api";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import type { Refusal } from "~/components/refusal";
import { editCheckIn, submitCheckIn } from "~/app/me/check-in/actions";
import { RefusalAlert } from "./refusal-alert";

/*
 * The check-in's interactive part, and all of its script: sending (a server action), the progress line, the
 * "answered" marks of the folded sections, and which view shows (the form, the day's entry, the result). The
 * questions themselves are rendered on the server (check-in-form.tsx) and passed in as `fields`.
 */

type Saved = RouterOutputs["checkIns"]["submit"];

/** The questions every check-in answers, asked first and on one phone screen. */
const CORE_FIELDS = ["painNow", "painAverage", "painWorst", "sleepHours", "sleepQuality", "mood"] as const;

export type OptionalSection = "symptoms" | "sites" | "plan" | "note";

interface Progress {
  core: number;
  safety: number;
  sections: Record<OptionalSection, boolean>;
}

const NO_PROGRESS: Progress = { core: 0, safety: 0, sections: { symptoms: false, sites: false, plan: false, note: false } };

/** What the form holds now: read from the form itself, so the count cannot drift from what is sent. */
function progressOf(form: HTMLFormElement, redFlags: readonly string[]): Progress {
  const f = new FormData(form);
  const has = (name: string) => {
    const value = f.get(name);
    return value !== null && String(value).trim() !== "";
  };
  const names = [...f.keys()];
  return {
    core: CORE_FIELDS.filter(has).length,
    safety: redFlags.filter(has).length,
    sections: {
      symptoms: names.some((n) => n.startsWith("symptom-")),
      sites: names.some((n) => n.startsWith("site-")) || has("otherSite"),
      plan: names.some((n) => (n.startsWith("adherence-") || n.startsWith("side-")) && has(n)),
      note: has("note"),
    },
  };
}

/** "Core done · Safety questions 5 of 5 · 2 of 4 optional sections". */
function progressText(progress: Progress, redFlagCount: number, sections: readonly OptionalSection[]): string {
  const core = progress.core === CORE_FIELDS.length ? "Core done" : `Core ${progress.core} of ${CORE_FIELDS.length}`;
  const safety = progress.safety === redFlagCount ? "Safety questions done" : `Safety questions ${progress.safety} of ${redFlagCount}`;
  const optional = sections.filter((s) => progress.sections[s]).length;
  return `${core} · ${safety} · ${optional} of ${sections.length} optional sections`;
}

/** What the server-rendered parts inside the flow read from it: the form's progress, and how to begin an edit. */
const FlowContext = createContext<{ progress: Progress; text: string; edit: () => void }>({ progress: NO_PROGRESS, text: "", edit: () => {} });

/** The progress line ("Core 3 of 6 · …"), placed by the server among the questions. */
export function CheckInProgress() {
  return (
    <p data-testid="check-in-progress" className="text-sm font-medium text-muted-foreground">
      {useContext(FlowContext).text}
    </p>
  );
}

/** A folded section's mark: the server renders both looks; this picks one from what the form holds. */
export function SectionStatus({ section, answered, optional }: { section: OptionalSection; answered: ReactNode; optional: ReactNode }) {
  return useContext(FlowContext).progress.sections[section] ? answered : optional;
}

/** "Edit today’s check-in", placed by the server beside the day's entry and under the result. */
export function EditCheckInButton({ variant }: { variant?: "secondary" }) {
  const { edit } = useContext(FlowContext);
  return (
    <Button variant={variant} onClick={edit}>
      Edit today’s check-in
    </Button>
  );
}

/** The advice after sending, rendered on the server; the flow shows the parts the result calls for. */
export interface CheckInAdvice {
  /** The rest of the emergency advice, after "Call emergency services now: <number>." */
  emergency: ReactNode;
  /** A red flag, and the team was alerted. */
  notified: ReactNode;
  /** A red flag, and no clinician could be alerted. */
  unrouted: ReactNode;
}

export interface CheckInFlowProps {
  patientId: string;
  /** The patient's day, decided by the server in their zone, and as shown ("2 Dec 2026"). */
  date: string;
  dayLabel: string;
  /** The version of the day's entry when there is one (the form then edits it). */
  existingVersion: number | null;
  asksAboutProcedure: boolean;
  redFlags: readonly CheckInRedFlag[];
  symptoms: readonly CheckInSymptom[];
  limbs: readonly BodyLimb[];
  adherenceIds: readonly string[];
  sections: readonly OptionalSection[];
  /** Server-rendered parts: the day's entry, the questions, the advice and the questions offered after sending. */
  existing: ReactNode;
  fields: ReactNode;
  advice: CheckInAdvice;
  more: ReactNode;
}

/** The daily check-in: one screen, big targets, about a minute. Editing the day's entry keeps its history. */
export function CheckInFlow(props: CheckInFlowProps) {
  const { patientId, date, existingVersion, asksAboutProcedure, redFlags } = props;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<Progress>(NO_PROGRESS);
  const recount = useCallback(() => {
    if (formRef.current) setProgress(progressOf(formRef.current, redFlags));
  }, [redFlags]);
  // The saved answers of an edit count from the start.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recount once the form is on the page (editing begun, or a new version read)
  useEffect(recount, [editing, existingVersion]);

  // The latest version known: the one just saved, else the day's entry the server read.
  const version = saved ? saved.checkIn.version : existingVersion;
  const text = progressText(progress, redFlags.length, props.sections);
  const view = (content: ReactNode) => <FlowContext.Provider value={{ progress, text, edit: () => setEditing(true) }}>{content}</FlowContext.Provider>;
  if (saved && !editing) return view(<CheckInDone saved={saved} dayLabel={props.dayLabel} advice={props.advice} more={props.more} />);
  if (version !== null && !editing) return view(<Card className="max-w-2xl">{props.existing}</Card>);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const num = (k: string) => (f.get(k) === null || f.get(k) === "" ? Number.NaN : Number(f.get(k)));
    const yes = (k: string) => f.get(k) === "yes";
    const other = String(f.get("otherSite") ?? "").trim();
    const checkIn = {
      date,
      painNow: num("painNow"),
      painAverage: num("painAverage"),
      painWorst: num("painWorst"),
      symptoms: Object.fromEntries(props.symptoms.map((s) => [s, f.get(`symptom-${s}`) === "on"])),
      chestPainOrBreathlessness: yes("chestPainOrBreathlessness"),
      suddenSwelling: yes("suddenSwelling"),
      coldPaleLimb: yes("coldPaleLimb"),
      signsOfInfection: yes("signsOfInfection"),
      ...(asksAboutProcedure ? { neuroDeficitAfterProcedure: yes("neuroDeficitAfterProcedure") } : {}),
      newLimbAffected: yes("newLimbAffected"),
      bodyLocations: [
        ...props.limbs.filter((l) => f.get(`site-${l}`) === "on").map((site) => ({ site })),
        ...(other ? [{ site: "other" as const, detail: other }] : []),
      ],
      sleepHours: num("sleepHours"),
      sleepQuality: num("sleepQuality"),
      mood: num("mood"),
      adherence: props.adherenceIds.flatMap((interventionId) => {
        const status = f.get(`adherence-${interventionId}`);
        if (!status) return [];
        const sideEffects = String(f.get(`side-${interventionId}`) ?? "").trim();
        return [{ interventionId, status: status as AdherenceStatus, ...(sideEffects ? { sideEffects } : {}) }];
      }),
      note: String(f.get("note") ?? "").trim() || undefined,
    };
    setRefusal(null);
    startTransition(async () => {
      const result =
        version !== null ? await editCheckIn({ patientId, checkIn, expectedVersion: version }) : await submitCheckIn({ patientId, checkIn });
      startTransition(() => {
        if (!result.ok) {
          setRefusal(result);
          return;
        }
        setSaved(result.value);
        setEditing(false);
        // Re-read the page (the day's entry, its version) with the result, in one commit.
        router.refresh();
      });
    });
  }

  return view(
    <form
      ref={formRef}
      className="flex max-w-2xl flex-col gap-4"
      onSubmit={onSubmit}
      onChange={recount}
      onInput={recount}
      aria-label={version !== null ? "Edit today’s check-in" : "Today’s check-in"}
      key={version ?? 0}
    >
      {refusal ? <RefusalAlert refusal={refusal} /> : null}
      {version !== null ? <Alert variant="warning">You are editing today’s check-in. Your earlier answers are kept in its history.</Alert> : null}
      {props.fields}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {version !== null ? "Save changes" : "Send check-in"}
      </Button>
    </form>,
  );
}

function CheckInDone({ saved, dayLabel, advice, more }: { saved: Saved; dayLabel: string; advice: CheckInAdvice; more: ReactNode }) {
  // After sending, focus moves to the result (an emergency advice, if any, is inside it and read next).
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    result.current?.focus();
    result.current?.scrollIntoView({ block: "start" });
  }, []);
  return (
    <Card ref={result} tabIndex={-1} aria-label="Check-in result" data-testid="check-in-result" className="max-w-2xl outline-none focus-visible:outline-3 focus-visible:outline-ring">
      <Alert variant="success" role="status">
        Check-in saved for {dayLabel}
        {saved.checkIn.version > 1 ? " (edited)" : ""}. Thank you.
      </Alert>
      {saved.emergency ? (
        <Alert variant="urgent" role="alert" data-testid="emergency-advice">
          <p>
            <strong>
              Call emergency services now: <a href={saved.emergency.tel}>{saved.emergency.text}</a>.
            </strong>{" "}
            {advice.emergency}
          </p>
        </Alert>
      ) : null}
      {saved.redFlagAdvice ? (saved.teamNotified ? advice.notified : advice.unrouted) : null}
      {more}
    </Card>
  );
}
