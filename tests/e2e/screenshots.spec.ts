import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

// A screenshot of every main page, for every role, at desktop and phone size, saved into ONE folder on
// every run of the suite: `tests/screenshots/` (git-ignored; SCREENSHOTS_DIR moves it). Reviewers look
// there; the README shows four of them, copied into docs/screenshots/.
const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
type Size = keyof typeof SIZES;

async function shoot(page: Page, name: string) {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
  await expect(page).toHaveTitle(/Concord/);
  const full = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: full, fullPage: true });
  // What the first screen shows, as a person opening the page sees it.
  const first = join(SCREENSHOTS_DIR, `${name}-first-screen.png`);
  await page.screenshot({ path: first });
  // A shot that failed to write (or wrote nothing) must fail the run, not leave a gap in the folder.
  for (const file of [full, first]) expect(statSync(file).size, file).toBeGreaterThan(1000);
}

async function visitAndShoot(page: Page, path: string, name: string) {
  await page.goto(path);
  await shoot(page, name);
}

async function as(browser: Browser, email: string, home: RegExp, size: Size, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ viewport: SIZES[size], colorScheme });
  const page = await context.newPage();
  await signInAndWait(page, email, home);
  return page;
}

/** The record of a patient on the clinician's list, by name: its base path (/patients/<id>). */
async function openPatient(page: Page, name: string) {
  await page.goto("/patients");
  await page.getByRole("link", { name }).first().click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

for (const size of Object.keys(SIZES) as Size[]) {
  test(`every role's main pages at ${size} size`, async ({ browser }) => {
    test.setTimeout(180_000);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });

    const patient = await as(browser, "alex@concord.demo", /\/me$/, size);
    await shoot(patient, `${size}-patient-home`);
    for (const [path, name] of [
      ["/me/plan", "plan"],
      ["/me/check-in", "check-in"],
      ["/me/progress", "progress"],
      ["/me/messages", "messages"],
      ["/me/record-access", "record-access"],
      ["/settings", "settings"],
    ] as const) {
      await visitAndShoot(patient, path, `${size}-patient-${name}`);
    }
    await patient.context().close();

    const physician = await as(browser, "physician@concord.demo", /\/patients$/, size);
    await shoot(physician, `${size}-physician-patients`);
    const alex = await openPatient(physician, "Alex Morgan");
    await shoot(physician, `${size}-physician-patient-summary`);
    for (const [path, name] of [
      [`${alex}/plan`, "plan"],
      [`${alex}/plan/history`, "plan-history"],
      [`${alex}/progress`, "progress"],
      [`${alex}/progress/measures`, "record-measure"],
      [`${alex}/messages`, "messages"],
      ["/worklist", "worklist"],
      ["/tasks", "tasks"],
      ["/notifications", "notifications"],
    ] as const) {
      await visitAndShoot(physician, path, `${size}-physician-${name}`);
    }
    await physician.context().close();

    const therapist = await as(browser, "pt@concord.demo", /\/patients$/, size);
    await shoot(therapist, `${size}-physical-therapist-patients`);
    const therapistsAlex = await openPatient(therapist, "Alex Morgan");
    await visitAndShoot(therapist, `${therapistsAlex}/plan`, `${size}-physical-therapist-plan`);
    await therapist.context().close();

    const psychologist = await as(browser, "psychologist@concord.demo", /\/patients$/, size);
    await visitAndShoot(psychologist, "/worklist", `${size}-psychologist-worklist`);
    await psychologist.context().close();

    const admin = await as(browser, "admin@concord.demo", /\/admin$/, size);
    await shoot(admin, `${size}-admin`);
    await visitAndShoot(admin, "/security", `${size}-admin-security`);
    await admin.context().close();

    const compliance = await as(browser, "compliance@concord.demo", /\/compliance$/, size);
    await shoot(compliance, `${size}-compliance-audit`);
    await visitAndShoot(compliance, "/compliance/emergency-access", `${size}-compliance-emergency-access`);
    await visitAndShoot(compliance, "/compliance/deleted-messages", `${size}-compliance-deleted-messages`);
    await compliance.context().close();

    const dark = await as(browser, "alex@concord.demo", /\/me$/, size, "dark");
    await shoot(dark, `${size}-patient-home-dark`);
    await visitAndShoot(dark, "/me/check-in", `${size}-patient-check-in-dark`);
    await dark.context().close();

    const darkClinician = await as(browser, "physician@concord.demo", /\/patients$/, size, "dark");
    const darkAlex = await openPatient(darkClinician, "Alex Morgan");
    await visitAndShoot(darkClinician, `${darkAlex}/plan`, `${size}-physician-plan-dark`);
    await darkClinician.context().close();
  });
}
