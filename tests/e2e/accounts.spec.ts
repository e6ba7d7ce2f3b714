import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { E2E_DATA_DIR } from "../playwright.config";
import { authenticatorCode, signIn, signInAndWait, signOut } from "./helpers";

const OUTBOX = join(E2E_DATA_DIR, "outbox");

/** The invitation link in the newest .eml to `to` in the e2e server's outbox (quoted-printable undone). */
function invitationLinkTo(to: string): string {
  const files = readdirSync(OUTBOX).filter((f) => f.endsWith(`-${to}.eml`)).sort();
  const last = files[files.length - 1];
  if (!last) throw new Error(`no email to ${to} in ${OUTBOX}`);
  const raw = readFileSync(join(OUTBOX, last), "utf8")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(raw)?.[0];
  if (!link) throw new Error("no invitation link in the email");
  expect(raw).toContain("This link works once and expires on");
  return link;
}

test("an admin invites a clinician, who sets their own password from the emailed link, signs in and turns on two-factor sign-in", async ({ page, browser }) => {
  const email = `noor.haddad.${Date.now()}@example.org`;
  await signInAndWait(page, "admin@concord.demo", /\/admin$/);
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Clinician or administrator").check();
  await form.getByLabel("Full name").fill("Noor Haddad");
  await form.getByLabel(/^Email/).fill(email);
  await form.getByLabel("Role").selectOption({ label: "Psychologist" });
  await expect(form.getByLabel(/password/i)).toHaveCount(0);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText("Invitation sent to Noor Haddad.");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Invitation sent");

  const link = invitationLinkTo(email);
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "Welcome to Concord" })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  await invitee.getByLabel("New password").fill("harbour lantern violet 42");
  await invitee.getByLabel("Type the password again").fill("harbour lantern violet 4");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.locator("#confirm-password-error")).toHaveText("The two passwords are not the same.");
  await invitee.getByLabel("Type the password again").fill("harbour lantern violet 42");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByRole("status")).toContainText("Your password is set.");

  await signIn(invitee, email, "harbour lantern violet 42");
  await expect(invitee).toHaveURL(/\/patients$/);

  // …and turns on two-factor sign-in from Settings, then signs in with the password and a code.
  await invitee.getByRole("link", { name: "Settings" }).click();
  await invitee.getByRole("link", { name: "Set up or change two-factor sign-in" }).click();
  await invitee.getByLabel("Your password").fill("harbour lantern violet 42");
  await invitee.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await invitee.getByTestId("totp-secret").textContent()) ?? "";
  await invitee.getByLabel("Code from your app").fill(authenticatorCode(secret));
  await invitee.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(invitee.getByTestId("second-factor-status")).toContainText("Two-factor sign-in is on");
  await signOut(invitee);
  await signIn(invitee, email, "harbour lantern violet 42");
  await invitee.getByLabel("Code", { exact: true }).fill(authenticatorCode(secret, Date.now() + 30_000));
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/patients$/);

  // The link works once.
  const again = await inviteeContext.newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(again.getByRole("link", { name: "Go to sign in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Accepted");
  await inviteeContext.close();
});

test("a pain physician registers a patient, joins their team, and the patient sets a password and signs in", async ({ page, browser }) => {
  const email = `robin.ade.${Date.now()}@example.org`;
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await page.getByRole("link", { name: "Register a patient" }).click();
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Full name").fill("Robin Ade");
  await form.getByLabel(/^Contact email/).fill(email);
  await form.getByLabel("Date of birth").fill("1988-04-12");
  await form.getByLabel("Contact phone").fill("+1 415 555 0177");
  await form.getByLabel("Diagnosis (ICD-10-CM)").selectOption("G90.522");
  await expect(form).toContainText("Limb: left lower limb");
  await form.getByLabel("Onset date").fill("2026-06-01");
  await form.getByRole("button", { name: "Register and invite" }).click();
  await expect(form.getByRole("status")).toContainText("Invitation sent to Robin Ade.");
  await page.goto("/patients");
  await expect(page.getByRole("link", { name: "Robin Ade" })).toBeVisible();

  const link = invitationLinkTo(email);
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await patient.goto(new URL(link).pathname);
  await patient.getByLabel("New password").fill("copper meadow kettle 9");
  await patient.getByLabel("Type the password again").fill("copper meadow kettle 9");
  await patient.getByRole("button", { name: "Set password" }).click();
  await expect(patient.getByRole("status")).toContainText("Your password is set.");
  await signIn(patient, email, "copper meadow kettle 9");
  await expect(patient).toHaveURL(/\/me$/);
  await expect(patient.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();
  await patientContext.close();
});

test("a forged invitation link gets a clear page and a way on", async ({ page }) => {
  await page.goto(`/invite/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByText("ask your clinic to send a new one")).toBeVisible();
  await page.goto("/invite/not-even-a-token");
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
});

test("deactivation asks first, naming the person and what happens, and reactivation undoes it", async ({ page }) => {
  await signInAndWait(page, "admin@concord.demo", /\/admin$/);
  await page.getByRole("button", { name: "Deactivate Tom Becker" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate Tom Becker?" });
  await expect(dialog).toContainText("They are signed out at once and cannot sign in until reactivated.");
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: "Tom Becker" })).toContainText("active");
  await expect(page.getByRole("button", { name: "Deactivate Tom Becker" })).toBeVisible();

  await page.getByRole("button", { name: "Deactivate Tom Becker" }).click();
  await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByRole("button", { name: "Reactivate Tom Becker" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Tom Becker" })).toContainText("deactivated");

  await page.getByRole("button", { name: "Reactivate Tom Becker" }).click();
  await expect(page.getByRole("button", { name: "Deactivate Tom Becker" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Tom Becker" })).not.toContainText("deactivated");
});
