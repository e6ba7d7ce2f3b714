import { type APIRequestContext, type Page, expect, test } from "./fixtures";
import { PAIN_SCALE_MAX, formatCalendarDate, formatDose } from "@concord/domain";
import { signIn, signInAndWait, trpcHttp } from "./helpers";

/** A procedure's data over HTTP with the page's own session (what the expectations are computed from). */
async function call<T>(request: APIRequestContext, path: string, input: unknown, type: "query" | "mutation" = "query"): Promise<T> {
  const { status, text } = await trpcHttp(request, path, input, type);
  expect(status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return JSON.parse(text).result.data.json as T;
}

interface CheckInItem {
  date: string;
  painAverage: number;
}
interface PlanItem {
  name?: string;
  status: string;
  category: string;
  nextReviewDate: string | null;
  therapyId: string | null;
  details: { kind: string; dose?: number; unit?: string };
}

const rowNames = async (page: Page) => page.getByTestId("patient-row").getByRole("link").allTextContents();

test("a physician's list shows each column from the record, sorts by the column headings, and the summary fits one screen", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  const table = page.getByRole("table", { name: "Patients on your care teams" });
  const list = await call<{ items: Array<{ id: string; name: string }> }>(page.request, "patients.list", { limit: 100, sort: "name" });
  const alexId = list.items.find((p) => p.name === "Alex Morgan")?.id ?? "";
  expect(alexId).not.toBe("");

  // The expectations, from other reads of Alex's record: the check-ins, the open alerts, the plan.
  const checkIns = await call<{ items: CheckInItem[] }>(page.request, "checkIns.list", { patientId: alexId, limit: 50 });
  const alerts = await call<{ items: Array<{ severity: string; acknowledgedAt: string | null }> }>(page.request, "alerts.list", { patientId: alexId, limit: 100, includeAcknowledged: false });
  const plan = await call<{ plan: { interventions: PlanItem[] } }>(page.request, "carePlan.get", { patientId: alexId });
  const open = plan.plan.interventions.filter((i) => ["proposed", "active", "paused"].includes(i.status));
  const reviews = open.flatMap((i) => (i.nextReviewDate ? [i.nextReviewDate] : [])).sort();
  const urgent = alerts.items.filter((a) => a.severity === "urgent").length;
  const review = alerts.items.filter((a) => a.severity === "review").length;

  const alex = table.getByTestId("patient-row").filter({ has: page.getByRole("link", { name: "Alex Morgan", exact: true }) });
  const last = checkIns.items[0];
  await expect(alex.getByTestId("last-check-in")).toHaveText(last ? formatCalendarDate(last.date) : "None yet");
  await expect(alex.getByTestId("next-review")).toHaveText(reviews[0] ? formatCalendarDate(reviews[0]) : "None set");
  await expect(alex.getByTestId("open-alerts")).toHaveText(
    urgent + review === 0 ? "None" : [urgent ? `${urgent} urgent` : "", review ? `${review} to review` : ""].join(""),
  );
  const sparkline = alex.getByTestId("pain-trend");
  if (last) await expect(sparkline.getByRole("img")).toHaveAccessibleName(new RegExp(`^Average pain over 30 days: .*${last.painAverage}( \\(|$)`));
  else await expect(sparkline).toHaveText("No check-ins");
  await expect(alex.getByTestId("adherence")).toHaveText(/^(\d{1,3}% · \d+ of 14 days reported|Not reported)$/);
  await expect(table.getByRole("columnheader", { name: /Home programme/ })).toContainText("last 14 days");

  // Sorting by a heading puts the order in the URL and marks the column.
  await table.getByRole("link", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/\/patients\?sort=name$/);
  await expect(table.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
  const byName = await rowNames(page);
  expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await table.getByRole("link", { name: /^Next review/ }).click();
  await expect(page).toHaveURL(/sort=nextReview$/);
  await expect(table.getByRole("columnheader", { name: /^Next review/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: "Show urgent first" }).click();
  await expect(page).toHaveURL(/\/patients$/);

  // The summary: every section, the record's links, and no scrolling at 1366×900.
  await table.getByRole("link", { name: "Alex Morgan", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${alexId}$`));
  const meds = page.getByTestId("summary-medications");
  for (const m of open.filter((i) => i.category === "medication" && (i.status === "active" || i.status === "paused"))) {
    if (m.details.dose !== undefined && m.details.unit) await expect(meds).toContainText(formatDose(m.details.dose, m.details.unit as never));
  }
  await expect(meds).toContainText("Pregabalin");
  await expect(page.getByTestId("summary-goals").locator("dt")).toHaveText(["Reduce pain and hypersensitivity", "Improve mobility and strength", "Restore daily function", "Support emotional well-being"]);
  await expect(page.getByTestId("latest-check-in")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Open alerts (${urgent + review})`, level: 2 })).toBeVisible();
  await expect(page.getByTestId("summary-next-review")).toContainText(reviews[0] ? formatCalendarDate(reviews[0]) : "No item review set");
  await expect(page.getByRole("heading", { name: "Recent messages", level: 2 })).toBeVisible();
  const record = page.getByRole("navigation", { name: "Patient record" });
  for (const link of ["Progress", "Care plan", "Messages"]) await expect(record.getByRole("link", { name: link })).toBeVisible();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, "the summary fits a 1366×900 screen").toBeLessThanOrEqual(900);
});

test("a patient's check-in reaches the physician's list: last check-in, pain trend and the pain sort", async ({ page, browser }) => {
  // The patient signs in and checks in for their today (an edit if they already have).
  await signInAndWait(page, "jordan@concord.demo", /\/me$/);
  const me = await call<{ patientId: string; today: string }>(page.request, "me.get", null);
  const form = await call<{ date: string; existing: { version: number } | null }>(page.request, "checkIns.form", { patientId: me.patientId, date: me.today });
  const checkIn = {
    date: form.date,
    painNow: PAIN_SCALE_MAX,
    painAverage: PAIN_SCALE_MAX,
    painWorst: PAIN_SCALE_MAX,
    symptoms: { burningPain: true },
    chestPainOrBreathlessness: false,
    suddenSwelling: false,
    coldPaleLimb: false,
    signsOfInfection: false,
    newLimbAffected: false,
    bodyLocations: [{ site: "right_leg" }],
    sleepHours: 5,
    sleepQuality: 3,
    mood: 4,
    adherence: [],
    note: "A bad flare today.",
  };
  if (form.existing) await call(page.request, "checkIns.edit", { patientId: me.patientId, checkIn, expectedVersion: form.existing.version }, "mutation");
  else await call(page.request, "checkIns.submit", { patientId: me.patientId, checkIn }, "mutation");

  // The physician, in another browser context.
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await signIn(doctor, "physician@concord.demo");
  await expect(doctor).toHaveURL(/\/patients$/);
  const jordan = doctor.getByTestId("patient-row").filter({ has: doctor.getByRole("link", { name: "Jordan Lee", exact: true }) });
  await expect(jordan.getByTestId("last-check-in")).toHaveText(formatCalendarDate(form.date));
  await expect(jordan.getByTestId("pain-trend").getByRole("img")).toHaveAccessibleName(new RegExp(`${PAIN_SCALE_MAX}( \\(one check-in\\)| \\(\\d+ check-ins\\))$`));

  // Highest pain first puts Jordan (at the top of the scale) above Alex; by name, Alex comes first.
  await doctor.getByRole("table").getByRole("link", { name: /^Pain, 30 days/ }).click();
  await expect(doctor).toHaveURL(/sort=pain$/);
  const byPain = await rowNames(doctor);
  expect(byPain.indexOf("Jordan Lee")).toBeLessThan(byPain.indexOf("Alex Morgan"));
  await doctor.getByRole("table").getByRole("link", { name: /^Name/ }).click();
  await expect(doctor).toHaveURL(/sort=name$/);
  const byName = await rowNames(doctor);
  expect(byName.indexOf("Alex Morgan")).toBeLessThan(byName.indexOf("Jordan Lee"));
  // …and the summary leads with it, in the patient's words.
  await doctor.getByRole("link", { name: "Jordan Lee", exact: true }).click();
  await expect(doctor.getByTestId("latest-check-in").getByTestId("check-in-note")).toHaveText("“A bad flare today.”");
  await expect(doctor.getByTestId("latest-pain")).toContainText(`${PAIN_SCALE_MAX}/${PAIN_SCALE_MAX}`);
  await doctorContext.close();
});
