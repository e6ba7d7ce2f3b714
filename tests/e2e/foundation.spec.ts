import { expect, test } from "./fixtures";
import { signIn, signInAndWait } from "./helpers";

test.describe("sign-in lands each role on its home", () => {
  const homes = [
    { email: "physician@concord.demo", url: /\/patients$/, heading: "My patients", role: "Pain physician" },
    { email: "pt@concord.demo", url: /\/patients$/, heading: "My patients", role: "Physical therapist" },
    { email: "ot@concord.demo", url: /\/patients$/, heading: "My patients", role: "Occupational therapist" },
    { email: "psychologist@concord.demo", url: /\/patients$/, heading: "My patients", role: "Psychologist" },
    { email: "alex@concord.demo", url: /\/me$/, heading: "Hello, Alex", role: "Patient" },
    { email: "admin@concord.demo", url: /\/admin$/, heading: "Accounts and care teams", role: "Administrator" },
  ];
  for (const home of homes) {
    test(`${home.email} → ${home.heading}`, async ({ page }) => {
      await signInAndWait(page, home.email, home.url);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
      await expect(page.getByTestId("signed-in-as")).toContainText(home.role);
    });
  }
});

test("a wrong password gets a clear, generic error", async ({ page }) => {
  await signIn(page, "physician@concord.demo", "not-the-password");
  await expect(page.locator("#signin-error")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a clinician sees only their own patients and can search", async ({ page }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  const table = page.getByRole("table", { name: "Patients on your care teams" });
  // The demo team's patients, and never Casey (another physician's patient). A patient the physician
  // registered in an earlier journey (accounts.spec) may be listed too.
  await expect(table.getByRole("link", { name: "Alex Morgan", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Jordan Lee", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Casey Nguyen" })).toHaveCount(0);
  await page.getByLabel("Search by name").fill("jor");
  await page.getByLabel("Search by name").press("Enter");
  // The patients' links (the column headings are links too: they sort the list).
  await expect(table.getByRole("link").filter({ hasNotText: "sort by this column" })).toHaveText(["Jordan Lee"]);
  await page.getByLabel("Search by name").fill("Casey");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No patients on your care teams match “Casey”.")).toBeVisible();
});

test("an outside clinician cannot reach a patient by URL", async ({ page, browser }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await page.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alex Morgan");
  const alexUrl = page.url();

  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signInAndWait(outsider, "outside@concord.demo", /\/patients$/);
  await outsider.goto(alexUrl);
  await expect(outsider.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(outsider.getByText("Alex Morgan")).toHaveCount(0);
  // A made-up id looks exactly the same.
  await outsider.goto("/patients/00000000-0000-4000-8000-000000000000");
  await expect(outsider.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await outsiderContext.close();
});

test("sign-out invalidates the session cookie on the server", async ({ page, browser }) => {
  await signInAndWait(page, "pt@concord.demo", /\/patients$/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Replaying the old cookie must not work.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/patients");
  await expect(replayPage).toHaveURL(/\/signin$/);
  const api = await replay.request.get(`/api/trpc/patients.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`);
  expect(api.status()).toBe(401);
  await replay.close();
});

test("an admin deactivates an account and its session ends at once", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signInAndWait(userPage, "unassigned@concord.demo", /\/patients$/);

  await signInAndWait(page, "admin@concord.demo", /\/admin$/);
  await page.getByRole("button", { name: "Deactivate Tom Becker" }).click();
  await page.getByRole("dialog", { name: "Deactivate Tom Becker?" }).getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByRole("button", { name: "Reactivate Tom Becker" })).toBeVisible();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/signin$/);
  await signIn(userPage, "unassigned@concord.demo");
  await expect(userPage.locator("#signin-error")).toHaveText("Email or password is incorrect.");

  await page.getByRole("button", { name: "Reactivate Tom Becker" }).click();
  await expect(page.getByRole("button", { name: "Deactivate Tom Becker" })).toBeVisible();
  await userContext.close();
});

test("health reports the embedded database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "pglite" });
});

test("the sign-in form is keyboard operable with visible labels", async ({ page }) => {
  await page.goto("/signin");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // brand link
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type("ot@concord.demo");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("concord-demo-2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/patients$/);
});

test("repeated wrong passwords are slowed down with a clear message", async ({ page }) => {
  // A made-up address: throttling depends on attempts, not on whether an account exists.
  for (let i = 0; i < 3; i++) {
    await signIn(page, "guesser@concord.demo", `wrong-${i}`);
    await expect(page.locator("#signin-error")).toHaveText("Email or password is incorrect.");
  }
  await signIn(page, "guesser@concord.demo", "wrong-again");
  await expect(page.locator("#signin-error")).toHaveText(
    /^Too many unsuccessful sign-in attempts\. Wait [1-5] seconds? before trying again\. If you have forgotten your password, “Forgot your password\?” still works\.$/,
  );
});

test("a patient who opens a clinician page is taken to their own pages, and cannot read the team's plan document", async ({ page }) => {
  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  const patients = await page.request.get(`/api/trpc/patients.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`);
  expect(patients.status()).toBe(403);
  // Alex's own id, from the patient's home link to the plan.
  const me = await page.request.get(`/api/trpc/me.get?input=${encodeURIComponent(JSON.stringify({ json: null }))}`);
  const patientId = /"patientId":"([0-9a-f-]{36})"/.exec(await me.text())?.[1];
  expect(patientId).toBeTruthy();
  await page.goto(`/patients/${patientId}/plan`);
  await expect(page).toHaveURL(/\/me$/);
  const full = await page.request.get(`/api/trpc/carePlan.get?input=${encodeURIComponent(JSON.stringify({ json: { patientId } }))}`);
  expect(full.status()).toBe(404);
  const history = await page.request.get(`/api/trpc/carePlan.history?input=${encodeURIComponent(JSON.stringify({ json: { patientId, limit: 5 } }))}`);
  expect(history.status()).toBe(404);
  const own = await page.request.get(`/api/trpc/carePlan.patientView?input=${encodeURIComponent(JSON.stringify({ json: { patientId } }))}`);
  expect(own.status()).toBe(200);
});
