import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

// Screenshots of the main pages at desktop and phone size, for review and the README. Only when
// SCREENSHOTS_DIR names a folder (`SCREENSHOTS_DIR=/tmp/shots npx playwright test e2e/screenshots`).
const dir = process.env.SCREENSHOTS_DIR;
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

test.skip(!dir, "set SCREENSHOTS_DIR to take screenshots");

async function shoot(page: Page, name: string) {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
  await page.screenshot({ path: join(dir ?? ".", `${name}.png`), fullPage: true });
  // What the first screen shows, as a person opening the page sees it.
  await page.screenshot({ path: join(dir ?? ".", `${name}-first-screen.png`) });
}

async function as(browser: Browser, email: string, home: RegExp, size: keyof typeof SIZES, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ viewport: SIZES[size], colorScheme });
  const page = await context.newPage();
  await signInAndWait(page, email, home);
  return page;
}

for (const size of Object.keys(SIZES) as Array<keyof typeof SIZES>) {
  test(`main pages at ${size} size`, async ({ browser }) => {
    mkdirSync(dir ?? ".", { recursive: true });
    const patient = await as(browser, "alex@concord.demo", /\/me$/, size);
    await shoot(patient, `${size}-patient-home`);
    await patient.goto("/me/check-in");
    await shoot(patient, `${size}-patient-check-in`);
    await patient.context().close();

    const clinician = await as(browser, "physician@concord.demo", /\/patients$/, size);
    await shoot(clinician, `${size}-clinician-patients`);
    await clinician.getByRole("link", { name: "Alex Morgan" }).click();
    await expect(clinician).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    await shoot(clinician, `${size}-clinician-patient`);
    await clinician.goto(`${new URL(clinician.url()).pathname}/plan`);
    await shoot(clinician, `${size}-clinician-plan`);
    await clinician.context().close();

    const admin = await as(browser, "admin@concord.demo", /\/admin$/, size);
    await shoot(admin, `${size}-admin`);
    await admin.context().close();

    const dark = await as(browser, "alex@concord.demo", /\/me$/, size, "dark");
    await shoot(dark, `${size}-patient-home-dark`);
    await dark.goto("/me/check-in");
    await shoot(dark, `${size}-patient-check-in-dark`);
    await dark.context().close();
  });
}
