import { DISCIPLINE_HANDLES, type Discipline } from "../roles";

export interface MentionCandidate {
  userId: string;
  name: string;
  /** null for the patient. */
  discipline: Discipline | null;
}

export interface MentionResult {
  /** People to notify, deduplicated. */
  userIds: string[];
  /** The mention texts that matched nobody, e.g. "@Tom" or "@PT" when the team has no PT. */
  unknown: string[];
}

const HANDLE_TO_DISCIPLINE = new Map<string, Discipline>(
  (Object.entries(DISCIPLINE_HANDLES) as [Discipline, string][]).map(([discipline, handle]) => [handle.toLowerCase(), discipline]),
);
// Common spellings people type for the same disciplines.
for (const [alias, discipline] of [
  ["physio", "physical_therapist"],
  ["doctor", "pain_physician"],
  ["psych", "psychologist"],
] as const) {
  HANDLE_TO_DISCIPLINE.set(alias, discipline);
}

/** Names a person may be mentioned by: full name, name without a title ("Dr."), first name. */
function aliasesOf(name: string): string[] {
  const withoutTitle = name.replace(/^(dr|mr|mrs|ms|mx|prof)\.?\s+/i, "");
  const first = withoutTitle.split(/\s+/)[0] ?? withoutTitle;
  return [...new Set([name, withoutTitle, first].map((a) => a.toLowerCase()).filter((a) => a.length > 0))];
}

const NAME_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Finds `@PT`, `@physician`, `@OT`, `@psychologist` and `@Name` mentions. An `@` counts only at the
 * start or after a space or opening bracket, so e-mail addresses are not mentions. A name matches
 * the longest candidate alias (so "@Sam Lindqvist" and "@Sam" both work); a first name shared by
 * two people is ambiguous and reported as unknown.
 */
export function parseMentions(body: string, candidates: readonly MentionCandidate[]): MentionResult {
  const aliasOwners = new Map<string, Set<string>>();
  for (const c of candidates) {
    for (const alias of aliasesOf(c.name)) {
      const owners = aliasOwners.get(alias) ?? new Set<string>();
      owners.add(c.userId);
      aliasOwners.set(alias, owners);
    }
  }
  const aliases = [...aliasOwners.keys()].sort((a, b) => b.length - a.length);
  const userIds = new Set<string>();
  const unknown: string[] = [];
  const lower = body.toLowerCase();
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== "@") continue;
    const prev = i === 0 ? " " : body.charAt(i - 1);
    if (!/[\s([{"]/.test(prev)) continue;
    const rest = lower.slice(i + 1);
    const restOriginal = body.slice(i + 1);
    const word = /^[\p{L}\p{N}_.'-]+/u.exec(restOriginal)?.[0]?.replace(/[.'-]+$/, "") ?? "";
    if (!word) continue;
    const discipline = HANDLE_TO_DISCIPLINE.get(word.toLowerCase());
    const endsAt = (len: number) => len === rest.length || !NAME_CHAR.test(rest.charAt(len));
    if (discipline) {
      const members = candidates.filter((c) => c.discipline === discipline);
      if (members.length === 0) unknown.push(`@${word}`);
      for (const m of members) userIds.add(m.userId);
      i += word.length;
      continue;
    }
    const alias = aliases.find((a) => rest.startsWith(a) && endsAt(a.length));
    const owners = alias ? aliasOwners.get(alias) : undefined;
    if (alias && owners && owners.size === 1) {
      for (const owner of owners) userIds.add(owner);
      i += alias.length;
    } else {
      unknown.push(`@${word}`);
      i += word.length;
    }
  }
  return { userIds: [...userIds], unknown: [...new Set(unknown)] };
}
