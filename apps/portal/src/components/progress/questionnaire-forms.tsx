import {
  FREQUENCY_OPTIONS,
  GAD7_ITEMS,
  GAD7_STEM,
  PHQ9_ITEMS,
  PHQ9_STEM,
  PSFS_MAX_ACTIVITIES,
  PSFS_MIN_ACTIVITIES,
} from "@concord/domain";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { SegmentedControl } from "@concord/ui/segmented-control";
import { ScaleQuestion, questionFrame } from "./check-in-form";
import { FrequencyFlow, PsfsFlow } from "./questionnaire-flow";

/*
 * The questionnaires, rendered on the server: the questions are plain HTML (native radios and fields) and send
 * no script; FrequencyFlow and PsfsFlow (questionnaire-flow.tsx) send the answers and show the result. They
 * date the answers on the patient's day (the nearest PatientDay), unless `takenOn` is given.
 */

function FrequencyItem({ name, index, text }: { name: string; index: number; text: string }) {
  return (
    <SegmentedControl
      variant="choices"
      className={questionFrame}
      name={`${name}-${index}`}
      legend={`${index + 1}. ${text}`}
      required
      options={FREQUENCY_OPTIONS.map((o) => ({ value: String(o.value), label: o.label, ariaLabel: `${text}: ${o.label}` }))}
    />
  );
}

/** PHQ-9 or GAD-7, filled in by the patient (or by a team member with them). */
export function FrequencyQuestionnaire({ patientId, kind, takenOn }: { patientId: string; kind: "phq9" | "gad7"; takenOn?: string }) {
  const items = kind === "phq9" ? PHQ9_ITEMS : GAD7_ITEMS;
  const stem = kind === "phq9" ? PHQ9_STEM : GAD7_STEM;
  return (
    <FrequencyFlow patientId={patientId} kind={kind} label={kind === "phq9" ? "PHQ-9" : "GAD-7"} itemCount={items.length} takenOn={takenOn}>
      <p>
        <strong>{stem}</strong>
      </p>
      {items.map((text, i) => (
        <FrequencyItem key={text} name={kind} index={i} text={text} />
      ))}
    </FrequencyFlow>
  );
}

/** Patient-Specific Functional Scale: 3–5 activities chosen with the PT or OT, each 0–10. */
export function PsfsForm({ patientId, takenOn }: { patientId: string; takenOn?: string }) {
  const slots = Array.from({ length: PSFS_MAX_ACTIVITIES }, (_, i) => `activity-${i}`).map((field, i) => (
    // The slots keep their order (only the last is ever added or removed), so the field name is the slot's identity.
    <div key={field} className={`${questionFrame} grid gap-3`}>
      <Field id={field} label={`Activity ${i + 1}`}>
        <Input name={field} required maxLength={200} />
      </Field>
      <ScaleQuestion name={`psfs-score-${i}`} legend={`How well can you do activity ${i + 1}?`} framed={false} />
    </div>
  ));
  return (
    <PsfsFlow
      patientId={patientId}
      takenOn={takenOn}
      min={PSFS_MIN_ACTIVITIES}
      intro={
        <p>
          Name {PSFS_MIN_ACTIVITIES} to {PSFS_MAX_ACTIVITIES} everyday activities you find hard (agreed with your physical or occupational therapist),
          and rate how well you can do each one today: 0 = unable, 10 = as well as before.
        </p>
      }
      slots={slots}
    />
  );
}
