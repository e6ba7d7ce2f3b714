import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

/**
 * Issue 12 item 4: one edit form per item, its refusals on its fields, and the live "plan updated"
 * banner. Named to run after care-plan.spec.ts, whose journey counts Alex's plan versions from the
 * seeded one; everything here reads the version on screen instead.
 */
test.describe.configure({ mode: "serial" });

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function openAlexPlan(browser: Browser, email: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  await signInAndWait(page, email, /\/patients$/);
  await page.getByRole("link", { name: "Alex Morgan" }).click();
  await page.getByRole("link", { name: "Care plan" }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByRole("heading", { name: "Care plan", level: 2 })).toBeVisible();
  return page;
}

async function editItem(page: Page, name: string) {
  await page.getByRole("button", { name: `Edit ${name}`, exact: true }).click();
  const sheet = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(sheet).toBeVisible();
  return sheet;
}

const version = async (page: Page) => Number(((await page.getByTestId("plan-version").textContent()) ?? "").replace(/\D/g, ""));

test("the PT has the plan open; the physician changes the pregabalin dose elsewhere; the PT sees who did it and reviews the new dose", async ({ browser }) => {
  const pt = await openAlexPlan(browser, "pt@concord.demo");
  const physician = await openAlexPlan(browser, "physician@concord.demo");
  const before = await version(pt);
  const card = pt.getByRole("article", { name: "Pregabalin" });
  // Whatever earlier journeys left, pick a dose it does not have yet (both within the agent's bounds).
  const dose = (await card.textContent())?.includes("125 mg oral") ? "100" : "125";
  const banner = pt.getByRole("region", { name: "Plan updated" });
  await expect(banner).toHaveCount(0);

  const sheet = await editItem(physician, "Pregabalin");
  if ((await sheet.getByLabel("Status", { exact: true }).inputValue()) === "paused") await sheet.getByLabel("Status", { exact: true }).selectOption("active");
  await sheet.getByLabel(/New dose/).fill(dose);
  await sheet.getByLabel("Reason for the dose change").fill("Team decision at the case conference");
  await sheet.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(physician.locator('[data-slot="toast"]').last()).toContainText(`Saved as version ${before + 1}`);

  // The PT's page hears it live, naming the physician; the PT's page still shows the old version.
  await expect(banner).toContainText("Plan updated by Dr. Maya Okafor (Pain physician)");
  await expect(pt.getByTestId("plan-version")).toHaveText(`Version ${before}`);
  await expect(card).not.toContainText(`${dose} mg oral`);
  // My own edit raises no banner for me.
  await expect(physician.getByRole("region", { name: "Plan updated" })).toHaveCount(0);

  await banner.getByRole("button", { name: "Review changes" }).click();
  await expect(pt.getByTestId("plan-version")).toHaveText(`Version ${before + 1}`);
  await expect(card).toContainText(`${dose} mg oral, twice a day`);
  await expect(banner).toHaveCount(0);
  await expect(physician.getByRole("region", { name: "Plan updated" })).toHaveCount(0);
});

test("a refusal the server gives lands on its field, in plain words, with focus on it; nothing is saved", async ({ browser }) => {
  const physician = await openAlexPlan(browser, "physician@concord.demo");
  const before = await version(physician);
  const sheet = await editItem(physician, "Pregabalin");
  // Stopping needs a reason: the domain refuses it on the server (the form does not restate the rule).
  await sheet.getByLabel("Status", { exact: true }).selectOption("stopped");
  await sheet.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  const reason = sheet.getByLabel("Reason (required to stop)");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await reason.getAttribute("aria-describedby")) ?? "";
  const message = physician.locator(`[id="${describedBy.split(" ").at(-1)}"]`);
  await expect(message).toContainText("Give a reason for stopping");
  await expect(sheet).not.toContainText("command.");
  await expect(reason).toBeFocused();
  await physician.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(physician.getByRole("button", { name: "Edit Pregabalin", exact: true })).toBeFocused();
  await physician.reload();
  await expect(physician.getByTestId("plan-version")).toHaveText(`Version ${before}`);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds nothing serious on the plan page with an item's edit form open (${colorScheme})`, async ({ browser }) => {
    const physician = await openAlexPlan(browser, "physician@concord.demo", colorScheme);
    await editItem(physician, "Pregabalin");
    await physician.addScriptTag({ content: AXE_SOURCE });
    const serious = await physician.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
      const axe = (window as any).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
      // biome-ignore lint/suspicious/noExplicitAny: axe's result objects cross the page boundary as plain JSON.
      return result.violations.filter((v: any) => v.impact === "serious" || v.impact === "critical").map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
    });
    expect(serious).toEqual([]);
  });
}
