import { PSFS_MAX_ACTIVITIES, PSFS_MIN_ACTIVITIES } from "@concord/domain";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { PsfsFlow } from "./psfs-flow";
import { ScaleQuestion, questionFrame } from "./scale-question";

/*
 * The PSFS, rendered on the server: the activities' fields and scales are plain HTML and send no script;
 * PsfsFlow (psfs-flow.tsx) adds or removes activities, sends the answers and shows the result. The answers
 * are dated on the patient's day (the nearest PatientDay), unless `takenOn` is given.
 */

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
