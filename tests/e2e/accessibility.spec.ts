import { checkPage, isSerious, runAxe, settle, visit } from "./axe";
import { expect, test } from "./fixtures";
import { signInAndWait, signOut } from "./helpers";

// Many patients with CRPS use the portal with limited hand function, a keyboard, a switch or a screen
// reader: every main page is checked in the real browser with axe (WCAG 2.0/2.1 A and AA) and fails on
// any serious or critical violation.
test("the check fails on a page with a serious violation", async ({ page }) => {
  // Guards the guard: if axe stopped running or the filter stopped matching, every page would "pass".
  await page.goto("/signin");
  await settle(page);
  await page.evaluate(() => {
    const field = document.createElement("input");
    field.id = "a11y-canary";
    const faint = document.createElement("p");
    faint.textContent = "Faint text";
    faint.style.color = "#c8ccd2";
    document.querySelector("main")?.append(field, faint);
  });
  const ids = (await runAxe(page)).filter(isSerious).map((f) => f.id);
  expect(ids).toEqual(expect.arrayContaining(["label", "color-contrast"]));
});

// Every page in both colour themes: the system's light and dark (no cookie, so the portal follows the
// system preference, as it does for anyone who has not chosen).
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

  test("clinician pages have no serious accessibility violations", async ({ page }) => {
    await signInAndWait(page, "physician@concord.demo", /\/patients$/);
    await checkPage(page, "/patients");
    // Jordan Lee: other journeys expect Alex's shared space to stay empty, and this one starts a team conversation.
    await page.getByRole("link", { name: "Jordan Lee" }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    const base = new URL(page.url()).pathname;
    await checkPage(page, `${base} (summary)`);
    await visit(page, `${base}/plan`);
    await visit(page, `${base}/plan/history`);
    await visit(page, `${base}/progress`);

    // Every questionnaire on the record-a-measure page is folded away; open them so they are checked too.
    await page.goto(`${base}/progress/measures`);
    await settle(page);
    for (const summary of await page.locator("details > summary").all()) await summary.click();
    await checkPage(page, `${base}/progress/measures`);

    await page.goto(`${base}/messages`);
    await page.getByRole("tab", { name: /Care team only/ }).click();
    await checkPage(page, `${base}/messages (team space)`);
    await page.getByRole("button", { name: "New conversation" }).click();
    await checkPage(page, `${base}/messages (new team conversation)`);
    await page.getByLabel("Topic").fill(`Accessibility review ${Date.now()}`);
    await page.getByLabel("First message").fill("Consider a larger-print home programme sheet?");
    await page.getByRole("button", { name: "Start conversation" }).click();
    await expect(page.getByTestId("messages").getByTestId("message")).toHaveCount(1);
    await checkPage(page, `${base}/messages (open team conversation)`);
    await page.getByRole("tab", { name: /With the patient/ }).click();
    await checkPage(page, `${base}/messages (shared space)`);

    await visit(page, "/worklist");
    await visit(page, "/notifications");
  });

  test("patient pages have no serious accessibility violations", async ({ page }) => {
    await signInAndWait(page, "alex@concord.demo", /\/me$/);
    await checkPage(page, "/me");
    for (const path of ["/me/plan", "/me/record-access", "/me/check-in", "/me/check-in/phq9", "/me/check-in/gad7", "/me/check-in/psfs", "/me/progress", "/me/messages", "/notifications"]) {
      await visit(page, path);
    }
    await page.goto("/me/messages");
    await page.getByRole("button", { name: "New conversation" }).click();
    await checkPage(page, "/me/messages (new conversation)");
  });

  test("admin page has no serious accessibility violations", async ({ page }) => {
    await signInAndWait(page, "admin@concord.demo", /\/admin$/);
    await checkPage(page, "/admin");
  });

  test("compliance and emergency-access pages have no serious accessibility violations", async ({ page }) => {
    await signInAndWait(page, "compliance@concord.demo", /\/compliance$/);
    await checkPage(page, "/compliance");
    for (const path of ["/compliance/emergency-access", "/compliance/emergency-access?status=reviewed", "/compliance/deleted-messages"]) await visit(page, path);
    await signOut(page);
    await signInAndWait(page, "outside@concord.demo", /\/patients$/);
    await visit(page, "/emergency-access");
  });

  test("sign-in and not-found pages have no serious accessibility violations", async ({ page }) => {
    await visit(page, "/signin");
    await visit(page, "/no-such-page");
  });
  });
}

test("the check-in can be completed by keyboard, with a visible focus indicator on every control", async ({ page }) => {
  await signInAndWait(page, "jordan@concord.demo", /\/me$/);
  await page.goto("/me/check-in");
  await settle(page);
  const editExisting = page.getByRole("button", { name: "Edit today’s check-in" });
  if (await editExisting.isVisible()) await editExisting.click();
  const form = page.getByRole("form", { name: /check-in/ });
  await expect(form).toBeVisible();
  // The optional sections are folded; open each from the keyboard (Enter on its summary) so every control is counted.
  const folded = form.locator("details:not([open]) > summary");
  for (let left = await folded.count(); left > 0; left = await folded.count()) {
    await folded.first().focus();
    await page.keyboard.press("Enter");
    await expect(folded).toHaveCount(left - 1);
  }

  // Tab reaches one radio per group (arrow keys move within it), so radios are counted per group.
  const expected = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]")].filter(
      // Rendered ones only: a control the layout hides at this width (the phone's Menu button) is not in the tab order.
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        el.tabIndex >= 0 &&
        (el as HTMLInputElement).type !== "hidden" &&
        el.closest("[inert], [hidden]") === null &&
        (el.getClientRects().length > 0 || el.closest("label")?.getClientRects().length),
    );
    const keys = new Set<string>();
    controls.forEach((el, i) => {
      el.dataset.a11yKey = el instanceof HTMLInputElement && el.type === "radio" ? `radio:${el.name}` : `control:${i}`;
      keys.add(el.dataset.a11yKey);
    });
    return [...keys];
  });
  expect(expected.length).toBeGreaterThan(20);

  // The style a control (or, for a visually hidden input, its label) has when it is not focused.
  const indicatorStyle = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const own = getComputedStyle(el);
      const hidden = Number(own.opacity) === 0 || el.getBoundingClientRect().width <= 1;
      const target = hidden ? (el.closest("label") ?? el) : el;
      const outlineOf = (s: CSSStyleDeclaration) => `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow} | ${s.borderColor}`;
      const focused = outlineOf(getComputedStyle(target));
      const visible = getComputedStyle(target).outlineStyle !== "none" && Number.parseFloat(getComputedStyle(target).outlineWidth) >= 2;
      el.blur();
      const resting = outlineOf(getComputedStyle(target));
      el.focus({ preventScroll: true });
      return { key: el.dataset.a11yKey ?? null, label: `${el.tagName.toLowerCase()} ${el.getAttribute("name") ?? el.textContent?.trim().slice(0, 40) ?? ""}`, changed: focused !== resting, visible };
    });

  await page.locator("body").focus();
  const reached = new Set<string>();
  const noIndicator: string[] = [];
  for (let i = 0; i < 400 && reached.size < expected.length; i++) {
    await page.keyboard.press("Tab");
    const style = await indicatorStyle();
    if (!style?.key) continue;
    reached.add(style.key);
    if (!style.changed || !style.visible) noIndicator.push(style.label);
  }
  expect(expected.filter((key) => !reached.has(key)), "controls Tab never reached").toEqual([]);
  expect([...new Set(noIndicator)], "controls without a visible focus indicator").toEqual([]);

  // Within a scale, the arrow keys choose the answer, as in any radio group.
  const painNow = page.getByRole("radiogroup", { name: "Pain right now" });
  await painNow.getByRole("radio").first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(painNow.getByRole("radio", { name: "Pain right now: 1", exact: true })).toBeChecked();
});
