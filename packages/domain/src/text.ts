import { z } from "zod";

/**
 * The one rule for text arriving from outside. PostgreSQL cannot store a NUL character (U+0000) in a
 * text or JSON column, and a JSON column refuses a lone UTF-16 surrogate (half of an emoji cut in
 * two): either would fail the write as a server error. We refuse such text at the boundary rather
 * than strip it: a browser never sends these characters from a form, so they mean a broken client or
 * a probe, and silently changing what a clinician or patient wrote (or a password) would be worse
 * than asking them to send it again.
 */
export const UNSAFE_TEXT_MESSAGE = "This text contains a character that cannot be saved.";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` holds a NUL or a lone surrogate. */
export function hasUnsafeText(value: string): boolean {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

/** A string schema that refuses NUL and lone surrogates; chain `.trim()`, `.max()` etc. as usual. */
export function safeString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasUnsafeText(value), { error: UNSAFE_TEXT_MESSAGE });
}

/**
 * The path of the first string (value or object key) inside `value` that holds an unsafe character,
 * or null. Used once at the API boundary so no field — including free-form JSON that a schema keeps
 * as `unknown` — can carry one to the database.
 */
export function findUnsafeText(value: unknown): (string | number)[] | null {
  // An explicit stack rather than recursion: input nested thousands deep cannot overflow the call stack.
  const pending: Array<{ node: unknown; path: (string | number)[] }> = [{ node: value, path: [] }];
  const seen = new Set<object>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path } = next;
    if (typeof node === "string") {
      if (hasUnsafeText(node)) return path;
      continue;
    }
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node) || node instanceof Set) {
      const items = [...node];
      for (let i = items.length - 1; i >= 0; i -= 1) pending.push({ node: items[i], path: [...path, i] });
      continue;
    }
    const entries = node instanceof Map ? [...node.entries()] : Object.entries(node);
    for (const [key, item] of entries.reverse()) {
      if (typeof key === "string" && hasUnsafeText(key)) return [...path, key];
      pending.push({ node: item, path: [...path, typeof key === "string" || typeof key === "number" ? key : String(key)] });
    }
  }
  return null;
}

/** Largest value a PostgreSQL `integer` column holds: every whole-number input is bounded by it or less. */
export const INT4_MAX = 2_147_483_647;
