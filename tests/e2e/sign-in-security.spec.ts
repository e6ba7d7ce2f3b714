import { type Browser, expect, test } from "./fixtures";
import { DEMO_PASSWORD, authenticatorCode, signIn, signInAndWait, signOut } from "./helpers";

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

/** What an authenticator app shows (RFC 6238: HMAC-SHA1, 30 s, 6 digits), written apart from the portal's code. */
test("a clinician turns on two-factor sign-in, signs in with a code, and an admin resets it", async ({ page, browser }) => {
  // Dr. Vargas (outside@concord.demo): other journeys only sign her in, and the reset at the end leaves her as she was.
  const email = "outside@concord.demo";
  await signInAndWait(page, email, /\/patients$/);
  await page.goto("/security");
  await expect(page.getByTestId("second-factor-status")).toContainText("Two-factor sign-in is off.");
  await page.getByLabel("Your password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  // The QR code is an inline SVG drawn by the portal; the key is there to type instead.
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  expect(await page.getByRole("img", { name: "QR code for your authenticator app" }).getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from your app").fill(authenticatorCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("second-factor-status")).toContainText("Two-factor sign-in is on");
  await expect(page.getByTestId("second-factor-status")).toContainText("You have 10 unused recovery codes.");

  // Next sign-in: the password, then the code.
  await signOut(page);
  await signIn(page, email);
  await expect(page.getByText("Enter the 6-digit code from your authenticator app, or one of your recovery codes.")).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill("000000" === authenticatorCode(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#signin-error")).toHaveText("That code did not work. Enter the newest code from your app, or a recovery code you have not used.");
  // The next code the app will show (the one used to turn it on cannot be used twice).
  await page.getByLabel("Code", { exact: true }).fill(authenticatorCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/patients$/);

  // She lost her phone: an administrator resets it, and she signs in with her password alone.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, "admin@concord.demo", /\/admin$/);
  await admin.getByRole("button", { name: "Reset two-factor sign-in for Dr. Elena Vargas" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Reset" }).click();
  await expect(admin.getByText("Two-factor sign-in reset for Dr. Elena Vargas; they were told by email.")).toBeVisible();
  await adminContext.close();

  await signOut(page);
  await signInAndWait(page, email, /\/patients$/);
});
