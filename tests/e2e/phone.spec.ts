import { checkPage, settle } from "./axe";
import { type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

/*
 * The portal at phone size. Patients mostly use Concord on a phone (issue 12): compact chrome with a
 * bottom tab bar, messages in one column, a check-in whose core fits one screen, and — for every role —
 * no page that scrolls sideways at 360 px.
 */
const PHONE = { width: 390, height: 844 };
const NARROW = { width: 360, height: 740 };

const PATIENT_PAGES = [
  "/me",
  "/me/plan",
  "/me/record-access",
  "/me/check-in",
  "/me/check-in/phq9",
  "/me/check-in/gad7",
  "/me/check-in/psfs",
  "/me/progress",
  "/me/messages",
  "/notifications",
  "/settings",
];

test.describe("patient chrome on a phone", () => {
  test.use({ viewport: PHONE });

  test("a compact top bar and a bottom tab bar that marks the current section and hides nothing", async ({ page }) => {
    await signInAndWait(page, "alex@concord.demo", /\/me$/);
    await settle(page);
    const header = page.locator("body > header, header").first();
    expect((await header.boundingBox())?.height ?? 999).toBeLessThanOrEqual(57);
    const bar = page.getByRole("navigation", { name: "Sections" });
    await expect(bar).toBeVisible();
    await expect(bar.getByRole("link")).toHaveText(["Home", "Plan", "Check in", "Progress", "Messages"]);
    await expect(bar.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
    for (const link of await bar.getByRole("link").all()) {
      const box = await link.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }
    await bar.getByRole("link", { name: "Messages" }).click();
    await expect(page).toHaveURL(/\/me\/messages$/);
    await expect(bar.getByRole("link", { name: "Messages" })).toHaveAttribute("aria-current", "page");
    await expect(bar.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current", /.*/);
    // A page below a section marks the section.
    await page.goto("/me/check-in/phq9");
    await expect(bar.getByRole("link", { name: "Check in" })).toHaveAttribute("aria-current", "true");

    // At the foot of a long page the last of its content sits above the bar, not behind it.
    await page.goto("/me/plan");
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastBottom = await page.evaluate(() => {
      const main = document.querySelector("main");
      const last = [...(main?.children ?? [])].filter((el) => el.getBoundingClientRect().height > 0 && !el.closest("nav")).at(-1);
      return last?.getBoundingClientRect().bottom ?? 0;
    });
    const barTop = (await bar.boundingBox())?.y ?? 0;
    expect(lastBottom).toBeLessThanOrEqual(barTop);
  });

  test("the desktop keeps its header and no tab bar; a clinician on a phone has none", async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAndWait(page, "alex@concord.demo", /\/me$/);
    await settle(page);
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My care" })).toBeVisible();

    const context = await browser.newContext({ viewport: PHONE });
    const clinician = await context.newPage();
    await signInAndWait(clinician, "physician@concord.demo", /\/patients$/);
    await settle(clinician);
    await expect(clinician.getByRole("navigation", { name: "Sections" })).toHaveCount(0);
    await context.close();
  });

  test("messages: list or thread on a phone, the thread in the URL, Back returns to the list", async ({ page }) => {
    await signInAndWait(page, "jordan@concord.demo", /\/me$/);
    await page.goto("/me/messages");
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    // One space for the patient: named for them, no lone tab.
    await expect(page.getByRole("tab")).toHaveCount(0);
    await expect(page.getByText("Your care team", { exact: true })).toBeVisible();

    const topic = `Phone thread ${Date.now()}`;
    await page.getByRole("button", { name: "New conversation" }).click();
    await expect(page.getByTestId("thread-list")).toBeHidden();
    await page.getByLabel("Topic").fill(topic);
    await page.getByLabel("First message").fill("Can we talk about the home programme?");
    await page.getByRole("button", { name: "Start conversation" }).click();
    await expect(page).toHaveURL(/\/me\/messages\?thread=[0-9a-f-]{36}$/);
    const threadUrl = page.url();
    await expect(page.getByTestId("messages").getByTestId("message")).toHaveCount(1);
    await expect(page.getByTestId("thread-list")).toBeHidden();
    const conversation = page.getByRole("region", { name: "Conversation" });
    expect((await conversation.boundingBox())?.width ?? 0).toBeGreaterThan(PHONE.width - 80);

    // "Back to conversations" shows the list; opening the thread again puts it in the URL.
    await page.getByRole("button", { name: "Back to conversations" }).click();
    await expect(page).toHaveURL(/\/me\/messages$/);
    await expect(page.getByTestId("thread-list")).toBeVisible();
    await page.getByTestId("thread-item").filter({ hasText: topic }).click();
    await expect(page).toHaveURL(threadUrl);
    await expect(page.getByTestId("messages").getByTestId("message")).toHaveCount(1);
    // The browser's Back returns to the list.
    await page.goBack();
    await expect(page).toHaveURL(/\/me\/messages$/);
    await expect(page.getByTestId("thread-list")).toBeVisible();
    await expect(page.getByRole("button", { name: "Back to conversations" })).toHaveCount(0);

    // A link to the thread opens it.
    await page.goto(threadUrl);
    await expect(page.getByTestId("messages").getByTestId("message")).toHaveCount(1);
    await expect(page.getByTestId("thread-list")).toBeHidden();

    // From md up the list and the thread sit side by side.
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect(page.getByTestId("thread-list")).toBeVisible();
    await expect(page.getByRole("button", { name: "Back to conversations" })).toBeHidden();
  });

  test("the check-in's core fits one phone screen, 0–10 on one row, with a keyboard hint", async ({ page }) => {
    await signInAndWait(page, "alex@concord.demo", /\/me$/);
    await page.setViewportSize(NARROW);
    await page.goto("/me/check-in");
    await settle(page);
    const edit = page.getByRole("button", { name: "Edit today’s check-in" });
    if (await edit.isVisible()) await edit.click();
    const pain = page.getByRole("radiogroup", { name: "Pain right now" });
    const segments = pain.locator("[data-slot=segmented-control-item]");
    await expect(segments).toHaveCount(11);
    const boxes = await Promise.all((await segments.all()).map((s) => s.boundingBox()));
    // One row: every segment on the same line ("10" never alone), each at least 28 px wide, 44 px high.
    expect(new Set(boxes.map((b) => Math.round(b?.y ?? -1))).size).toBe(1);
    for (const box of boxes) {
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(28);
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }

    // Tab into a group, the arrows choose, and a hint says so while the keyboard is there.
    const hint = page.getByRole("group", { name: "Average pain today" }).locator("[data-slot=segmented-control-keys]");
    await expect(hint).toBeHidden();
    await page.getByLabel("Pain right now: 3", { exact: true }).check();
    await page.keyboard.press("Tab");
    await expect(hint).toBeVisible();
    // Tab lands on the unchosen group's first radio (0); each arrow moves and chooses.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByLabel("Average pain today: 2", { exact: true })).toBeChecked();

    // At phone size (390×844), everything of the core is on the first screen, above the tab bar.
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    const barTop = (await page.getByRole("navigation", { name: "Sections" }).boundingBox())?.y ?? 0;
    const moodBox = await page.getByRole("radiogroup", { name: "Your mood today" }).boundingBox();
    expect((moodBox?.y ?? 999) + (moodBox?.height ?? 0)).toBeLessThanOrEqual(barTop);

    // The red-flag questions are never folded away; the optional sections are, with progress shown.
    await expect(page.getByRole("group", { name: "Since your last check-in, have you had any of these?" })).toBeVisible();
    const progress = page.getByTestId("check-in-progress");
    await expect(progress).toContainText("0 of");
    await page.getByTestId("section-note").locator("summary").click();
    await page.getByLabel("Anything else for your team? (optional)").fill("A quieter day.");
    await expect(progress).toContainText(/· 1 of \d optional sections/);
  });
});

/** Whether the page scrolls sideways: its content is wider than the window. */
async function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function expectNoSidewaysScroll(page: Page, paths: readonly string[]) {
  for (const path of paths) {
    await page.goto(path);
    await settle(page);
    const overflow = await overflowOf(page);
    expect.soft(overflow, `${path} scrolls sideways by ${overflow} px at 360 px`).toBeLessThanOrEqual(0);
  }
}

test.describe("nothing scrolls sideways at 360 px", () => {
  test.use({ viewport: NARROW });

  test("the check catches a page that is too wide", async ({ page }) => {
    await page.goto("/signin");
    await settle(page);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    // Guards the guard: a block wider than the window must be caught.
    await page.evaluate(() => {
      const wide = document.createElement("div");
      wide.style.width = "800px";
      wide.style.height = "2px";
      document.querySelector("main")?.append(wide);
    });
    expect(await overflowOf(page)).toBeGreaterThan(0);
  });

  test("patient", async ({ page }) => {
    await signInAndWait(page, "alex@concord.demo", /\/me$/);
    await expectNoSidewaysScroll(page, PATIENT_PAGES);
  });

  for (const [email, landing] of [
    ["physician@concord.demo", /\/patients$/],
    ["pt@concord.demo", /\/patients$/],
  ] as const) {
    test(`clinician (${email})`, async ({ page }) => {
      test.setTimeout(120_000);
      await signInAndWait(page, email, landing);
      await settle(page);
      const hrefs = await page.locator("main a[href^='/patients/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const base = hrefs.map((href) => href.match(/^\/patients\/[0-9a-f-]{36}/)?.[0]).find(Boolean);
      expect(base, "a patient to visit").toBeTruthy();
      await expectNoSidewaysScroll(page, [
        "/patients",
        `${base}`,
        `${base}/plan`,
        `${base}/plan/history`,
        `${base}/progress`,
        `${base}/progress/measures`,
        `${base}/messages`,
        "/worklist",
        "/tasks",
        "/emergency-access",
        "/notifications",
        "/settings",
      ]);
    });
  }

  test("admin", async ({ page }) => {
    await signInAndWait(page, "admin@concord.demo", /\/admin$/);
    await expectNoSidewaysScroll(page, ["/admin", "/settings"]);
  });

  test("compliance", async ({ page }) => {
    await signInAndWait(page, "compliance@concord.demo", /\/compliance$/);
    await expectNoSidewaysScroll(page, ["/compliance", "/compliance/emergency-access", "/compliance/emergency-access?status=reviewed", "/compliance/deleted-messages", "/settings"]);
  });
});

// Axe at phone size: the patient's pages as a phone shows them (tab bar, one column), light and dark.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`patient pages at 390×844, ${colorScheme} theme`, () => {
    test.use({ viewport: PHONE, colorScheme });

    test("no serious accessibility violations", async ({ page }) => {
      test.setTimeout(180_000);
      await signInAndWait(page, "alex@concord.demo", /\/me$/);
      await checkPage(page, "/me (phone)");
      for (const path of PATIENT_PAGES.slice(1)) {
        await page.goto(path);
        await checkPage(page, `${path} (phone)`);
      }
      // The check-in with its optional sections open.
      await page.goto("/me/check-in");
      await settle(page);
      const edit = page.getByRole("button", { name: "Edit today’s check-in" });
      if (await edit.isVisible()) await edit.click();
      for (const summary of await page.locator("form details > summary").all()) await summary.click();
      await checkPage(page, "/me/check-in (phone, sections open)");
    });
  });
}
