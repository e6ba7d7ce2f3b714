import { type Page, expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

async function alexId(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() as string;
}

test("the PT's team message reaches the physician live with an unread badge, and never the patient", async ({ browser }) => {
  const topic = `Pregabalin titration ${Date.now()}`;
  const body = "@physician consider the next titration step? Notes: https://example.org/crps <b>not bold</b>";

  const ptContext = await browser.newContext();
  const pt = await ptContext.newPage();
  await signInAndWait(pt, "pt@concord.demo", /\/patients$/);
  const patientId = await alexId(pt);
  await pt.goto(`/patients/${patientId}/messages`);
  await expect(pt.getByTestId("live-status")).toHaveText("Live");

  // The physician has the conversations open in another browser and never reloads.
  const physicianContext = await browser.newContext();
  const physician = await physicianContext.newPage();
  await signInAndWait(physician, "physician@concord.demo", /\/patients$/);
  await physician.goto(`/patients/${patientId}/messages`);
  await expect(physician.getByTestId("live-status")).toHaveText("Live");
  const bellBefore = (await physician.getByTestId("notification-bell").textContent()) ?? "";

  await pt.getByRole("tab", { name: /Care team only/ }).click();
  await pt.getByRole("button", { name: "New conversation" }).click();
  await pt.getByLabel("Topic").fill(topic);
  await pt.getByLabel("First message").fill(body);
  await pt.getByRole("button", { name: "Start conversation" }).click();
  await expect(pt.getByTestId("messages").getByTestId("message")).toHaveCount(1);

  const item = physician.getByTestId("thread-item").filter({ hasText: topic });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("unread-badge")).toHaveText("1 unread");
  await expect(physician.getByTestId("notification-bell")).not.toHaveText(bellBefore);

  await item.click();
  const message = physician.getByTestId("message").filter({ hasText: "consider the next titration step" });
  await expect(message).toBeVisible();
  // Plain text: the tags are shown, not interpreted; the URL is a safe link.
  await expect(message).toContainText("<b>not bold</b>");
  await expect(message.locator("b")).toHaveCount(0);
  await expect(message.getByRole("link", { name: "https://example.org/crps" })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(item.getByTestId("unread-badge")).toHaveCount(0);

  // The PT sees the read receipt arrive live.
  await pt.getByTestId("thread-item").filter({ hasText: topic }).click();
  await expect(pt.getByTestId("read-receipt")).toContainText("Dr. Maya Okafor");

  // The physician replies; the PT's open thread updates without reloading.
  await physician.getByLabel("Message", { exact: true }).fill("Agreed, let us review at Friday's meeting.");
  await physician.getByRole("button", { name: "Send" }).click();
  await expect(pt.getByTestId("message").filter({ hasText: "Agreed, let us review" })).toBeVisible();

  // The patient sees neither the thread, nor a count, nor a notification about it.
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signInAndWait(patient, "alex@concord.demo", /\/me$/);
  await patient.goto("/me/messages");
  await expect(patient.getByTestId("live-status")).toHaveText("Live");
  await expect(patient.getByRole("tab", { name: /Care team only/ })).toHaveCount(0);
  // One space for the patient: named for them, and no tablist of one tab.
  await expect(patient.getByRole("tab")).toHaveCount(0);
  await expect(patient.getByText("Your care team", { exact: true })).toBeVisible();
  await expect(patient.getByText("No conversations yet.")).toBeVisible();
  await expect(patient.locator("body")).not.toContainText(topic);
  await expect(patient.getByTestId("unread-badge")).toHaveCount(0);
  // Other journeys may have left the patient plan-change notifications; none may be about this thread.
  await patient.goto("/notifications");
  await expect(patient.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(patient.locator("main")).not.toContainText(topic);
  await expect(patient.locator("main")).not.toContainText("titration step");

  // An edit keeps a visible marker; a delete leaves a tombstone for the others, live.
  await physician.getByTestId("message").filter({ hasText: "Agreed" }).getByRole("button", { name: "Delete" }).click({ trial: true });
  physician.once("dialog", (dialog) => void dialog.accept());
  await physician.getByTestId("message").filter({ hasText: "Agreed" }).getByRole("button", { name: "Delete" }).click();
  await expect(pt.getByTestId("message").filter({ hasText: "Message deleted" })).toBeVisible();

  await Promise.all([ptContext.close(), physicianContext.close(), patientContext.close()]);
});
