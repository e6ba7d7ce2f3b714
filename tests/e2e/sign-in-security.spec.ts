import { type Browser, expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

// The server runs with CONCORD_TRUST_PROXY=1 (playwright.config.ts), so each browser context plays a
// different client address through x-forwarded-for, as the clinic's proxy would set it.
// ot@concord.demo: no other journey makes failed attempts on it.
const EMAIL = "ot@concord.demo";

async function fromAddress(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return { context, page: await context.newPage() };
}

test("repeated failures lock the account from one address while another address still signs in", async ({ browser }) => {
  const attacker = await fromAddress(browser, "203.0.113.50");
  const error = attacker.page.locator("#signin-error");
  for (let i = 0; i < 3; i++) {
    await signIn(attacker.page, EMAIL, `guess-${i}`);
    await expect(error).toHaveText("Email or password is incorrect.");
  }
  // Then each try must wait longer; trying anyway before the wait is over counts as a failure.
  for (let i = 0; i < 7; i++) {
    await signIn(attacker.page, EMAIL, `hammer-${i}`);
    await expect(error).toContainText(/Wait \d+ (seconds?|minutes?) before trying again\./);
    await expect(error).toContainText("“Forgot your password?” still works.");
  }
  // Ten failures from this address: locked here for 15 minutes, even with the right password.
  await signIn(attacker.page, EMAIL, DEMO_PASSWORD);
  await expect(error).toHaveText(
    "Too many unsuccessful sign-in attempts from this device. Sign-in is paused here for 15 minutes. If you have forgotten your password, “Forgot your password?” still works.",
  );
  await expect(attacker.page).toHaveURL(/\/signin$/);

  // The occupational therapist, elsewhere, is not locked out by someone else's guessing.
  const clinician = await fromAddress(browser, "198.51.100.60");
  await signIn(clinician.page, EMAIL, DEMO_PASSWORD);
  await expect(clinician.page).toHaveURL(/\/patients$/);
  await expect(clinician.page.getByTestId("signed-in-as")).toContainText("Occupational therapist");

  await attacker.context.close();
  await clinician.context.close();
});

test("the sign-in page says why after an idle sign-out, and only in its own words", async ({ page }) => {
  await page.goto("/signin?reason=idle");
  await expect(page.locator("#signin-notice")).toHaveText("You were signed out after 30 minutes without activity.");
  await page.goto("/signin?reason=%3Cb%3Ehello%3C%2Fb%3E");
  await expect(page.locator("#signin-notice")).toHaveCount(0);
});
