import { expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

test("the PT mentions @physician from the suggestions with the keyboard and attaches a plan item; the physician follows the link to the plan", async ({ browser }) => {
  const topic = `Dose question ${Date.now()}`;

  const ptContext = await browser.newContext();
  const pt = await ptContext.newPage();
  await signInAndWait(pt, "pt@concord.demo", /\/patients$/);
  await pt.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(pt).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientId = pt.url().split("/").pop() as string;
  await pt.goto(`/patients/${patientId}/messages`);
  await expect(pt.getByTestId("live-status")).toHaveText("Live");

  await pt.getByRole("tab", { name: /Care team only/ }).click();
  await pt.getByRole("button", { name: "New conversation" }).click();
  await pt.getByLabel("Topic").fill(topic);
  await pt.getByLabel("First message").fill("Opening this for the dose question.");
  await pt.getByRole("button", { name: "Start conversation" }).click();
  await expect(pt.getByTestId("messages").getByTestId("message")).toHaveCount(1);

  const composer = pt.getByRole("combobox", { name: "Message", exact: true });
  const list = pt.getByRole("listbox", { name: "People and disciplines to mention" });
  await expect(composer).toHaveAttribute("aria-expanded", "false");
  await composer.pressSequentially("@");
  await expect(list).toBeVisible();
  await expect(composer).toHaveAttribute("aria-expanded", "true");
  // A team thread offers the rest of the team, not the patient, and not the PT themself.
  await expect(list.getByRole("option", { name: /^@OT\b/ })).toBeVisible();
  await expect(list.getByRole("option", { name: /Alex Morgan/ })).toHaveCount(0);
  await expect(list.getByRole("option", { name: /Sam Lindqvist/ })).toHaveCount(0);

  // Escape closes the list; a new "@" opens it again.
  await composer.press("Escape");
  await expect(list).toBeHidden();
  await composer.press("Backspace");
  await composer.pressSequentially("@");
  await expect(list).toBeVisible();

  // The active option follows the arrow keys through aria-activedescendant.
  await composer.press("ArrowDown");
  const otOption = list.getByRole("option", { name: /^@OT\b/ });
  await expect(otOption).toHaveAttribute("aria-selected", "true");
  await expect(composer).toHaveAttribute("aria-activedescendant", (await otOption.getAttribute("id")) as string);
  await composer.press("ArrowUp");
  const physicianOption = list.getByRole("option", { name: /^@physician\b/ });
  await expect(physicianOption).toHaveAttribute("aria-selected", "true");
  await composer.press("Enter");
  await expect(list).toBeHidden();
  await expect(composer).toHaveValue("@physician ");
  await composer.pressSequentially("please review the dose.");

  await pt.getByRole("button", { name: "Attach" }).click();
  // Other journeys may have paused Pregabalin (its label then says so), so pick it by prefix.
  const pregabalin = pt.getByLabel("Refer to").locator("option", { hasText: "Plan item: Pregabalin" });
  await pt.getByLabel("Refer to").selectOption((await pregabalin.getAttribute("value")) ?? "");
  await expect(pt.getByTestId("reference-chip")).toContainText("Refers to: Plan item: Pregabalin");
  await pt.getByRole("button", { name: "Send" }).click();
  const sent = pt.getByTestId("message").filter({ hasText: "please review the dose" });
  await expect(sent).toBeVisible();
  await expect(pt.getByTestId("reference-chip")).toHaveCount(0);

  const physicianContext = await browser.newContext();
  const physician = await physicianContext.newPage();
  await signInAndWait(physician, "physician@concord.demo", /\/patients$/);
  await physician.goto(`/patients/${patientId}/messages`);
  await physician.getByTestId("thread-item").filter({ hasText: topic }).click();
  const message = physician.getByTestId("message").filter({ hasText: "please review the dose" });
  await expect(message).toContainText("@physician please review the dose.");
  await message.getByRole("link", { name: "Plan item: Pregabalin" }).click();
  await expect(physician).toHaveURL(new RegExp(`/patients/${patientId}/plan$`));
  await expect(physician.getByRole("article", { name: "Pregabalin" })).toBeVisible();

  await Promise.all([ptContext.close(), physicianContext.close()]);
});
