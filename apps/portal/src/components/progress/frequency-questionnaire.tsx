import {
  FREQUENCY_OPTIONS,
  GAD7_ITEMS,
  GAD7_STEM,
  PHQ9_ITEMS,
  PHQ9_STEM,
} from "@concord/domain";
import { SegmentedControl } from "@concord/ui/segmented-control";
import { questionFrame } from "./scale-question";
import { FrequencyFlow } from "./questionnaire-flow";

/*
 * PHQ-9 and GAD-7, rendered on the server: the questions are plain HTML (native radios) and send no script;
 * FrequencyFlow (questionnaire-flow.tsx) sends the answers and shows the result. The answers are dated on the
 * patient's day (the nearest PatientDay), unless `takenOn` is given.
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
