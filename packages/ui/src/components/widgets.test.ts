import { describe, expect, it } from "vitest";
import { filterComboboxOptions } from "./combobox";
import { fieldControlProps } from "./field";
import { scaleOptions } from "./segmented-control";

describe("fieldControlProps", () => {
  it("names the hint and the error, and marks the control invalid only with an error", () => {
    expect(fieldControlProps("dose")).toEqual({ id: "dose" });
    expect(fieldControlProps("dose", { hint: "mg" })).toEqual({ id: "dose", "aria-describedby": "dose-hint" });
    expect(fieldControlProps("dose", { hint: "mg", error: "Enter a number." })).toEqual({
      id: "dose",
      "aria-invalid": true,
      "aria-describedby": "dose-hint dose-error",
    });
    expect(fieldControlProps("dose", { error: "Enter a number.", describedBy: "own" })["aria-describedby"]).toBe("own dose-error");
  });
});

describe("scaleOptions", () => {
  it("lists every value of the scale with its own accessible name", () => {
    const options = scaleOptions(0, 10, (v) => `Pain right now: ${v}`);
    expect(options.map((o) => o.value)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(options[10]?.ariaLabel).toBe("Pain right now: 10");
  });
});

describe("filterComboboxOptions", () => {
  const options = [
    { value: "preg", label: "Pregabalin", keywords: ["Lyrica", "gabapentinoid"] },
    { value: "gaba", label: "Gabapentin", keywords: ["gabapentinoid"] },
    { value: "ami", label: "Amitriptyline" },
  ];
  it("matches every typed word in the label or the keywords, keeping the list's order", () => {
    expect(filterComboboxOptions(options, "").map((o) => o.value)).toEqual(["preg", "gaba", "ami"]);
    expect(filterComboboxOptions(options, "lyr").map((o) => o.value)).toEqual(["preg"]);
    expect(filterComboboxOptions(options, "GABAPENTINOID").map((o) => o.value)).toEqual(["preg", "gaba"]);
    expect(filterComboboxOptions(options, "gabapentinoid lyrica").map((o) => o.value)).toEqual(["preg"]);
    expect(filterComboboxOptions(options, "zzz")).toEqual([]);
  });
});
