import { DISCIPLINE_HANDLES, DISCIPLINE_LABELS, type Discipline } from "../roles";
import type { MentionCandidate } from "./mentions";

export interface MentionSuggestion {
  /** What is inserted after the "@", e.g. "PT" or "Maya Okafor". */
  handle: string;
  /** What the list shows beside the handle. */
  description: string;
}

/** The "@" being typed at the caret: where it starts and what follows it so far. */
export interface ActiveMention {
  start: number;
  query: string;
}

// Same rule as parseMentions: an "@" counts at the start or after a space or opening bracket.
const BEFORE_AT = /[\s([{"]/;
// Names may contain spaces ("@Maya Ok"), so the query may too, but never a line break.
const QUERY = /^[\p{L}\p{N}_.' -]{0,40}$/u;

const withoutTitle = (name: string) => name.replace(/^(dr|mr|mrs|ms|mx|prof)\.?\s+/i, "");

/**
 * Handles valid in a conversation: the disciplines present among its participants (a discipline
 * nobody holds would be refused by the server) and each participant by name.
 */
export function mentionSuggestions(candidates: readonly MentionCandidate[]): MentionSuggestion[] {
  const disciplines = (Object.keys(DISCIPLINE_HANDLES) as Discipline[]).filter((d) => candidates.some((c) => c.discipline === d));
  return [
    ...disciplines.map((d) => ({ handle: DISCIPLINE_HANDLES[d], description: `${DISCIPLINE_LABELS[d]} on the team` })),
    ...[...candidates]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({ handle: withoutTitle(c.name), description: c.discipline ? `${c.name}, ${DISCIPLINE_LABELS[c.discipline]}` : `${c.name}, patient` })),
  ];
}

export function activeMention(text: string, caret: number): ActiveMention | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !BEFORE_AT.test(before.charAt(at - 1))) return null;
  const query = before.slice(at + 1);
  if (query.startsWith(" ") || !QUERY.test(query)) return null;
  return { start: at, query };
}

/** Suggestions whose handle, or any word of it, starts with what was typed. */
export function filterSuggestions(suggestions: readonly MentionSuggestion[], query: string): MentionSuggestion[] {
  const q = query.toLowerCase();
  return suggestions.filter((s) => {
    const handle = s.handle.toLowerCase();
    return handle.startsWith(q) || (!q.includes(" ") && handle.split(/\s+/).some((word) => word.startsWith(q)));
  });
}
