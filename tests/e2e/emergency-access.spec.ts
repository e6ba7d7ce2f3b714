import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type Page, expect, test } from "./fixtures";
import { apiSignIn, signInAndWait, trpcHttp } from "./helpers";

// "Break the glass": Dr. Elena Vargas (outside@, a pain physician on Casey's team only) opens Jordan
// Lee's record in an emergency; Jordan's team and the administrators are told, Jordan sees it with the
// reason, and the access is ended at the end so later journeys see the outsider without access.
test.describe.configure({ mode: "serial" });

const REASON = "Seen in the emergency department tonight with a hot, swollen right foot; need the current medicines and plan.";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function newPerson(browser: Browser, email: string, home: RegExp): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email, home);
  return page;
}

/** Serious or critical WCAG 2.0/2.1 A and AA findings on the page as it is now. */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return (
      result.violations
        // biome-ignore lint/suspicious/noExplicitAny: axe's result objects cross the page boundary as plain JSON.
        .filter((v: any) => v.impact === "serious" || v.impact === "critical")
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        .map((v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(" ")).join(", ")})`)
    );
  });
}

async function fillForm(page: Page, details: { name: string; dateOfBirth: string; reason: string }) {
  await page.getByLabel("Patient's full name").fill(details.name);
  await page.getByLabel("Date of birth").fill(details.dateOfBirth);
  await page.getByLabel("Reason").fill(details.reason);
  await page.getByRole("button", { name: "Open record in an emergency" }).click();
}

test("an outside clinician breaks the glass: read-only record, the team and admins told, the patient sees the reason, the access ends", async ({ browser }) => {
  // Jordan reports a sudden swelling (an urgent red flag) on a check-in three days ago: an open alert
  // the outsider will read but not acknowledge.
  const jordanApi = await browser.newContext();
  await apiSignIn(jordanApi.request, "jordan@concord.demo");
  const jordanHome = await trpcHttp(jordanApi.request, "me.get", undefined, "query");
  const jordanId = /"patientId":"([0-9a-f-]{36})"/.exec(jordanHome.text)?.[1] ?? "";
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const checkIn = {
    date: threeDaysAgo,
    painNow: 7,
    painAverage: 6,
    painWorst: 9,
    symptoms: { burningPain: true },
    chestPainOrBreathlessness: false,
    suddenSwelling: true,
    coldPaleLimb: false,
    signsOfInfection: false,
    newLimbAffected: false,
    bodyLocations: [{ site: "right_leg" }],
    sleepHours: 5,
    sleepQuality: 4,
    mood: 5,
    adherence: [],
  };
  const submitted = await trpcHttp(jordanApi.request, "checkIns.submit", { patientId: jordanId, checkIn }, "mutation");
  expect(submitted.status, submitted.text).toBe(200);
  await jordanApi.close();

  const outsider = await newPerson(browser, "outside@concord.demo", /\/patients$/);

  // Jordan is not one of her patients.
  await expect(outsider.getByRole("link", { name: "Jordan Lee" })).toHaveCount(0);

  await outsider.goto("/emergency-access");
  await expect(outsider.getByRole("heading", { name: "Emergency access", level: 1 })).toBeVisible();
  await expect(outsider.getByText(/read the record but not change anything/)).toBeVisible();
  await expect(outsider.getByText(/compliance officer reviews every emergency access/)).toBeVisible();
  await expect(outsider.getByLabel("Medical record number (optional)")).toBeVisible();
  await expect(outsider.getByText("You have not opened any record in an emergency.")).toBeVisible();
  expect(await seriousAxeFindings(outsider), "axe on /emergency-access").toEqual([]);

  // An inexact name, then a wrong date of birth: nothing opens, and the form says so.
  const form = outsider.getByRole("form", { name: "Open a record in an emergency" });
  await fillForm(outsider, { name: "Jordan Le", dateOfBirth: "1975-09-30", reason: REASON });
  await expect(form.getByRole("alert")).toContainText("No patient matches that name and date of birth");
  await fillForm(outsider, { name: "Jordan Lee", dateOfBirth: "1975-09-29", reason: REASON });
  await expect(form.getByRole("alert")).toContainText("No patient matches that name and date of birth");
  await expect(outsider).toHaveURL(/\/emergency-access$/);

  // A reason too short to mean anything: the message sits next to Reason and is tied to it.
  await fillForm(outsider, { name: "Jordan Lee", dateOfBirth: "1975-09-30", reason: "urgent" });
  await expect(outsider.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await expect(outsider.getByLabel("Reason")).toHaveAccessibleDescription(/in at least 15 characters/);
  await expect(outsider).toHaveURL(/\/emergency-access$/);
  // The server refuses it too, naming the field.
  const shortOverHttp = await trpcHttp(outsider.request, "emergencyAccess.open", { name: "Jordan Lee", dateOfBirth: "1975-09-30", reason: "urgent" }, "mutation");
  expect(shortOverHttp.status).toBe(400);
  expect(shortOverHttp.text).toContain("in at least 15 characters");

  // The exact details (extra spaces and capitals do not matter) open Jordan's summary, read-only.
  await fillForm(outsider, { name: "  jordan   LEE ", dateOfBirth: "1975-09-30", reason: REASON });
  await expect(outsider).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientId = outsider.url().split("/patients/")[1] ?? "";
  await expect(outsider.getByRole("heading", { name: "Jordan Lee", level: 1 })).toBeVisible();
  const banner = outsider.getByRole("status").filter({ hasText: "Emergency access · read-only · ends at" });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole("button", { name: "End access now" })).toBeVisible();
  const record = outsider.getByRole("navigation", { name: "Patient record" });
  await expect(record.getByRole("link", { name: "Care plan" })).toBeVisible();
  await expect(record.getByRole("link", { name: "Messages" })).toHaveCount(0);
  await expect(outsider.getByRole("heading", { name: "Care team", level: 2 })).toBeVisible();
  await expect(outsider.getByTestId("latest-check-in")).toBeVisible();
  await expect(outsider.locator("main form")).toHaveCount(0);
  expect(await seriousAxeFindings(outsider), "axe on the summary under emergency access").toEqual([]);

  // The plan: read, with no edit controls and no comment box.
  await record.getByRole("link", { name: "Care plan" }).click();
  await expect(outsider).toHaveURL(new RegExp(`/patients/${patientId}/plan$`));
  await expect(outsider.getByRole("heading", { name: "Care plan", level: 2 })).toBeVisible();
  await expect(outsider.getByRole("article", { name: "Duloxetine" })).toBeVisible();
  await expect(outsider.getByRole("status").filter({ hasText: "Emergency access · read-only" })).toBeVisible();
  await expect(outsider.getByRole("heading", { name: "Change the plan" })).toHaveCount(0);
  await expect(outsider.getByText(/^(Edit|Change) /)).toHaveCount(0);
  await expect(outsider.locator("main form")).toHaveCount(0);
  await expect(outsider.locator("main textarea, main input, main select")).toHaveCount(0);
  await outsider.getByRole("link", { name: "History" }).click();
  await expect(outsider.getByRole("heading", { name: "Care plan history", level: 2 })).toBeVisible();
  await expect(outsider.getByRole("status").filter({ hasText: "Emergency access · read-only" })).toBeVisible();

  // Progress: alerts and trends read-only, no measure to record.
  await outsider.getByRole("navigation", { name: "Patient record" }).getByRole("link", { name: "Progress" }).click();
  await expect(outsider.getByRole("heading", { name: "Trends", level: 2 })).toBeVisible();
  await expect(outsider.getByRole("status").filter({ hasText: "Emergency access · read-only" })).toBeVisible();
  await expect(outsider.getByRole("link", { name: "Record a measure" })).toHaveCount(0);
  const swelling = outsider.getByTestId("alert").filter({ hasText: "Not yet acknowledged by the care team." });
  await expect(swelling.first()).toBeVisible();
  await expect(outsider.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(outsider.locator("main form")).toHaveCount(0);

  // Messaging is not part of emergency access, and a write over HTTP is refused like a missing patient.
  await outsider.goto(`/patients/${patientId}/messages`);
  await expect(outsider.getByRole("heading", { name: "Not found" })).toBeVisible();
  const write = await trpcHttp(outsider.request, "patients.setTimeZone", { patientId, timeZone: "Europe/London" }, "mutation");
  expect(write.status).toBe(404);
  const threads = await trpcHttp(outsider.request, "messaging.threads", { patientId, limit: 5 }, "query");
  expect(threads.status).toBe(404);

  // Jordan's pain physician is told at once, with the reason; the team's own plan still has its forms.
  const physician = await newPerson(browser, "physician@concord.demo", /\/patients$/);
  await physician.goto("/notifications");
  const teamNote = physician.getByTestId("notification").filter({ hasText: "Dr. Elena Vargas" });
  await expect(teamNote).toHaveCount(1);
  await expect(teamNote).toContainText("Emergency access");
  await expect(teamNote).toContainText("Jordan Lee's record");
  await expect(teamNote).toContainText(REASON);
  await physician.goto(`/patients/${patientId}/plan`);
  await expect(physician.getByRole("heading", { name: "Change the plan" })).toBeVisible();
  await expect(physician.getByText("Emergency access · read-only")).toHaveCount(0);
  await expect(physician.getByRole("navigation", { name: "Patient record" }).getByRole("link", { name: "Messages" })).toBeVisible();
  // The team acknowledges the alert the outsider could only read (which also leaves the worklist as it was).
  await physician.goto(`/patients/${patientId}/progress`);
  const ackForms = physician.getByRole("form", { name: /^Acknowledge: / });
  await expect(ackForms.first()).toBeVisible();
  for (let left = await ackForms.count(); left > 0; left -= 1) {
    const first = ackForms.first();
    await first.getByLabel("Note (what was done)").fill("Seen in the emergency department; swelling assessed.");
    await first.getByRole("button", { name: "Acknowledge" }).click();
    await expect(ackForms).toHaveCount(left - 1);
  }
  await expect(physician.getByRole("heading", { name: "Decision support (0 open)" })).toBeVisible();

  // An administrator learns who opened whose record, without the reason.
  const admin = await newPerson(browser, "admin@concord.demo", /\/admin$/);
  await admin.goto("/notifications");
  const adminNote = admin.getByTestId("notification").filter({ hasText: "Dr. Elena Vargas" });
  await expect(adminNote).toHaveCount(1);
  await expect(adminNote).toContainText("Jordan Lee's record");
  await expect(adminNote).not.toContainText(REASON);

  // Jordan sees who opened the record in an emergency, and why.
  const jordan = await newPerson(browser, "jordan@concord.demo", /\/me$/);
  await jordan.goto("/me/record-access");
  const opening = jordan.getByRole("listitem").filter({ hasText: "opened your record in an emergency" });
  await expect(opening).toHaveCount(1);
  await expect(opening).toContainText("Dr. Elena Vargas");
  await expect(opening).toContainText("Emergency access");
  await expect(opening).toContainText(`Reason given: ${REASON}`);
  // The reads made under it are marked too.
  await expect(jordan.getByRole("listitem").filter({ hasText: "Dr. Elena Vargas" }).filter({ hasNotText: "opened your record in an emergency" }).first()).toContainText(
    "Emergency access",
  );

  // The outsider lists the access, ends it from the record, and the record is closed to her again.
  await outsider.goto("/emergency-access");
  const openNow = outsider.getByTestId("emergency-access-open");
  await expect(openNow).toHaveCount(1);
  await expect(openNow).toContainText("Jordan Lee");
  await expect(openNow).toContainText(`Reason given: ${REASON}`);
  await openNow.getByRole("link", { name: "Jordan Lee" }).click();
  await expect(outsider).toHaveURL(new RegExp(`/patients/${patientId}$`));
  await outsider.getByRole("status").filter({ hasText: "Emergency access · read-only" }).getByRole("button", { name: "End access now" }).click();
  await expect(outsider).toHaveURL(/\/emergency-access$/);
  await expect(outsider.getByTestId("emergency-access-open")).toHaveCount(0);
  const ended = outsider.getByTestId("emergency-access-past");
  await expect(ended).toHaveCount(1);
  await expect(ended).toContainText("Jordan Lee");
  await expect(ended).toContainText("Waiting for review");
  await outsider.goto(`/patients/${patientId}`);
  await expect(outsider.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(outsider.getByText("Jordan Lee")).toHaveCount(0);
  const afterEnd = await trpcHttp(outsider.request, "patients.get", { patientId }, "query");
  expect(afterEnd.status).toBe(404);

  // Jordan reads that it ended.
  await jordan.reload();
  await expect(jordan.getByRole("listitem").filter({ hasText: "ended their emergency access to your record" })).toContainText("Dr. Elena Vargas");

  // A patient, and an administrator, are not offered the form.
  await jordan.goto("/emergency-access");
  await expect(jordan).toHaveURL(/\/me$/);
  await admin.goto("/emergency-access");
  await expect(admin).toHaveURL(/\/admin$/);
});
