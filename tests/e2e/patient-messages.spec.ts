import { expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

// The patient's messages page runs on server actions and the browser's EventSource (no API client): this journey
// covers what the patient does there: start a thread with a mention and a reference, see the team's reply arrive
// live and read, edit and delete their own message, and open an older link to the thread.
test("the patient starts a thread with a mention and a plan item, the reply arrives live and is read, and they edit and delete their own message", async ({ browser }) => {
  const topic = `Home programme ${Date.now()}`;

  const alexContext = await browser.newContext();
  const alex = await alexContext.newPage();
  await signInAndWait(alex, "alex@concord.demo", /\/me$/);
  await alex.goto("/me/messages");
  await expect(alex.getByTestId("live-status")).toHaveText("Live");

  await alex.getByRole("button", { name: "New conversation" }).click();
  await alex.getByLabel("Topic").fill(topic);
  // The first message offers the care team to mention, as it did with the API client.
  const first = alex.getByRole("combobox", { name: "First message" });
  await first.pressSequentially("@");
  const list = alex.getByRole("listbox", { name: "People and disciplines to mention" });
  await expect(list.getByRole("option", { name: /^@physician\b/ })).toBeVisible();
  await first.press("Escape");
  await first.press("Backspace");
  await first.pressSequentially("How many sets should I do?");
  await alex.getByRole("button", { name: "Attach" }).click();
  const item = alex.getByLabel("Refer to").locator("option", { hasText: "Plan item:" }).first();
  const itemLabel = ((await item.textContent()) ?? "").trim();
  await alex.getByLabel("Refer to").selectOption((await item.getAttribute("value")) ?? "");
  await expect(alex.getByTestId("reference-chip")).toContainText(`Refers to: ${itemLabel}`);
  await alex.getByRole("button", { name: "Start conversation" }).click();
  await expect(alex).toHaveURL(/\/me\/messages\?thread=[0-9a-f-]{36}$/);
  const threadUrl = alex.url();
  const mine = alex.getByTestId("message").filter({ hasText: "How many sets should I do?" });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("link", { name: itemLabel })).toHaveAttribute("href", "/me/plan");

  // The physician answers in the shared space; Alex's open thread shows it without a reload, and reads it.
  const physicianContext = await browser.newContext();
  const physician = await physicianContext.newPage();
  await signInAndWait(physician, "physician@concord.demo", /\/patients$/);
  await physician.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(physician).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await physician.goto(`${physician.url()}/messages`);
  await physician.getByRole("tab", { name: /With the patient/ }).click();
  await physician.getByTestId("thread-item").filter({ hasText: topic }).click();
  await physician.getByLabel("Message", { exact: true }).fill("Three sets of ten, twice a day.");
  await physician.getByRole("button", { name: "Send" }).click();

  await expect(alex.getByTestId("message").filter({ hasText: "Three sets of ten" })).toBeVisible();
  await expect(alex.getByTestId("thread-item").filter({ hasText: topic }).getByTestId("unread-badge")).toHaveCount(0);
  // Alex read it: the physician's receipt says so, live.
  await expect(physician.getByTestId("message").filter({ hasText: "Three sets of ten" }).getByTestId("read-receipt")).toContainText("Alex");

  // Alex edits, then deletes, their own message; the physician's view follows.
  await mine.getByRole("button", { name: "Edit" }).click();
  await alex.getByLabel("Edit message").fill("How many sets should I do each day?");
  await alex.getByRole("button", { name: "Save" }).click();
  const edited = alex.getByTestId("message").filter({ hasText: "How many sets should I do each day?" });
  await expect(edited).toContainText("edited");
  await expect(physician.getByTestId("message").filter({ hasText: "How many sets should I do each day?" })).toBeVisible();
  alex.once("dialog", (dialog) => void dialog.accept());
  await edited.getByRole("button", { name: "Delete" }).click();
  await expect(alex.getByTestId("message").filter({ hasText: "Message deleted" })).toHaveCount(1);
  await expect(alex.getByText("How many sets should I do each day?")).toHaveCount(0);

  // A link to the thread opens it, with the reply and the deletion.
  await alex.goto(threadUrl);
  await expect(alex.getByTestId("messages").getByTestId("message")).toHaveCount(2);
  await expect(alex.getByTestId("message").filter({ hasText: "Message deleted" })).toHaveCount(1);

  await Promise.all([alexContext.close(), physicianContext.close()]);
});

test("a thread the patient may not see reads as not found, and the page loads no API client", async ({ page }) => {
  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  const batched: string[] = [];
  // The tRPC client batches its calls (…?batch=1); the patient's page makes none (the header's GETs are single calls).
  page.on("request", (request) => {
    if (request.url().includes("/api/trpc/") && request.url().includes("batch=1")) batched.push(request.url());
  });
  await page.goto("/me/messages?thread=00000000-0000-4000-8000-000000000000");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await expect(page.getByRole("region", { name: "Conversation" }).locator("[data-slot=alert]")).toContainText(/not found/i);
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveCount(0);
  expect(batched).toEqual([]);
});
