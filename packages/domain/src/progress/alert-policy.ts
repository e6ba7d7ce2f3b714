import type { RuleFiring } from "./rules";
import { daysBetween } from "./dates";

/**
 * Which rule firings become new alerts. Dedupe keys stop the same data raising an alert twice;
 * the cooldown stops a persisting pattern (adherence low again today, pain still not improving)
 * raising a "review" alert every day. Urgent rules have no cooldown: every new red-flag answer or
 * PHQ-9 item 9 answer must reach the team.
 */
export const REVIEW_ALERT_COOLDOWN_DAYS = 14;

export interface ExistingAlert {
  ruleId: string;
  dedupeKey: string;
  /** Calendar day the alert was raised. */
  createdOn: string;
  acknowledged: boolean;
}

export function alertsToRaise(firings: readonly RuleFiring[], existing: readonly ExistingAlert[], today: string): RuleFiring[] {
  const keys = new Set(existing.map((a) => a.dedupeKey));
  return firings.filter((f) => {
    if (keys.has(f.dedupeKey)) return false;
    if (f.severity === "urgent") return true;
    return !existing.some(
      (a) => a.ruleId === f.ruleId && (!a.acknowledged || daysBetween(a.createdOn, today) < REVIEW_ALERT_COOLDOWN_DAYS),
    );
  });
}

/**
 * The latest day anywhere on Earth right now (UTC+14). The patient's local date is sent by their
 * device; anything after this cannot be today for anyone, so it is refused as a future date.
 */
export function latestPossibleToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
