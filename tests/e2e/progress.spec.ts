import { type Page, expect, test } from "./fixtures";
import { CHECK_IN_RED_FLAGS, CHECK_IN_RED_FLAG_LABELS, PHQ9_ITEMS } from "@concord/domain";
import { signInAndWait } from "./helpers";

async function answerScale(page: Page, legend: string, value: number) {
  await page.getByLabel(`${legend}: ${value}`, { exact: true }).check();
}

test("a patient's PHQ-9 item 9 answer shows crisis resources at once and reaches the psychologist's worklist and charts", async ({ page, browser }) => {
  // The patient: the daily check-in, then the mood questions offered right after it.
  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  await page.getByRole("link", { name: "Today’s check-in" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Today’s check-in");
  await answerScale(page, "Pain right now", 6);
  await answerScale(page, "Average pain today", 5);
  await answerScale(page, "Worst pain today", 8);
  // Symptoms and sites are optional sections, folded until opened.
  await page.getByTestId("section-symptoms").locator("summary").click();
  await page.getByLabel("Burning pain").check();
  await page.getByTestId("section-sites").locator("summary").click();
  await page.getByLabel("Left arm or hand").check();
  // Alex has no stimulator or spinal procedure in the plan, so that question is not asked.
  await expect(page.getByRole("group", { name: CHECK_IN_RED_FLAG_LABELS.neuroDeficitAfterProcedure })).toHaveCount(0);
  for (const flag of CHECK_IN_RED_FLAGS.filter((f) => f !== "neuroDeficitAfterProcedure")) {
    await page.getByRole("group", { name: CHECK_IN_RED_FLAG_LABELS[flag] }).getByLabel("No").check();
  }
  await page.getByLabel("Hours of sleep last night").fill("6.5");
  await answerScale(page, "How well did you sleep?", 4);
  await answerScale(page, "Your mood today", 3);
  await page.getByRole("button", { name: "Send check-in" }).click();
  await expect(page.getByRole("status")).toContainText("Check-in saved for");

  await page.getByRole("link", { name: "Mood questions (PHQ-9)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mood questions (PHQ-9)");
  for (const [i, text] of PHQ9_ITEMS.entries()) {
    await page.getByLabel(`${text}: ${i === 8 ? "Several days" : i < 2 ? "More than half the days" : "Not at all"}`, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Send answers" }).click();
  const crisis = page.getByTestId("crisis-resources");
  await expect(crisis).toBeVisible();
  await expect(crisis.getByRole("heading")).toHaveText("You do not have to face this alone");
  // The demo deployment's region is the United States (CONCORD_CRISIS_REGION defaults to "us").
  await expect(crisis.getByRole("link", { name: /^Call 911/ })).toHaveAttribute("href", "tel:911");
  await expect(crisis.getByRole("link", { name: /^Call 988/ })).toHaveAttribute("href", "tel:988");
  await expect(crisis).not.toContainText(/verify|example/i);
  // …and they stay on the patient's home while the urgent alert is open.
  await page.getByRole("link", { name: "My care" }).click();
  await expect(page.getByTestId("crisis-resources").getByRole("link", { name: /^Call 988/ })).toBeVisible();

  // One check-in a day: coming back offers to edit it instead.
  await page.goto("/me/check-in");
  await expect(page.getByText(/You have already checked in today/)).toBeVisible();
  await page.getByRole("button", { name: "Edit today’s check-in" }).click();
  await answerScale(page, "Pain right now", 4);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("(edited)");

  // The psychologist, in a separate browser context: the urgent alert is on the worklist.
  const psychContext = await browser.newContext();
  const psych = await psychContext.newPage();
  await signInAndWait(psych, "psychologist@concord.demo", /\/patients$/);
  await expect(psych.getByTestId("worklist-link")).toHaveAccessibleName(/^Worklist ?, \d+ urgent/);
  await psych.getByRole("link", { name: "Worklist" }).click();
  await expect(psych.getByRole("heading", { level: 1 })).toHaveText("Worklist");
  const urgent = psych.getByTestId("alert").filter({ hasText: "PHQ-9 item 9" });
  await expect(urgent).toHaveCount(1);
  await expect(urgent.getByText("Urgent", { exact: true })).toBeVisible();
  await expect(urgent).toContainText("Alex Morgan");
  await expect(urgent).toContainText("Consider contacting the patient today");
  await expect(urgent.getByRole("link", { name: "Call Alex Morgan: +1 415 555 0142" })).toHaveAttribute("href", "tel:+14155550142");

  // …and the charts on the patient's progress tab show the check-in and the PHQ-9.
  await urgent.getByRole("link", { name: "Alex Morgan", exact: true }).click();
  await expect(psych).toHaveURL(/\/patients\/[0-9a-f-]+\/progress$/);
  await expect(psych.getByRole("link", { name: "Progress" })).toHaveAttribute("aria-current", "page");
  const phqChart = psych.getByTestId("chart-phq9");
  await expect(phqChart.getByTestId("chart-phq9-plot")).toHaveAccessibleName(/PHQ-9 \(mood\).*Latest: PHQ-9 5 on/);
  await phqChart.getByText("Table view: PHQ-9 (mood)").click();
  await expect(phqChart.getByRole("table")).toContainText("5");
  await expect(psych.getByTestId("chart-pain-plot")).toHaveAccessibleName(/Now 4 on/);
  await expect(psych.getByRole("table", { name: "Recent check-ins" })).toContainText("(edited 1×)");

  // Acknowledging with a note takes it off the worklist.
  const onPage = psych.getByTestId("alert").filter({ hasText: "PHQ-9 item 9" });
  await onPage.getByLabel("Note (what was done)").fill("Called Alex; safety plan agreed.");
  await onPage.getByRole("button", { name: "Acknowledge" }).click();
  await expect(psych.getByTestId("alert").filter({ hasText: "PHQ-9 item 9" }).filter({ has: psych.getByRole("button", { name: "Acknowledge" }) })).toHaveCount(0);
  await psych.getByText(/^Acknowledged alerts \(\d+\)$/).click();
  await expect(psych.getByText(/Acknowledged by Dr\. Jonah Weiss at .*“Called Alex; safety plan agreed\.”/)).toBeVisible();
  await psych.goto("/worklist");
  await expect(psych.getByTestId("alert").filter({ hasText: "PHQ-9 item 9" })).toHaveCount(0);
  await psychContext.close();
});

test("a clinician records a CSS and a Budapest checklist; bad input is refused with a clear message", async ({ page }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await page.getByRole("link", { name: "Jordan Lee" }).click();
  await page.getByRole("link", { name: "Progress" }).click();
  await page.getByRole("link", { name: "Record a measure" }).click();

  const budapest = page.getByRole("form", { name: "Budapest criteria checklist" });
  await expect(budapest).toContainText("not a diagnosis");
  await budapest.getByLabel("Continuing pain, disproportionate to any inciting event").check();
  await budapest.getByLabel("No other diagnosis better explains the signs and symptoms").check();
  await budapest.getByLabel("Swelling (oedema)").first().check();
  await budapest.getByLabel("Reduced range of motion").first().check();
  await budapest.getByLabel("Difference in temperature between limbs").check();
  await budapest.getByLabel("Exaggerated pain to pinprick (hyperalgesia)").check();
  await budapest.getByLabel("Temperature difference of more than 1 °C between limbs").check();
  await budapest.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("budapest-result")).toContainText("Symptoms in 3 of 4 categories; signs in 2 of 4. Clinical criteria: met. Research criteria: not met.");

  const temp = page.getByRole("form", { name: "Limb temperature difference" });
  await temp.getByLabel("Affected minus unaffected side (°C)").evaluate((el) => el.removeAttribute("max"));
  await temp.getByLabel("Affected minus unaffected side (°C)").fill("25");
  await temp.getByRole("button", { name: "Save" }).click();
  await expect(temp.getByRole("alert")).toContainText("The temperature difference must be between −10 and 10 °C.");

  const css = page.getByRole("form", { name: "CRPS Severity Score" });
  await css.getByLabel("Allodynia or hyperpathia").check();
  await css.getByLabel("Hyperpathia to pinprick").check();
  await css.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("css-result")).toContainText("CSS 2 of 17. First score on record.");
});
