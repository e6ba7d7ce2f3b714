import { expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

const ORDER = { Overdue: 0, "Due today": 1, "Due in": 2 } as const;
const rank = (badge: string) => (badge.startsWith("Overdue") ? ORDER.Overdue : badge === "Due today" ? ORDER["Due today"] : ORDER["Due in"]);

test("a physician's My tasks lists their own reviews due, overdue first, and opens the plan item", async ({ page }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "My tasks", level: 1 })).toBeVisible();

  const tasks = page.getByTestId("task");
  // The demo plan has Alex's pregabalin (the physician's) up for review within two weeks.
  await expect(tasks.filter({ hasText: "Review Pregabalin for Alex Morgan" })).toHaveCount(1);
  const badges = await tasks.locator('[data-slot="badge"]').allInnerTexts();
  expect(badges.length).toBeGreaterThan(0);
  expect(badges.map(rank)).toEqual([...badges.map(rank)].sort((a, b) => a - b));
  // Only the physician's own items: the PT's mirror therapy is not here.
  await expect(tasks.filter({ hasText: "Mirror therapy" })).toHaveCount(0);

  await page.getByRole("link", { name: "Review Pregabalin for Alex Morgan" }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]+\/plan#item-/);
  await expect(page.getByRole("heading", { name: "Care plan", level: 2 })).toBeVisible();
  await expect(page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`)).toBeVisible();
});

test("the PT's My tasks has none of the physician's items, and it fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndWait(page, "pt@concord.demo", /\/patients$/);
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "My tasks", level: 1 })).toBeVisible();
  await expect(page.getByTestId("task").filter({ hasText: "Pregabalin" })).toHaveCount(0);
  // Which of the PT's own items are due depends on the journeys before this one (the care-plan journey
  // hands mirror therapy to the OT); the scoping itself is proven in packages/api tasks.int.test.ts.
  await expect(page.getByTestId("task").or(page.getByText("No reviews are due in the next two weeks."))).not.toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a patient who opens My tasks is sent home, and the history shows the plan as of an earlier version", async ({ page, browser }) => {
  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  await page.goto("/tasks");
  await expect(page).not.toHaveURL(/\/tasks/);

  const context = await browser.newContext();
  const clinician = await context.newPage();
  await signInAndWait(clinician, "ot@concord.demo", /\/patients$/);
  await clinician.getByRole("link", { name: "Alex Morgan" }).click();
  await clinician.getByRole("link", { name: "Care plan" }).click();
  await clinician.getByRole("link", { name: "History", exact: true }).click();
  await expect(clinician.getByRole("heading", { name: "Care plan history" })).toBeVisible();
  // Earlier journeys add revisions, so version 1 may be on a later page of the history: open it by its address.
  await clinician.goto(`${new URL(clinician.url()).pathname.replace(/\/history$/, "")}/history/1`);
  await expect(clinician.getByRole("heading", { name: "Care plan as of version 1" })).toBeVisible();
  await expect(clinician.getByRole("note")).toContainText("This is an earlier version, for reading only");
  // Version 1 of Alex's demo plan added the pain goal only.
  await expect(clinician.getByRole("heading", { name: /pain/i, level: 3 })).toBeVisible();
  await expect(clinician.getByRole("heading", { level: 3 })).toHaveCount(1);
  await context.close();
});
