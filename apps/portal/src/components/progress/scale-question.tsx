import { SegmentedControl, scaleOptions } from "@concord/ui/segmented-control";

/*
 * A 0–10 question as the check-in and the questionnaires ask it: server-rendered native radios. A module of its
 * own, so a page that asks one does not also list the other form's client part among its scripts.
 */

/** One question of the form, framed so the long form reads as a list of separate questions. */
export const questionFrame = "rounded-xl border bg-card p-4";

export function ScaleQuestion({
  name,
  legend,
  hint,
  min = 0,
  max = 10,
  defaultValue,
  framed = true,
  row = false,
}: { name: string; legend: string; hint?: string; min?: number; max?: number; defaultValue?: number | undefined; framed?: boolean; row?: boolean }) {
  return (
    <SegmentedControl
      className={framed ? questionFrame : undefined}
      row={row}
      name={name}
      legend={legend}
      hint={hint}
      required
      options={scaleOptions(min, max, (v) => `${legend}: ${v}`)}
      defaultValue={defaultValue === undefined ? undefined : String(defaultValue)}
    />
  );
}
