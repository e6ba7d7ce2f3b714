import { COMMON_PASSWORDS } from "./common-passwords";
import type { UnusableLinkReason } from "./one-time-links";

/**
 * Password policy after NIST SP 800-63B §5.1.1.2: length is what counts (12 to 128 characters,
 * counted as Unicode code points, spaces and every printable character allowed), no composition
 * rules, no forced rotation; refuse what attackers try first — very common passwords, repeated
 * characters, sequences and keyboard walks — and words from the person's own account.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_MESSAGES = {
  tooShort: (length: number) =>
    `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}). A few unrelated words with spaces make a strong, memorable password.`,
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: "This password is on lists of commonly used passwords, so it is among the first ones guessed. Choose something less predictable, for example a few unrelated words.",
  pattern: "Do not use one character repeated, a simple sequence (such as “abcd…” or “1234…”) or a row of the keyboard (such as “qwerty…”).",
  email: "Do not use the name from your email address in your password.",
  name: "Do not use your own name as your password.",
} as const;

/** Length in code points, so an emoji or an accented letter counts once. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Letter swaps people use to "strengthen" a word; undone before looking the word up. */
const LEET: Record<string, string> = { "@": "a", "4": "a", "8": "b", "3": "e", "1": "i", "!": "i", "0": "o", $: "s", "5": "s", "7": "t", "+": "t" };

/** Rows and walks people type without thinking; a password inside one (either way) is refused. */
const WALKS = [
  "abcdefghijklmnopqrstuvwxyz",
  "qwertyuiopasdfghjklzxcvbnm",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "qwertzuiop",
  "azertyuiop",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "zaq12wsxcde34rfvbgt56yhnmju78ik9ol0p",
  "1q2w3e4r5t6y7u8i9o0p",
  "qazwsxedcrfvtgbyhnujmikolp",
  "!@#$%^&*()_+",
  "`1234567890-=",
];

/** Digits wrap (…8 9 0 1 2…), so "123456789012" is one sequence. */
const DIGIT_CYCLE = "1234567890".repeat(14);

function reverse(text: string): string {
  return [...text].reverse().join("");
}

/** A password that is one character repeated, a unit repeated ("abcabcabcabc"), a sequence or a walk. */
function isPattern(lower: string): boolean {
  const chars = [...lower];
  if (chars.length === 0) return false;
  // Any unit said three times or more ("2024!2024!2024!"), or a unit of up to four said twice.
  for (let unit = 1; unit < chars.length && (unit <= 4 || unit * 3 <= chars.length); unit++) {
    if (chars.length % unit === 0 && chars.every((c, i) => c === chars[i % unit])) return true;
  }
  // A run of code points going steadily up or down by one ("abcdefghijkl", "987654321098" is handled below).
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if ((step === 1 || step === -1) && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step)) return true;
  const compact = lower.replace(/\s+/g, "");
  if (DIGIT_CYCLE.includes(compact) || reverse(DIGIT_CYCLE).includes(compact)) return true;
  return WALKS.some((walk) => {
    const long = walk.repeat(Math.ceil(compact.length / walk.length) + 1);
    return long.includes(compact) || reverse(long).includes(compact);
  });
}

/** The password without the digits and symbols people pad a word with, and without spaces. */
function core(lower: string): string {
  return lower.replace(/\s+/g, "").replace(/^[^\p{L}]+/u, "").replace(/[^\p{L}]+$/u, "");
}

function unleet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join("");
}

/** "concordconcord", "password!password!": a listed word (or pattern) said twice or more. */
function isRepetitionOf(text: string, test: (unit: string) => boolean): boolean {
  const chars = [...text];
  for (let unit = 2; unit <= chars.length / 2; unit++) {
    if (chars.length % unit !== 0) continue;
    const first = chars.slice(0, unit).join("");
    if (first.repeat(chars.length / unit) === text && test(first)) return true;
  }
  return false;
}

function isListed(word: string): boolean {
  return word.length > 0 && COMMON_PASSWORDS.has(word);
}

/** True when the password is a common one, or a common word dressed up with padding or swaps. */
function isCommon(lower: string): boolean {
  const compact = lower.replace(/\s+/g, "");
  const candidates = new Set([compact, unleet(compact), core(lower), core(unleet(compact)), unleet(core(lower))]);
  for (const candidate of candidates) {
    if (isListed(candidate) || isRepetitionOf(candidate, (unit) => isListed(unit) || isListed(core(unit)))) return true;
    // "qwertyuiop12", "abcdefgh!!!!": a walk or sequence with padding.
    if (candidate !== compact && candidate.length >= 4 && isPattern(candidate)) return true;
  }
  // A password made only of padding ("2024!2024!2024"): its repeated unit is the pattern.
  return isRepetitionOf(compact, (unit) => isPattern(unit) || isListed(core(unit)));
}

/** Problems that do not depend on whose password it is: length, patterns, common passwords. */
/** The reasons that need no account (length, patterns, common passwords): the procedure inputs check these. */
export function contextFreeProblems(password: string): string[] {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return [PASSWORD_MESSAGES.tooShort(length)];
  if (length > PASSWORD_MAX_LENGTH) return [PASSWORD_MESSAGES.tooLong];
  const lower = password.normalize("NFKC").toLowerCase();
  if (isPattern(lower)) return [PASSWORD_MESSAGES.pattern];
  if (isCommon(lower)) return [PASSWORD_MESSAGES.common];
  return [];
}

export interface PasswordContext {
  /** The account's email: its local part (before "@", when 3 or more characters) must not be in the password. */
  email: string;
  /** The person's name: the password must not be just their name (padded or not). */
  name?: string | null | undefined;
}

/**
 * Every reason this password is refused for this person, in words they read next to the field;
 * an empty list means it is accepted.
 */
export function checkPassword(password: string, context: PasswordContext): string[] {
  const problems = contextFreeProblems(password);
  if (problems.length > 0 && passwordLength(password) < PASSWORD_MIN_LENGTH) return problems;
  if (passwordLength(password) > PASSWORD_MAX_LENGTH) return problems;
  const lower = password.normalize("NFKC").toLowerCase();
  const compact = lower.replace(/\s+/g, "");
  const localPart = (context.email.split("@")[0] ?? "").trim().toLowerCase();
  const localParts = new Set([localPart, localPart.split("+")[0] ?? ""].filter((part) => [...part].length >= 3));
  if ([...localParts].some((part) => compact.includes(part.replace(/\s+/g, "")) || unleet(compact).includes(part))) {
    problems.push(PASSWORD_MESSAGES.email);
  }
  const name = (context.name ?? "").normalize("NFKC").toLowerCase().trim();
  if (name) {
    const nameWords = new Set([name.replace(/\s+/g, ""), ...name.split(/\s+/)].filter((w) => [...w].length >= 3));
    const bare = new Set([core(lower), core(unleet(compact)), unleet(core(lower))]);
    const isName = (text: string) => nameWords.has(text) || isRepetitionOf(text, (unit) => nameWords.has(unit));
    if ([...bare].some(isName)) problems.push(PASSWORD_MESSAGES.name);
  }
  return problems;
}

/** The neutral answer to "forgot password", whatever happened: it never says whether the account exists. */
export const PASSWORD_RESET_REQUESTED_MESSAGE = "If an account exists for that address, we have sent a link. It works for 30 minutes.";

/** Why a password-reset link cannot be used; the page shows the message and a way to ask for a new link. */
export const RESET_LINK_MESSAGES: Record<UnusableLinkReason, string> = {
  invalid: "This password-reset link is not valid. Check that you copied the whole link, or ask for a new one.",
  expired: "This password-reset link has expired (links work for 30 minutes). Ask for a new one.",
  used: "This password-reset link has already been used. If you did not reset your password, ask for a new link now.",
  revoked: "A newer password-reset link has been sent, so this one no longer works. Use the newest email, or ask for a new link.",
  deactivated: "This account has been deactivated, so its password cannot be reset. Please contact your clinic.",
};
