import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { E2E_DATA_DIR } from "../playwright.config";
import { signIn } from "./helpers";

/** No other journey relies on this account's password, so changing it here breaks nothing. */
const EMAIL = "unassigned@concord.demo";
const NEW_PASSWORD = "heron sails past the lighthouse";
const OUTBOX = join(E2E_DATA_DIR, "outbox");

/** The reset link in the newest .eml for the address written after `since` (quoted-printable undone). */
async function resetLinkFromOutbox(since: number): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = existsSync(OUTBOX)
      ? readdirSync(OUTBOX)
          .filter((f) => f.endsWith(`${EMAIL}.eml`))
          .map((f) => join(OUTBOX, f))
          .filter((f) => statSync(f).mtimeMs >= since)
      : [];
    const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (newest) {
      const raw = readFileSync(newest, "utf8").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(raw)?.[0];
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reset email for ${EMAIL} in ${OUTBOX}`);
}

test("forgot password → email link → new password; the session signed in elsewhere is refused", async ({ browser }) => {
  // Context A: the person is signed in on another device.
  const deviceA = await browser.newContext();
  const pageA = await deviceA.newPage();
  await signIn(pageA, EMAIL);
  await expect(pageA).toHaveURL(/\/patients/);

  // Context B: from the sign-in page, "Forgot your password?".
  const deviceB = await browser.newContext();
  const pageB = await deviceB.newPage();
  await pageB.goto("/signin");
  await pageB.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(pageB).toHaveURL(/\/forgot-password$/);
  const since = Date.now() - 1_000;
  await pageB.getByLabel("Email").fill(EMAIL);
  await pageB.getByRole("button", { name: "Send me a link" }).click();
  await expect(pageB.getByTestId("reset-requested")).toHaveText("If an account exists for that address, we have sent a link. It works for 30 minutes.");

  const link = await resetLinkFromOutbox(since);
  await pageB.goto(new URL(link).pathname);
  await expect(pageB.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

  // The policy answers next to the field before anything is sent.
  await pageB.getByLabel("New password", { exact: true }).fill("password1234");
  await pageB.getByLabel("Type the new password again").fill("password1234");
  await pageB.getByRole("button", { name: "Save new password" }).click();
  await expect(pageB.getByText("This password is on lists of commonly used passwords", { exact: false })).toBeVisible();
  await expect(pageB.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await pageB.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await pageB.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await pageB.getByRole("button", { name: "Save new password" }).click();
  await expect(pageB.getByRole("status")).toContainText("Your password has been changed");

  // The link works once.
  await pageB.goto(new URL(link).pathname);
  await expect(pageB.getByTestId("reset-link-problem")).toContainText("already been used");
  await expect(pageB.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

  // The old password no longer signs in; the new one does.
  await signIn(pageB, EMAIL);
  await expect(pageB.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(pageB, EMAIL, NEW_PASSWORD);
  await expect(pageB).toHaveURL(/\/patients/);

  // Device A's session ended with the reset: reloading sends it to the sign-in page.
  await pageA.reload();
  await expect(pageA).toHaveURL(/\/signin/);

  await deviceA.close();
  await deviceB.close();
});

test("a forged reset link gets a clear page and a way to ask for a new one", async ({ page }) => {
  await page.goto(`/reset-password/${"x".repeat(43)}`);
  await expect(page.getByTestId("reset-link-problem")).toContainText("not valid");
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});
