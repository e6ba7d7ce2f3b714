import { type Browser, type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

// The editing journey continues from the first journey's plan (version 12, mirror therapy paused).
test.describe.configure({ mode: "serial" });

/** Opens an item's one edit form (a side panel) and returns it. */
async function editItem(page: Page, name: string) {
  await page.getByRole("button", { name: `Edit ${name}`, exact: true }).click();
  const sheet = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(sheet).toBeVisible();
  return sheet;
}

/** A save is confirmed by a toast (the polite live region); the newest one is last. */
const savedToast = (page: Page) => page.locator('[data-slot="toast"]').last().locator('[data-slot="toast-description"]');
/** The plan page's own notice (the forms that stay on the page); toasts are status regions too. */
const pageStatus = (page: Page) => page.locator('[data-slot="alert"][role="status"]');

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

test("physician and PT edit different items of the same plan: the PT's older edit lands on top, and the patient sees the result", async ({ browser }) => {
  const physician = await openAlexPlan(browser, "physician@concord.demo");
  const pt = await openAlexPlan(browser, "pt@concord.demo");
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 9");
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 9");

  // The physician raises the pregabalin dose; the PT's page still shows version 9.
  const doseForm = await editItem(physician, "Pregabalin");
  await doseForm.getByLabel(/New dose/).fill("100");
  await doseForm.getByLabel("Reason for the dose change").fill("Sleeping better, pain still 6/10");
  await doseForm.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(savedToast(physician)).toContainText("Saved as version 10");
  await expect(doseForm).toBeHidden();
  // Focus returns to the item that was edited.
  await expect(physician.getByRole("button", { name: "Edit Pregabalin", exact: true })).toBeFocused();
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 10");

  // The PT, unaware, pauses mirror therapy against version 9.
  const mirror = "Mirror therapy (graded motor imagery)";
  const statusForm = await editItem(pt, mirror);
  // The status starts on the item's current one, not on the first change offered.
  await expect(statusForm.getByLabel("Status", { exact: true })).toHaveValue("active");
  await statusForm.getByLabel("Status", { exact: true }).selectOption("paused");
  await statusForm.getByRole("button", { name: `Save changes to ${mirror}` }).click();

  // Issue 11: a different item, so no conflict: the pause is applied to version 10 and saved as 11.
  await expect(savedToast(pt)).toContainText("Saved as version 11");
  await expect(pt.getByText("This plan changed while you were editing")).toHaveCount(0);
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 11");
  await expect(pt.getByRole("article", { name: mirror })).toContainText("paused");
  await expect(pt.getByRole("article", { name: "Pregabalin" })).toContainText("100 mg oral, twice a day (200 mg a day)");

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
  await expect(week).toContainText("Pregabalin 100 mg by mouth, twice a day");
  await expect(week).toContainText("Desensitization: 3 sets of 5, three times a day");
  // Mirror therapy serves two goals: it is on hold under each of them.
  await expect(alex.getByRole("region", { name: "Ease pain and sensitivity to touch" }).getByText("On hold for now: Mirror therapy")).toBeVisible();
  await expect(alex.getByRole("region", { name: "Move more easily and build strength" }).getByText("On hold for now: Mirror therapy")).toBeVisible();
  await expect(alex.getByRole("region", { name: "Who is responsible for what" })).toContainText("Dr. Maya Okafor (Pain physician)");
  await expect(alex.getByRole("button", { name: "Print summary" })).toBeVisible();

  // A comment reaches the team, and the next visit reports what changed since.
  await alex.getByLabel("A question or comment for your care team").fill("Is it fine to take pregabalin with dinner?");
  await alex.getByRole("button", { name: "Send comment" }).click();
  await expect(alex.getByRole("status")).toContainText("Your team has been told");
  await physician.reload();
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 11");
  await expect(physician.getByRole("region", { name: "Comments from the team and the patient" })).toContainText("Is it fine to take pregabalin with dinner?");
  const pause = await editItem(physician, "Pregabalin");
  await pause.getByLabel("Status", { exact: true }).selectOption("paused");
  await pause.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(savedToast(physician)).toContainText("Saved as version 12");
  await alex.reload();
  await expect(alex.getByRole("region", { name: "What changed since you last looked" })).toContainText("Pregabalin: status active → paused");
  await alexContext.close();
});

test("PT and physician edit prescriptions, stage, responsibility, note and goal targets; the patient sees the result", async ({ browser }) => {
  const mirror = "Mirror therapy (graded motor imagery)";
  const pt = await openAlexPlan(browser, "pt@concord.demo");
  const physician = await openAlexPlan(browser, "physician@concord.demo");
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 12");
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 12");

  // The PT resumes mirror therapy, raises sets and repetitions, then moves it to the next stage.
  const status = await editItem(pt, mirror);
  await expect(status.getByLabel("Status", { exact: true })).toHaveValue("paused");
  await status.getByLabel("Status", { exact: true }).selectOption("active");
  await status.getByRole("button", { name: `Save changes to ${mirror}` }).click();
  await expect(savedToast(pt)).toContainText("Saved as version 13");

  const rx = await editItem(pt, mirror);
  await expect(rx.getByLabel("Sets")).toHaveValue("3");
  await rx.getByLabel("Sets").fill("4");
  await rx.getByLabel("Repetitions").fill("12");
  await rx.getByRole("button", { name: `Save changes to ${mirror}` }).click();
  await expect(savedToast(pt)).toContainText(`Saved as version 14: ${mirror}: sets 3 → 4; ${mirror}: repetitions 10 → 12`);
  const card = pt.getByRole("article", { name: mirror });
  await expect(card).toContainText("4 × 12, daily, 10 min · stage: left/right judgement");

  await pt.getByText(`Record or review ${mirror}`, { exact: true }).click();
  const stage = pt.getByRole("form", { name: `Move ${mirror} to the next stage` });
  await expect(stage).toContainText("Now: left/right judgement since");
  await stage.getByRole("button", { name: "Move to the next stage: imagined movement" }).click();
  await expect(pageStatus(pt)).toContainText("Saved as version 15");
  await expect(card).toContainText("stage: imagined movement");
  await expect(stage.getByRole("button", { name: "Move to the next stage: mirror therapy" })).toBeVisible();

  // The OT will run the sessions from now on: only PT and OT team members are offered.
  const item = await editItem(pt, mirror);
  const responsible = item.getByLabel("Responsible clinician");
  await expect(responsible.locator("option")).toHaveText(["Not assigned", "Priya Raman (Occupational therapist)", "Sam Lindqvist (Physical therapist)"]);
  await responsible.selectOption({ label: "Priya Raman (Occupational therapist)" });
  await item.getByLabel("Note for the team").fill("Priya runs the sessions during hand therapy.");
  await item.getByRole("button", { name: `Save changes to ${mirror}` }).click();
  await expect(savedToast(pt)).toContainText("Saved as version 16");
  await expect(card).toContainText("responsible: Priya Raman");

  // The PT may not edit the physician's medication: no edit forms are offered for it.
  await expect(pt.getByRole("button", { name: "Edit Pregabalin", exact: true })).toHaveCount(0);
  await expect(pt.getByRole("article", { name: "Pregabalin" })).toContainText("Only the pain physician can change medications.");

  // The physician's page still shows version 12; the PT changed only mirror therapy since, so the note lands on top.
  const preg = await editItem(physician, "Pregabalin");
  await expect(preg.getByLabel("Responsible clinician").locator("option")).toHaveText(["Not assigned", "Dr. Maya Okafor (Pain physician)"]);
  await preg.getByLabel("Note for the team").fill("Paused for dizziness; restart at 75 mg once it settles.");
  await preg.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(savedToast(physician)).toContainText("Saved as version 17: Pregabalin: note added");
  await expect(physician.getByText("This plan changed while you were editing")).toHaveCount(0);
  await expect(physician.getByRole("article", { name: "Pregabalin" })).toContainText("Note: Paused for dizziness; restart at 75 mg once it settles.");

  // Goal targets: removing the only target is refused with the server's reason; adding one works.
  await physician.getByText("Edit Reduce pain and hypersensitivity", { exact: true }).click();
  const goal = physician.getByRole("form", { name: "Edit the goal Reduce pain and hypersensitivity" });
  await goal.getByLabel(/Remove: Average pain at most 4\/10/).check();
  await goal.getByRole("button", { name: "Save goal" }).click();
  await expect(physician.getByRole("alert").filter({ hasText: "A goal needs at least one measurable target." })).toBeVisible();
  await expect(physician.getByTestId("plan-version")).toHaveText("Version 17");
  await goal.getByLabel(/Remove: Average pain/).uncheck();
  await goal.getByLabel("Add a measurable target").selectOption("measure_at_most");
  await goal.getByLabel("Questionnaire").selectOption("css");
  await goal.getByLabel("Score at most").fill("10");
  await goal.getByRole("button", { name: "Save goal" }).click();
  await expect(pageStatus(physician)).toContainText("Saved as version 18");
  const painGoal = physician.getByRole("region", { name: /Reduce pain and hypersensitivity/ });
  await expect(painGoal).toContainText("Target: Average pain at most 4/10");
  await expect(painGoal).toContainText("Target: CRPS Severity Score at most 10");

  // The PT's page is still at version 16 and the pain goal changed since: the same item, so the PT's
  // edit is not re-applied on top; the conflict panel shows what changed (nothing is saved).
  await pt.getByText("Edit Reduce pain and hypersensitivity", { exact: true }).click();
  const ptGoal = pt.getByRole("form", { name: "Edit the goal Reduce pain and hypersensitivity" });
  await ptGoal.getByLabel("Add a measurable target").selectOption("measure_at_most");
  await ptGoal.getByLabel("Questionnaire").selectOption("css");
  await ptGoal.getByLabel("Score at most").fill("12");
  await ptGoal.getByRole("button", { name: "Save goal" }).click();
  const conflictPanel = pt.getByRole("alert").filter({ hasText: "This plan changed while you were editing" });
  await expect(conflictPanel).toContainText("You were editing version 16; the plan is now at version 18");
  await expect(conflictPanel).toContainText("Version 18: Dr. Maya Okafor");
  await expect(pt.getByTestId("plan-version")).toHaveText("Version 16");

  // The patient sees the new sets and stage, and who now looks after mirror therapy.
  const alexContext = await browser.newContext();
  const alex = await alexContext.newPage();
  await signInAndWait(alex, "alex@concord.demo", /\/me$/);
  await alex.goto("/me/plan");
  const week = alex.getByRole("region", { name: "This week" });
  await expect(week).toContainText("Mirror therapy: 4 sets of 12, daily, about 10 minutes — stage: imagined movement");
  await expect(alex.getByRole("region", { name: "Who is responsible for what" })).toContainText("Priya Raman (Occupational therapist): Mirror therapy, Desensitization");
  await expect(alex.getByRole("region", { name: "Ease pain and sensitivity to touch" })).toContainText("CRPS Severity Score at most 10");
  await expect(alex.getByText("Paused for dizziness")).toHaveCount(0);
  await alexContext.close();
});

test("the clinician's home flags plans past review", async ({ page }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  const table = page.getByRole("table", { name: "Patients on your care teams" });
  await expect(table.getByRole("row", { name: /Jordan Lee/ })).toContainText("Plan review overdue");
  await expect(table.getByRole("row", { name: /Alex Morgan/ })).not.toContainText("Plan review overdue");
});

test("the physician changes Pregabalin's timing note, plans a titration step and records its trial; the patient sees the new timing", async ({ browser }) => {
  const physician = await openAlexPlan(browser, "physician@concord.demo");
  const card = physician.getByRole("article", { name: "Pregabalin" });
  // The first journey left Pregabalin paused: resume it (so the patient's week lists it) and set
  // the timing note in the same Save: one change, one version.
  const paused = (await card.locator('[data-slot="badge"]', { hasText: "paused" }).count()) > 0;
  const schedule = await editItem(physician, "Pregabalin");
  if (paused) await schedule.getByLabel("Status", { exact: true }).selectOption("active");
  await expect(schedule.getByLabel("Doses per day")).toHaveValue("2");
  await schedule.getByLabel("Timing note (optional)").fill("with food");
  await schedule.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(savedToast(physician)).toContainText(
    paused ? /Saved as version \d+: Pregabalin: status paused → active; Pregabalin: timing note none → with food$/ : /Saved as version \d+: Pregabalin: timing note none → with food$/,
  );
  await expect(card).toContainText("100 mg oral, twice a day (200 mg a day) · with food");

  // A step above the agent's bounds is refused with the domain's reason, next to the field; a sane one is planned.
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = inTwoWeeks.split("-").map(Number);
  const stepDate = `${d} ${months[(m ?? 1) - 1]} ${y}`;
  const titration = await editItem(physician, "Pregabalin");
  // Route and unit are the agent's (Pregabalin: oral, mg); the form shows its bounds from the domain.
  await expect(titration).toContainText("25–300 mg per dose, at most 600 mg a day");
  await titration.getByLabel("Add a titration step from (optional)").fill(inTwoWeeks);
  await titration.getByLabel("Step dose (mg)").fill("600");
  await titration.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(titration.getByText(`Pregabalin step from ${stepDate}: dose 600 mg is outside the accepted range (25–300 mg per dose)`)).toBeVisible();
  await expect(titration.getByLabel("Step dose (mg)")).toHaveAttribute("aria-invalid", "true");
  await expect(titration.getByLabel("Step dose (mg)")).toBeFocused();
  await titration.getByLabel("Step dose (mg)").fill("200");
  await titration.getByRole("button", { name: "Save changes to Pregabalin" }).click();
  await expect(savedToast(physician)).toContainText(`Pregabalin: titration step planned: 200 mg from ${stepDate}`);
  await physician.getByText("Record or review Pregabalin", { exact: true }).click();
  const steps = physician.getByRole("list", { name: "Titration steps of Pregabalin" });
  await expect(steps.getByRole("listitem")).toHaveText([/^150 mg from .* \(if well tolerated\)/, new RegExp(`^200 mg from ${stepDate}`)]);
  // The seeded 150 mg step is withdrawn: the plan goes straight to 200 mg.
  await steps.getByRole("listitem").first().getByRole("button", { name: /^Remove the step from / }).click();
  await expect(pageStatus(physician)).toContainText("Pregabalin: titration step withdrawn: 150 mg from");
  await expect(steps.getByRole("listitem")).toHaveText([new RegExp(`^200 mg from ${stepDate}`)]);

  // Observations feed the trial history and the ranked summary.
  const response = physician.getByRole("form", { name: "Record the response to Pregabalin" });
  await response.getByLabel("Pain reported (0–10)").fill("5");
  await response.getByRole("button", { name: "Record response" }).click();
  await expect(pageStatus(physician)).toContainText("Pregabalin: pain 5/10 recorded");
  const sideEffect = physician.getByRole("form", { name: "Record a side effect of Pregabalin" });
  await sideEffect.getByLabel("Side effect").fill("Dizziness");
  await sideEffect.getByLabel("Severity").selectOption("moderate");
  await sideEffect.getByRole("button", { name: "Record side effect" }).click();
  await expect(pageStatus(physician)).toContainText("Pregabalin: side effect recorded: Dizziness (moderate)");

  const trial = card.getByRole("group", { name: "Trial of Pregabalin" });
  await expect(trial).toContainText("75 mg → 100 mg (Sleeping better, pain still 6/10)");
  await expect(trial).toContainText("pain 5/10 at 100 mg");
  await expect(trial).toContainText("Dizziness (moderate) at 100 mg");
  const summary = physician.getByRole("table", { name: /Medications tried, best relief first/ });
  const row = summary.getByRole("row", { name: /Pregabalin/ });
  await expect(row).toContainText("pain 5/10 at 100 mg");
  await expect(row).toContainText("1: Dizziness (moderate)");

  // The patient reads the new schedule and the planned step.
  const alexContext = await browser.newContext();
  const alex = await alexContext.newPage();
  await signInAndWait(alex, "alex@concord.demo", /\/me$/);
  await alex.goto("/me/plan");
  const week = alex.getByRole("region", { name: "This week" });
  await expect(week).toContainText("Pregabalin 100 mg by mouth, twice a day (with food)");
  await expect(week).toContainText(`Next step: From ${stepDate}: 200 mg`);
  await alexContext.close();
});
