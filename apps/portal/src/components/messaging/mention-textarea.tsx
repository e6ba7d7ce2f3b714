"use client";
import { type TextareaHTMLAttributes, useId, useMemo, useRef, useState } from "react";
import { DISCIPLINE_HANDLES, type MentionCandidate, activeMention, filterSuggestions, mentionSuggestions } from "@concord/domain/client";
import { Textarea } from "@concord/ui/textarea";
import { cn } from "@concord/ui/utils";

export const MENTION_HINT = `Type @ to mention someone in this conversation by name, or a discipline (${Object.values(DISCIPLINE_HANDLES)
  .map((h) => `@${h}`)
  .join(", ")}).`;

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "role"> & {
  id: string;
  value: string;
  onValueChange: (value: string) => void;
  /** The people in this conversation (the same list the server checks mentions against). */
  candidates: readonly MentionCandidate[];
};

/**
 * A textarea that suggests valid @handles while an "@" is being typed. The textarea stays focused
 * (combobox pattern with aria-activedescendant): ArrowUp/Down move, Enter or Tab insert, Escape
 * closes; Enter without an open list still makes a new line.
 */
export function MentionTextarea({ id, value, onValueChange, candidates, onKeyDown, ...rest }: Props) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // The "@" whose list was closed with Escape stays closed until another "@" is typed.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const suggestions = useMemo(() => mentionSuggestions(candidates), [candidates]);

  const mention = activeMention(value, caret);
  const matches = mention && mention.start !== dismissedAt ? filterSuggestions(suggestions, mention.query).slice(0, 10) : [];
  const open = matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  const insert = (handle: string) => {
    if (!mention) return;
    const text = `@${handle} `;
    const next = value.slice(0, mention.start) + text + value.slice(caret);
    const position = mention.start + text.length;
    onValueChange(next);
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => ref.current?.setSelectionRange(position, position));
  };

  return (
    <div className="relative">
      <Textarea
        {...rest}
        ref={ref}
        id={id}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onChange={(e) => {
          const position = e.target.selectionStart ?? e.target.value.length;
          if (activeMention(e.target.value, position)?.start !== dismissedAt) setDismissedAt(null);
          onValueChange(e.target.value);
          setCaret(position);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onBlur={() => setDismissedAt(mention?.start ?? null)}
        onFocus={() => setDismissedAt(null)}
        onKeyDown={(e) => {
          const choice = matches[activeIndex];
          if (open && mention && choice) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              const step = e.key === "ArrowDown" ? 1 : -1;
              setActive((activeIndex + step + matches.length) % matches.length);
              return;
            }
            if ((e.key === "Enter" || e.key === "Tab") && !e.shiftKey) {
              e.preventDefault();
              insert(choice.handle);
              return;
            }
            if (e.key === "Escape") {
              e.preventDefault();
              setDismissedAt(mention.start);
              return;
            }
          }
          onKeyDown?.(e);
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="People and disciplines to mention"
        hidden={!open}
        className="absolute top-full left-0 z-10 mt-1 w-max max-w-[calc(100vw-2rem)] min-w-72 rounded-lg border bg-popover py-1 text-popover-foreground shadow-lg"
        data-testid="mention-list"
      >
        {matches.map((s, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: combobox with aria-activedescendant: focus stays in the textarea, options are never focused
          <div
            key={s.handle}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            // The active option is marked by a bar as well as the background, not colour alone.
            className={cn("cursor-pointer border-l-4 border-transparent px-3 py-1.5", i === activeIndex && "border-primary bg-accent text-accent-foreground")}
            // mousedown, not click: the textarea keeps focus and its caret.
            onMouseDown={(e) => {
              e.preventDefault();
              insert(s.handle);
            }}
          >
            <strong>@{s.handle}</strong> <span className={i === activeIndex ? undefined : "text-muted-foreground"}>{s.description}</span>
          </div>
        ))}
      </div>
      <span className="sr-only" aria-live="polite">
        {open ? `${matches.length} suggestion${matches.length === 1 ? "" : "s"}; use the arrow keys and Enter to choose.` : ""}
      </span>
    </div>
  );
}
