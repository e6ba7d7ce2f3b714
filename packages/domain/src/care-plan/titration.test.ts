import { describe, expect, it } from "vitest";
import { reconcileTitration } from "./titration";

const step = (dose: number, startsOn: string) => ({ dose, startsOn });
const doses = (steps: Array<{ dose: number }>) => steps.map((s) => s.dose);

describe("reconcileTitration", () => {
  const rise = [step(150, "2026-03-08"), step(225, "2026-03-15"), step(300, "2026-03-22")];
  const taper = [step(30, "2026-03-09"), step(20, "2026-03-16"), step(10, "2026-03-23")];

  it.each([
    ["a rise plan, dose unchanged", rise, 75, 75, [150, 225, 300], []],
    ["a rise plan, raised to the first step", rise, 75, 150, [225, 300], [150]],
    ["a rise plan, raised between steps", rise, 75, 200, [225, 300], [150]],
    ["a rise plan, raised past every step", rise, 75, 400, [], [150, 225, 300]],
    ["a rise plan, lowered", rise, 75, 50, [150, 225, 300], []],
    ["a taper, dose unchanged", taper, 40, 40, [30, 20, 10], []],
    ["a taper, cut to the second step", taper, 40, 20, [10], [30, 20]],
    ["a taper, raised", taper, 40, 50, [30, 20, 10], []],
    ["a taper, cut below every step", taper, 40, 5, [], [30, 20, 10]],
  ])("%s", (_what, steps, previousDose, newDose, kept, withdrawn) => {
    const result = reconcileTitration(steps, { previousDose, newDose, after: "2026-03-02" });
    expect(doses(result.steps)).toEqual(kept);
    expect(doses(result.withdrawn)).toEqual(withdrawn);
  });

  it("keeps every step up to the change untouched, whatever its dose", () => {
    const steps = [step(100, "2026-02-20"), step(150, "2026-03-02"), step(150, "2026-03-09"), step(225, "2026-03-16")];
    const result = reconcileTitration(steps, { previousDose: 150, newDose: 200, after: "2026-03-02" });
    expect(result.steps).toEqual([step(100, "2026-02-20"), step(150, "2026-03-02"), step(225, "2026-03-16")]);
    expect(result.withdrawn).toEqual([step(150, "2026-03-09")]);
  });

  it("never leaves a planned step at the dose before it", () => {
    // Whatever the new dose, every kept planned step still changes the dose it follows.
    for (const newDose of [25, 75, 100, 150, 175, 225, 250, 300, 350]) {
      const { steps } = reconcileTitration(rise, { previousDose: 75, newDose, after: "2026-03-02" });
      let from = newDose;
      for (const s of steps) {
        expect(s.dose).toBeGreaterThan(from);
        from = s.dose;
      }
    }
  });
});
