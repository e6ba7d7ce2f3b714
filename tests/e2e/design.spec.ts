import { type Page, expect, test } from "./fixtures";
import { signInAndWait, signOut } from "./helpers";

// The design system in the built portal: the colour theme (follows the system, a choice remembered in a
// cookie and rendered by the server), pages that never scroll sideways on a 360 px phone, the header's
// current page, page titles, the favicon and the app's own not-found page.

/** The page's background colour as the browser computed it. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** How far the page scrolls sideways (0 when it fits the screen). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the theme follows the system, and a choice is applied at once, remembered and rendered by the server", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark|light/);
  const systemLight = await background(page);
  const toggle = page.getByRole("group", { name: "Colour theme" });
  await expect(toggle.getByRole("radio", { name: "System" })).toBeChecked();

  // "System" follows the device: the same page turns dark when the device does, with no class on <html>.
  await page.emulateMedia({ colorScheme: "dark" });
  const systemDark = await background(page);
  expect(systemDark).not.toBe(systemLight);
  await page.emulateMedia({ colorScheme: "light" });

  // Choosing Dark applies it without a reload…
  await toggle.getByTitle("Dark").click();
  await expect(html).toHaveClass(/\bdark\b/);
  expect(await background(page)).toBe(systemDark);
  // …is remembered across a reload and a new page…
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("group", { name: "Colour theme" }).getByRole("radio", { name: "Dark" })).toBeChecked();
  await page.goto("/me/progress");
  await expect(html).toHaveClass(/\bdark\b/);
  // …and is in the server's HTML itself, so the first paint is already dark (no flash, no script).
  const served = await (await page.context().request.get("/me")).text();
  expect(served).toMatch(/<html[^>]*class="dark"/);

  // Light wins over a dark device; System hands back to the device.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("group", { name: "Colour theme" }).getByTitle("Light").click();
  await expect(html).toHaveClass(/\blight\b/);
  expect(await background(page)).toBe(systemLight);
  await page.getByRole("group", { name: "Colour theme" }).getByTitle("System").click();
  await expect(html).not.toHaveClass(/dark|light/);
  expect(await background(page)).toBe(systemDark);
  await page.reload();
  await expect(html).not.toHaveClass(/dark|light/);
  const cookie = (await page.context().cookies()).find((c) => c.name === "concord-theme");
  expect(cookie?.value).toBe("system");
});

test("the header marks the current page, and each page names itself in its title", async ({ page }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await expect(page).toHaveTitle("My patients · Concord");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My patients" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "My tasks" })).not.toHaveAttribute("aria-current", /.+/);

  await page.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(page).toHaveTitle("Alex Morgan · Summary · Concord");
  // Inside a patient's record the section stays marked (not as the page itself).
  await expect(nav.getByRole("link", { name: "My patients" })).toHaveAttribute("aria-current", "true");
  await page.getByRole("navigation", { name: "Patient record" }).getByRole("link", { name: "Care plan" }).click();
  await expect(page).toHaveTitle("Alex Morgan · Care plan · Concord");
  await expect(page.getByRole("navigation", { name: "Patient record" }).getByRole("link", { name: "Care plan" })).toHaveAttribute("aria-current", "page");

  // The breadcrumb says where the page sits, down to a page below the section, and leads back up.
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("listitem")).toHaveText(["My patients", "Alex Morgan", "Care plan"]);
  await expect(crumbs.getByText("Care plan")).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "History" }).click();
  await expect(crumbs.getByRole("listitem")).toHaveText(["My patients", "Alex Morgan", "Care plan", "History"]);
  await expect(crumbs.getByText("History")).toHaveAttribute("aria-current", "page");
  await expect(crumbs.getByText("Care plan")).not.toHaveAttribute("aria-current", /.+/);
  await crumbs.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(page).toHaveTitle("Alex Morgan · Summary · Concord");
  await expect(crumbs.getByRole("listitem")).toHaveText(["My patients", "Alex Morgan"]);
  await expect(crumbs.getByRole("link")).toHaveCount(1);

  await nav.getByRole("link", { name: "My tasks" }).click();
  await expect(page).toHaveTitle("My tasks · Concord");
  await expect(nav.getByRole("link", { name: "My tasks" })).toHaveAttribute("aria-current", "page");
});

test("the favicon is served and a missing page is the app's own, in words", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/signin");
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await request.get(icon ?? "")).status()).toBe(200);

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page).toHaveTitle("Not found · Concord");
  await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  /** Visits each path and fails (softly, naming them all) on any that scrolls sideways. */
  async function expectNoSidewaysScroll(page: Page, paths: string[]) {
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
      expect.soft(await sidewaysOverflow(page), `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
    }
  }

  test("the header folds into a menu, and patient pages never scroll sideways", async ({ page }) => {
    await signInAndWait(page, "alex@concord.demo", /\/me$/);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await expect(page.getByTestId("notification-bell")).toBeVisible();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "My care" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    // A link followed from the menu closes it.
    await menu.click();
    await nav.getByRole("link", { name: "My progress" }).click();
    await expect(page).toHaveURL(/\/me\/progress$/);
    await expect(nav).toBeHidden();

    await expectNoSidewaysScroll(page, [
      "/me",
      "/me/check-in",
      "/me/check-in/phq9",
      "/me/check-in/psfs",
      "/me/progress",
      "/me/plan",
      "/me/messages",
      "/me/record-access",
      "/notifications",
      "/settings",
      "/security",
    ]);
  });

  test("clinician, admin and compliance pages never scroll sideways", async ({ page }) => {
    await signInAndWait(page, "physician@concord.demo", /\/patients$/);
    await page.getByRole("link", { name: "Alex Morgan" }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    const base = new URL(page.url()).pathname;
    await expectNoSidewaysScroll(page, [
      "/patients",
      base,
      `${base}/plan`,
      `${base}/plan/history`,
      `${base}/progress`,
      `${base}/progress/measures`,
      `${base}/messages`,
      "/worklist",
      "/tasks",
      "/emergency-access",
      "/patients/register",
    ]);
    await page.getByRole("button", { name: "Menu" }).click();
    await signOut(page);

    await signInAndWait(page, "admin@concord.demo", /\/admin$/);
    await expectNoSidewaysScroll(page, ["/admin"]);
    await page.getByRole("button", { name: "Menu" }).click();
    await signOut(page);

    await signInAndWait(page, "compliance@concord.demo", /\/compliance$/);
    await expectNoSidewaysScroll(page, ["/compliance", "/compliance/emergency-access", "/compliance/deleted-messages"]);
    await page.getByRole("button", { name: "Menu" }).click();
    await signOut(page);
    await expectNoSidewaysScroll(page, ["/signin", "/forgot-password"]);
  });
});
