import { describe, expect, it } from "vitest";
import type { ClinicSettings } from "../clinic-settings";
import { crisisResourcesFor, emergencyAdvice, smsHref, telHref, urgentSymptomResourcesFor } from "./crisis-resources";

const settings = (overrides: Partial<ClinicSettings>): ClinicSettings => ({
  timeZone: "UTC",
  crisisRegion: "us",
  emergencyNumber: "112",
  ...overrides,
});

const numbersOf = (s: ClinicSettings) => crisisResourcesFor(s).entries.map((e) => [e.number, e.tel]);

describe("crisisResourcesFor", () => {
  it("United States: 911 first, then the 988 Lifeline, which also takes texts", () => {
    const r = crisisResourcesFor(settings({ crisisRegion: "us" }));
    expect(r.entries).toEqual([
      { label: "Emergency services", number: "911", tel: "tel:911" },
      { label: "988 Suicide & Crisis Lifeline", number: "988", tel: "tel:988", text: "call or text" },
    ]);
    expect(r.message).toContain("call 911 now");
    expect(r.message).toContain("call or text 988");
    expect(r.message).not.toMatch(/112|999|116 123/);
  });

  it("United Kingdom and Ireland: 999, 112, then Samaritans on 116 123 (free, 24 hours)", () => {
    const r = crisisResourcesFor(settings({ crisisRegion: "uk-ie" }));
    expect(numbersOf(settings({ crisisRegion: "uk-ie" }))).toEqual([
      ["999", "tel:999"],
      ["112", "tel:112"],
      ["116 123", "tel:116123"],
    ]);
    expect(r.entries[2]?.label).toBe("Samaritans (free, 24 hours)");
    expect(r.entries.some((e) => e.text)).toBe(false);
    expect(r.message).not.toMatch(/911|988/);
  });

  it("generic: the configured emergency number, and the clinic's crisis line when there is one", () => {
    expect(numbersOf(settings({ crisisRegion: "generic" }))).toEqual([["112", "tel:112"]]);
    expect(numbersOf(settings({ crisisRegion: "generic", emergencyNumber: "000" }))).toEqual([["000", "tel:000"]]);
    const withClinic = crisisResourcesFor(settings({ crisisRegion: "generic", emergencyNumber: "112", clinicCrisisPhone: "+49 (30) 555-0199" }));
    expect(withClinic.entries).toEqual([
      { label: "Emergency services", number: "112", tel: "tel:112" },
      { label: "Your clinic's crisis line", number: "+49 (30) 555-0199", tel: "tel:+49305550199" },
    ]);
    expect(withClinic.message).toContain("+49 (30) 555-0199");
    expect(withClinic.message).toContain("call 112 now");
  });

  it("the region's settings for the emergency number apply only to the generic region", () => {
    expect(crisisResourcesFor(settings({ crisisRegion: "us", emergencyNumber: "000" })).entries[0]?.number).toBe("911");
    expect(crisisResourcesFor(settings({ crisisRegion: "uk-ie", emergencyNumber: "000" })).entries[0]?.number).toBe("999");
  });

  it.each(["us", "uk-ie", "generic"] as const)("%s: says nothing about verifying or examples, and every entry is tap-to-call", (region) => {
    const r = crisisResourcesFor(settings({ crisisRegion: region, clinicCrisisPhone: "020 7946 0000" }));
    expect(JSON.stringify(r)).not.toMatch(/verify|example/i);
    expect(r.heading.length).toBeGreaterThan(0);
    expect(r.entries[0]?.label).toBe("Emergency services");
    for (const e of r.entries) expect(e.tel).toMatch(/^tel:\+?\d+$/);
  });
});

describe("emergencyAdvice", () => {
  it.each([
    [settings({ crisisRegion: "us" }), "911"],
    [settings({ crisisRegion: "uk-ie" }), "999"],
    [settings({ crisisRegion: "generic", emergencyNumber: "112" }), "112"],
    [settings({ crisisRegion: "generic", emergencyNumber: "000" }), "000"],
  ])("%#: call %s now", (s, number) => {
    expect(emergencyAdvice(s)).toEqual({ number, tel: `tel:${number}`, text: `Call ${number} now` });
  });
});

describe("telHref / smsHref", () => {
  it("keeps the digits and a leading plus, drops spaces, brackets and dashes", () => {
    expect(telHref("+1 (415) 555-0142")).toBe("tel:+14155550142");
    expect(telHref(" 116 123 ")).toBe("tel:116123");
    expect(smsHref("988")).toBe("sms:988");
  });
});

describe("urgentSymptomResourcesFor", () => {
  it.each([
    ["us", "911"],
    ["uk-ie", "999"],
    ["generic", "112"],
  ] as const)("%s: the emergency number only, about a symptom, never about self-harm", (crisisRegion, number) => {
    const r = urgentSymptomResourcesFor({ crisisRegion, emergencyNumber: "112" });
    expect(r.entries).toEqual([{ label: "Emergency services", number, tel: `tel:${number}` }]);
    expect(r.message).toContain(`call ${number} now`);
    expect(`${r.heading} ${r.message}`).not.toMatch(/harming|verify|example/i);
  });
});
