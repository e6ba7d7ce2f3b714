import { type Browser, type BrowserContext, test as base, expect } from "@playwright/test";

// Specs import everything from here instead of @playwright/test, so every journey runs under the CSP guard.
export * from "@playwright/test";

const BINDING = "__concordCspViolation";

/**
 * Runs in every page before the portal's scripts: the browser fires `securitypolicyviolation` for
 * anything the Content-Security-Policy blocked (a script without the nonce, an inline handler, an
 * eval, a connection elsewhere) and the listener hands it to the test runner.
 */
function listenForViolations(binding: string) {
  document.addEventListener(
    "securitypolicyviolation",
    (event) => {
      const report = (window as unknown as Record<string, ((text: string) => void) | undefined>)[binding];
      const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "";
      report?.(`${event.effectiveDirective} blocked ${event.blockedURI || "an inline resource"} on ${document.location.pathname}${where}`);
    },
    true,
  );
}

/** Contexts already watched (the default context may come through the patched newContext too). */
const watched = new WeakSet<BrowserContext>();

async function watchForViolations(context: BrowserContext, violations: string[]) {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding(BINDING, (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(listenForViolations, BINDING);
  // Chromium also logs a blocked resource to the console ("Refused to load …"); count that too.
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
}

export const test = base.extend<{ cspViolations: string[]; cspGuard: undefined }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  cspViolations: async ({}, use) => {
    await use([]);
  },
  context: async ({ context, cspViolations }, use) => {
    await watchForViolations(context, cspViolations);
    await use(context);
  },
  // Journeys open extra contexts (a second person, a clean replay) with browser.newContext():
  // watch those too, then fail the journey if any page reported a violation.
  cspGuard: [
    async ({ browser, cspViolations }, use) => {
      const original = browser.newContext.bind(browser);
      const patched: Browser["newContext"] = async (options) => {
        const context = await original(options);
        await watchForViolations(context, cspViolations);
        return context;
      };
      browser.newContext = patched;
      try {
        await use(undefined);
      } finally {
        browser.newContext = original;
      }
      expect(cspViolations, "no page may report a Content-Security-Policy violation").toEqual([]);
    },
    { auto: true },
  ],
});
