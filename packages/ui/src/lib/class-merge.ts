/*
 * A small Tailwind class merger: a later class wins over an earlier one that sets the same property under
 * the same variants ("px-2 … px-4" keeps px-4; "p-3 … px-2" keeps both, as px-2 refines p-3; "px-2 … p-3"
 * keeps p-3 only). It does what tailwind-merge does for the utilities this design system uses, in about a
 * tenth of its size: tailwind-merge's default configuration alone is 7 kB gzipped in every page that has a
 * button, and patient pages have a 150 kB budget with 137 kB taken by React and Next.
 *
 * Its test (class-merge.test.ts) holds it to tailwind-merge's answer for every base class list of the ui
 * components combined with every class list written in the portal, so a class it does not know shows up there.
 */

type Group = string;

const DISPLAY = new Set([
  "block", "inline-block", "inline", "flex", "inline-flex", "grid", "inline-grid", "contents", "hidden",
  "table", "table-row", "table-cell", "table-caption", "table-header-group", "table-row-group", "flow-root", "list-item",
]);
const POSITION = new Set(["static", "fixed", "absolute", "relative", "sticky"]);
const EXACT: Record<string, Group> = {
  visible: "visibility", invisible: "visibility", collapse: "visibility",
  "sr-only": "sr", "not-sr-only": "sr",
  italic: "font-style", "not-italic": "font-style",
  uppercase: "text-transform", lowercase: "text-transform", capitalize: "text-transform", "normal-case": "text-transform",
  underline: "text-decoration", overline: "text-decoration", "line-through": "text-decoration", "no-underline": "text-decoration",
  truncate: "text-overflow", antialiased: "smoothing", "subpixel-antialiased": "smoothing",
  grow: "grow", shrink: "shrink", border: "border-w", rounded: "rounded", shadow: "shadow", ring: "ring-w",
  outline: "outline-style", transition: "transition", "tabular-nums": "fvn-spacing", "proportional-nums": "fvn-spacing",
  "break-words": "overflow-wrap", "break-all": "word-break", "break-keep": "word-break", "break-normal": "word-break",
  "wrap-break-word": "overflow-wrap", "wrap-anywhere": "overflow-wrap", "wrap-normal": "overflow-wrap",
  "outline-hidden": "outline-style", "outline-none": "outline-style",
};

/** Groups a later class of the key group removes from earlier classes too (p-4 replaces px-2). */
const OVERRIDES: Record<Group, Group[]> = {
  p: ["px", "py", "pt", "pr", "pb", "pl", "ps", "pe"], px: ["pr", "pl", "ps", "pe"], py: ["pt", "pb"],
  m: ["mx", "my", "mt", "mr", "mb", "ml", "ms", "me"], mx: ["mr", "ml", "ms", "me"], my: ["mt", "mb"],
  gap: ["gap-x", "gap-y"], size: ["w", "h"], overflow: ["overflow-x", "overflow-y"],
  inset: ["inset-x", "inset-y", "top", "right", "bottom", "left", "start", "end"], "inset-x": ["right", "left"], "inset-y": ["top", "bottom"],
  rounded: ["rounded-s", "rounded-e", "rounded-t", "rounded-r", "rounded-b", "rounded-l", "rounded-ss", "rounded-se", "rounded-ee", "rounded-es", "rounded-tl", "rounded-tr", "rounded-br", "rounded-bl"],
  "border-w": ["border-w-x", "border-w-y", "border-w-t", "border-w-r", "border-w-b", "border-w-l", "border-w-s", "border-w-e"],
  "border-w-x": ["border-w-r", "border-w-l"], "border-w-y": ["border-w-t", "border-w-b"],
  "border-color": ["border-color-x", "border-color-y", "border-color-t", "border-color-r", "border-color-b", "border-color-l"],
  flex: ["grow", "shrink", "basis"], "line-clamp": ["display", "overflow"],
  "place-items": ["items", "justify-items"], "place-content": ["content", "justify"], "place-self": ["self", "justify-self"],
  // sr-only sets its own size, padding, margin, overflow, white-space and position (tailwind-merge drops those too).
  sr: ["position", "w", "h", "size", "p", "px", "py", "pt", "pr", "pb", "pl", "ps", "pe", "m", "mx", "my", "mt", "mr", "mb", "ml", "ms", "me", "overflow", "overflow-x", "overflow-y", "whitespace"],
};

// Only the utilities the sources use (a class of any other kind is left alone; the test finds it if it matters).
// Longer prefixes first: "min-w" before "w".
const PREFIX_GROUPS = [
  "min-w", "min-h", "max-w", "max-h", "gap-x", "gap-y", "inset-x", "inset-y", "space-x", "space-y", "overflow-x", "overflow-y",
  "grid-cols", "col-span", "col-start", "justify-self", "justify-items", "place-items", "underline-offset", "line-clamp",
  "outline-offset", "pointer-events", "break-inside", "field-sizing", "translate-x", "translate-y",
  "px", "py", "pt", "pr", "pb", "pl", "ps", "pe", "p", "mx", "my", "mt", "mr", "mb", "ml", "ms", "me", "m",
  "w", "h", "size", "gap", "inset", "top", "right", "bottom", "left", "start", "end", "z", "order", "opacity", "basis",
  "items", "justify", "self", "content", "leading", "tracking", "cursor", "select", "animate", "fill", "stroke",
  "whitespace", "overflow", "rotate", "list", "align", "appearance", "float", "scroll", "transition", "caption",
];

const TEXT_SIZES = new Set(["xs", "sm", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl", "6xl", "7xl", "8xl", "9xl"]);
const TEXT_ALIGN = new Set(["left", "center", "right", "justify", "start", "end"]);
const FONT_WEIGHTS = new Set(["thin", "extralight", "light", "normal", "medium", "semibold", "bold", "extrabold", "black"]);
const SHADOW_SIZES = new Set(["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "none", "inner"]);
const BORDER_STYLES = new Set(["solid", "dashed", "dotted", "double", "hidden", "none"]);
const SIDES = new Set(["x", "y", "t", "r", "b", "l", "s", "e"]);
const CORNERS = new Set(["s", "e", "t", "r", "b", "l", "ss", "se", "ee", "es", "tl", "tr", "br", "bl"]);

const isLength = (v: string) => /^\d+(\.\d+)?$/.test(v) || /^\[(length:)?[\d.]+(px|rem|em|%)?\]$/.test(v) || v === "px";
const isArbitraryLength = (v: string) => /^\[(length:)?[\d.]+(px|rem|em|vh|vw|%)\]$/.test(v);

/** The property a utility (variants and ! removed) sets, or null for a class this merger leaves alone. */
function groupOf(utility: string): Group | null {
  const u = utility.startsWith("-") ? utility.slice(1) : utility;
  if (u.startsWith("[") && u.endsWith("]")) {
    const colon = u.indexOf(":");
    return colon > 0 ? `arbitrary:${u.slice(1, colon)}` : null;
  }
  if (DISPLAY.has(u)) return "display";
  if (POSITION.has(u)) return "position";
  if (EXACT[u]) return EXACT[u];
  if (u.startsWith("flex-")) {
    const v = u.slice(5);
    if (["row", "row-reverse", "col", "col-reverse"].includes(v)) return "flex-direction";
    if (["wrap", "nowrap", "wrap-reverse"].includes(v)) return "flex-wrap";
    return "flex";
  }
  if (u.startsWith("grow-")) return "grow";
  if (u.startsWith("shrink-")) return "shrink";
  if (u.startsWith("text-")) {
    const v = u.slice(5);
    if (TEXT_SIZES.has(v) || isArbitraryLength(v)) return "font-size";
    if (TEXT_ALIGN.has(v)) return "text-align";
    if (["wrap", "nowrap", "balance", "pretty"].includes(v)) return "text-wrap";
    if (["ellipsis", "clip"].includes(v)) return "text-overflow";
    return "text-color";
  }
  if (u.startsWith("font-")) {
    const v = u.slice(5);
    if (FONT_WEIGHTS.has(v)) return "font-weight";
    return "font-family";
  }
  if (u.startsWith("rounded-")) {
    const side = u.slice(8).split("-")[0] ?? "";
    return CORNERS.has(side) ? `rounded-${side}` : "rounded";
  }
  if (u.startsWith("shadow-")) return SHADOW_SIZES.has(u.slice(7)) ? "shadow" : "shadow-color";
  if (u.startsWith("ring-") && !u.startsWith("ring-offset-")) {
    const v = u.slice(5);
    return isLength(v) || v === "inset" ? (v === "inset" ? "ring-inset" : "ring-w") : "ring-color";
  }
  if (u.startsWith("outline-") && !u.startsWith("outline-offset-")) {
    const v = u.slice(8);
    if (isLength(v)) return "outline-w";
    if (BORDER_STYLES.has(v) || v === "hidden") return "outline-style";
    return "outline-color";
  }
  if (u.startsWith("border-")) {
    const parts = u.slice(7);
    if (["collapse", "separate"].includes(parts)) return "border-collapse";
    if (BORDER_STYLES.has(parts)) return "border-style";
    if (isLength(parts)) return "border-w";
    const [first = "", ...rest] = parts.split("-");
    if (SIDES.has(first)) {
      const v = rest.join("-");
      return v === "" || isLength(v) ? `border-w-${first}` : `border-color-${first}`;
    }
    return "border-color";
  }
  if (u.startsWith("divide-")) {
    const [axis = "", ...rest] = u.slice(7).split("-");
    if (axis === "x" || axis === "y") return rest.length === 0 || isLength(rest.join("-")) ? `divide-${axis}` : "divide-color";
    return BORDER_STYLES.has(axis) ? "divide-style" : "divide-color";
  }
  if (u.startsWith("decoration-")) {
    const v = u.slice(11);
    if (isLength(v) || v === "auto" || v === "from-font") return "decoration-thickness";
    if (["solid", "double", "dotted", "dashed", "wavy"].includes(v)) return "decoration-style";
    return "decoration-color";
  }
  if (u.startsWith("bg-")) {
    const v = u.slice(3);
    if (["fixed", "local", "scroll"].includes(v)) return "bg-attachment";
    if (["auto", "cover", "contain"].includes(v)) return "bg-size";
    if (v.startsWith("repeat") || v === "no-repeat") return "bg-repeat";
    if (v === "none" || v.startsWith("linear-") || v.startsWith("radial") || v.startsWith("conic")) return "bg-image";
    if (["bottom", "center", "left", "right", "top"].some((p) => v.startsWith(p))) return "bg-position";
    if (v.startsWith("clip-")) return "bg-clip";
    return "bg-color";
  }
  for (const prefix of PREFIX_GROUPS) {
    if (u.startsWith(`${prefix}-`)) return prefix;
  }
  return null;
}

/** Splits "md:hover:px-2" into its variants and utility, leaving colons inside brackets alone. */
function splitVariants(cls: string): { variants: string[]; utility: string } {
  const variants: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (c === ":" && depth === 0) {
      variants.push(cls.slice(start, i));
      start = i + 1;
    }
  }
  return { variants, utility: cls.slice(start) };
}

/** Merges a space-separated class list: of the classes that set one property under one set of variants, the last wins. */
export function mergeClasses(classList: string): string {
  const classes = classList.split(/\s+/).filter(Boolean);
  const taken = new Set<string>();
  const kept: string[] = [];
  for (let i = classes.length - 1; i >= 0; i--) {
    const cls = classes[i] as string;
    const { variants, utility } = splitVariants(cls);
    let important = "";
    let bare = utility;
    if (bare.startsWith("!")) [important, bare] = ["!", bare.slice(1)];
    else if (bare.endsWith("!")) [important, bare] = ["!", bare.slice(0, -1)];
    const group = groupOf(bare);
    if (group === null) {
      kept.push(cls);
      continue;
    }
    // Variants are sorted, as tailwind-merge does, so "md:hover:" and "hover:md:" are one scope.
    const scope = `${[...variants].sort().join(":")}${important}`;
    const key = `${scope}|${group}`;
    if (taken.has(key)) continue;
    kept.push(cls);
    taken.add(key);
    for (const covered of OVERRIDES[group] ?? []) taken.add(`${scope}|${covered}`);
  }
  return kept.reverse().join(" ");
}
