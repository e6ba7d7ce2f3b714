import { type Browser, type Page, expect, test } from "@playwright/test";
import { signInAndWait } from "./helpers";

async function openAlexPlan(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email, /\/patients$/);
  await page.getByRole("link", { name: "Alex Morgan" }).click();
  await page.getByRole("link", { name: "Care plan" }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByRole("heading", { name: "Care plan", level: 2 })).toBeVisible();
  return page;
}

test("physician and PT edit the same plan: the PT sees the conflict, re-applies, and the patient sees the result", async ({ browser }) => {
  const physician = await openAlexPlan(browser, "physician@concord.demo");
  const pt = await openAlexPlan(browser, "pt@concord.demo");
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 9");
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 9");

  // The physician raises the pregabalin dose; the PT's page still shows version 9.
  await physician.getByText("Change Pregabalin", { exact: true }).click();
  const doseForm = physician.getByRole("form", { name: "Change the dose of Pregabalin" });
  await doseForm.getByLabel(/New dose/).fill("100");
  await doseForm.getByLabel("Reason for the change").fill("Sleeping better, pain still 6/10");
  await doseForm.getByRole("button", { name: "Change dose" }).click();
  await expect(physician.getByRole("status")).toContainText("Saved as version 10");
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 10");

  // The PT, unaware, pauses mirror therapy against version 9.
  const mirror = "Mirror therapy (graded motor imagery)";
  await pt.getByText(`Change ${mirror}`, { exact: true }).click();
  const statusForm = pt.getByRole("form", { name: `Change the status of ${mirror}` });
  await statusForm.getByLabel("New status").selectOption("paused");
  await statusForm.getByRole("button", { name: "Change status" }).click();

  const panel = pt.getByRole("alert").filter({ hasText: "This plan changed while you were editing" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("You were editing version 9; the plan is now at version 10");
  await expect(panel).toContainText("Version 10: Dr. Maya Okafor");
  await expect(panel).toContainText("Pregabalin: dose 75 mg → 100 mg");
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 9");

  await panel.getByRole("button", { name: "Apply my change again" }).click();
  await expect(pt.getByRole("status")).toContainText("Saved as version 11");
  await expect(pt.getByText("This plan changed while you were editing")).toHaveCount(0);
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 11");
  await expect(pt.getByRole("article", { name: mirror })).toContainText("paused");
  await expect(pt.getByRole("article", { name: "Pregabalin" })).toContainText("100 mg oral, twice daily");

  // History: who changed what, when.
  await pt.getByRole("link", { name: "History" }).click();
  const timeline = pt.getByRole("list", { name: "Plan revisions, newest first" });
  await expect(timeline.locator("> li").first()).toContainText("Version 11 · Sam Lindqvist");
  await expect(timeline.locator("> li").nth(1)).toContainText("Version 10 · Dr. Maya Okafor");

  // The patient sees the updated plan in plain language.
  const alexContext = await browser.newContext();
  const alex = await alexContext.newPage();
  await signInAndWait(alex, "alex@concord.demo", /\/me$/);
  await alex.getByRole("link", { name: "My care plan" }).click();
  await expect(alex.getByRole("heading", { name: "My care plan", level: 1 })).toBeVisible();
  const week = alex.getByRole("region", { name: "This week" });
  await expect(week).toContainText("Pregabalin 100 mg by mouth, twice daily");
  await expect(week).toContainText("Desensitization: 3 sets of 5, three times a day");
  await expect(alex.getByText("On hold for now: Mirror therapy")).toBeVisible();
  await expect(alex.getByRole("region", { name: "Who is responsible for what" })).toContainText("Dr. Maya Okafor (Pain physician)");
  await expect(alex.getByRole("button", { name: "Print summary" })).toBeVisible();

  // A comment reaches the team, and the next visit reports what changed since.
  await alex.getByLabel("A question or comment for your care team").fill("Is it fine to take pregabalin with dinner?");
  await alex.getByRole("button", { name: "Send comment" }).click();
  await expect(alex.getByRole("status")).toContainText("your care team will see your comment");
  await physician.reload();
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 11");
  await expect(physician.getByRole("region", { name: "Comments from the team and the patient" })).toContainText("Is it fine to take pregabalin with dinner?");
  await physician.getByText("Change Pregabalin", { exact: true }).click();
  await physician.getByRole("form", { name: "Change the status of Pregabalin" }).getByLabel("New status").selectOption("paused");
  await physician.getByRole("form", { name: "Change the status of Pregabalin" }).getByRole("button", { name: "Change status" }).click();
  await expect(physician.getByRole("status")).toContainText("Saved as version 12");
  await alex.reload();
  await expect(alex.getByRole("region", { name: "What changed since you last looked" })).toContainText("Pregabalin: status active → paused");
  await alexContext.close();
});

test("the clinician's home flags plans past review", async ({ page }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  const table = page.getByRole("table", { name: "Patients on your care teams" });
  await expect(table.getByRole("row", { name: /Jordan Lee/ })).toContainText("Plan review overdue");
  await expect(table.getByRole("row", { name: /Alex Morgan/ })).not.toContainText("Plan review overdue");
});
