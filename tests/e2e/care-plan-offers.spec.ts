import { type Browser, type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

/**
 * The add form says what the server will do: a physical therapist adding a custom item owned by the
 * occupational therapist is told it will be proposed (not "You can start it now"), it is saved as
 * proposed, and the occupational therapist is the one who can start it.
 *
 * On Jordan's plan: this file runs before care-plan.spec.ts, whose journey counts Alex's plan
 * versions from the seeded one, so a save on Alex's plan here would shift every version it expects.
 */
test.describe.configure({ mode: "serial" });

const ITEM = "Kitchen task practice";

async function openPlan(browser: Browser, email: string, patient: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email, /\/patients$/);
  await page.getByRole("link", { name: patient }).click();
  await page.getByRole("link", { name: "Care plan" }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByRole("heading", { name: "Care plan", level: 2 })).toBeVisible();
  return page;
}

test("a PT adding a custom item owned by the OT is told it will be proposed, and it is; the OT starts it", async ({ browser }) => {
  const pt = await openPlan(browser, "pt@concord.demo", "Jordan Lee");
  const before = Number(((await pt.getByTestId("plan-version").textContent()) ?? "").replace(/\D/g, ""));

  // The plan-wide forms are disclosures at the foot of the plan; each loads when first opened.
  await pt.locator("summary", { hasText: "Add an intervention" }).click();
  const form = pt.getByRole("form", { name: "Add an intervention" });
  await form.getByLabel("Not in the catalogue (custom)").check();
  await form.getByLabel("Name").fill(ITEM);
  await form.getByLabel("Category").selectOption({ label: "Physical and occupational therapy" });
  const offer = form.getByTestId("addition-offer");

  // Owned by the PT (the default for a PT): they may start it.
  await expect(form.getByLabel("Owning discipline")).toHaveValue("physical_therapist");
  await expect(offer).toHaveText("You can start it now or propose it.");
  await expect(form.getByLabel("Start as")).toBeVisible();

  // Owned by the OT: the form says it will be proposed and offers no way to start it.
  await form.getByLabel("Owning discipline").selectOption({ label: "Occupational therapist" });
  await expect(offer).toHaveText("It will be proposed for the occupational therapist to accept: only they can start it.");
  await expect(form).not.toContainText("You can start it now");
  await expect(form.getByLabel("Start as")).toHaveCount(0);

  await form.getByRole("checkbox", { name: "Restore daily function" }).check();
  await form.getByLabel("Sets").fill("2");
  await form.getByLabel("Repetitions").fill("8");
  await form.getByLabel("How often").fill("three times a week");
  await form.getByLabel("Instructions for the patient").fill("Lift and place light cups on a shelf, slowly.");
  await form.getByRole("button", { name: "Propose intervention" }).click();

  await expect(pt.getByRole("status")).toContainText(`Saved as version ${before + 1}`);
  const card = pt.getByRole("article", { name: ITEM });
  await expect(card.getByRole("heading", { level: 3 })).toContainText("proposed");
  await expect(card).toContainText("owned by Occupational therapist");
  await expect(card).toContainText("Not started");
  await expect(card).toContainText(`Only the occupational therapist can change “${ITEM}”.`);
  // The PT has no status change to offer on it.
  await expect(pt.getByRole("button", { name: `Edit ${ITEM}`, exact: true })).toHaveCount(0);

  // The OT sees the proposal and may accept it (start it) or withdraw it (stop), nothing else.
  const ot = await openPlan(browser, "ot@concord.demo", "Jordan Lee");
  const otCard = ot.getByRole("article", { name: ITEM });
  await expect(otCard.getByRole("heading", { level: 3 })).toContainText("proposed");
  await otCard.getByRole("button", { name: `Edit ${ITEM}`, exact: true }).click();
  const statusForm = ot.getByRole("dialog", { name: `Edit ${ITEM}` });
  // It starts on the item's current status; the changes offered are the domain's.
  await expect(statusForm.getByLabel("Status", { exact: true }).locator("option")).toHaveText(["proposed (now)", "active", "stopped"]);
  await expect(statusForm.getByLabel("Status", { exact: true })).toHaveValue("proposed");
  await statusForm.getByLabel("Status", { exact: true }).selectOption("active");
  await statusForm.getByRole("button", { name: `Save changes to ${ITEM}` }).click();
  await expect(ot.locator('[data-slot="toast"]').last()).toContainText(`Saved as version ${before + 2}`);
  await expect(otCard.getByRole("heading", { level: 3 })).toContainText("active");
});
