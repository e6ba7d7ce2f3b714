import type { RuleFiring } from "./rules";
import { daysBetween } from "../dates/index";

/**
 * Which rule firings become new alerts.
 * - The same dedupe key never raises twice (the same answer on the same record is the same news).
 * - Urgent answers always raise otherwise: every new red-flag answer, every PHQ-9 with item 9 above
 *   0, whatever was acknowledged before and whatever the date.
 * - Review answers (PHQ-9 total 20+, spread of symptoms) do not raise while the same rule has an
 *   open alert: that alert is already in front of the team.
 * - Patterns (pain not improving, low adherence, …) also wait `cooldownDays` after an acknowledgement,
 *   so a persisting pattern does not raise every day.
 */
export const REVIEW_ALERT_COOLDOWN_DAYS = 14;

export interface ExistingAlert {
  ruleId: string;
  dedupeKey: string;
  /** Calendar day the alert was raised. */
  createdOn: string;
  acknowledged: boolean;
  /** Calendar day it was acknowledged, when it was. */
  acknowledgedOn?: string | null;
}

export function alertsToRaise(firings: readonly RuleFiring[], existing: readonly ExistingAlert[], today: string): RuleFiring[] {
  const keys = new Set(existing.map((a) => a.dedupeKey));
  return firings.filter((f) => {
    if (keys.has(f.dedupeKey)) return false;
    if (f.severity === "urgent") return true;
    const sameRule = existing.filter((a) => a.ruleId === f.ruleId);
    if (sameRule.some((a) => !a.acknowledged)) return false;
    if (f.kind === "answer") return true;
    return !sameRule.some((a) => daysBetween(a.acknowledgedOn ?? a.createdOn, today) < f.cooldownDays);
  });
}

/**
 * The latest day anywhere on Earth right now (UTC+14). The patient's local date is sent by their
 * device; anything after this cannot be today for anyone, so it is refused as a future date.
 */
export function latestPossibleToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
