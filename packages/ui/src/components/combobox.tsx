"use client";
import { Check, ChevronsUpDown } from "lucide-react";
import { Popover as PopoverPrimitive } from "radix-ui";
import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from "react";
import { cn } from "../lib/utils";
import { controlClassName } from "./input";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Other words it is found by (a code, a brand name). */
  keywords?: readonly string[];
  /** A second line under the label. */
  description?: ReactNode;
}

/** Options whose label or keywords contain every word typed, in order of the list. */
export function filterComboboxOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    const text = [o.label, ...(o.keywords ?? [])].join(" ").toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * Choose one from a long list by typing (the ARIA combobox pattern): a button shows the choice; it opens
 * a search box (focus moves into it) over a listbox. ArrowUp/Down move, Enter chooses, Escape closes and
 * returns focus to the button. With `name`, the value is submitted with the form.
 */
export function Combobox({
  id,
  options,
  value,
  onValueChange,
  placeholder = "Choose…",
  searchLabel = "Search",
  emptyText = "Nothing matches.",
  name,
  disabled,
  className,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
}: {
  id?: string;
  options: readonly ComboboxOption[];
  value: string | null;
  onValueChange: (value: string) => void;
  placeholder?: string;
  searchLabel?: string;
  emptyText?: string;
  name?: string;
  disabled?: boolean;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const matches = useMemo(() => filterComboboxOptions(options, query), [options, query]);
  const chosen = options.find((o) => o.value === value) ?? null;
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;

  const choose = (option: ComboboxOption) => {
    onValueChange(option.value);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (matches.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + matches.length) % matches.length);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : matches.length - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = matches[activeIndex];
      if (option) choose(option);
    }
  };

  return (
    <PopoverPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setQuery("");
          setActive(Math.max(0, options.findIndex((o) => o.value === value)));
        }
      }}
    >
      <PopoverPrimitive.Trigger
        id={id}
        type="button"
        role="combobox"
        aria-expanded={open}
        aria-haspopup="listbox"
        aria-controls={open ? listId : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        data-slot="combobox-trigger"
        className={cn(controlClassName, "flex min-h-10 cursor-pointer items-center justify-between gap-2 text-left pointer-coarse:min-h-11", !chosen && "text-muted-foreground", className)}
      >
        <span className="truncate">{chosen ? chosen.label : placeholder}</span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      </PopoverPrimitive.Trigger>
      {name ? <input type="hidden" name={name} value={value ?? ""} /> : null}
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          data-slot="combobox-content"
          align="start"
          sideOffset={4}
          className="z-50 w-(--radix-popover-trigger-width) min-w-64 rounded-lg border bg-popover p-1 text-popover-foreground shadow-lg data-[state=open]:animate-in"
        >
          <input
            type="text"
            role="combobox"
            aria-label={searchLabel}
            aria-autocomplete="list"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            className="mb-1 w-full rounded-md border border-input bg-card px-3 py-2 text-base text-card-foreground placeholder:text-muted-foreground"
            placeholder={searchLabel}
          />
          <div id={listId} role="listbox" aria-label={searchLabel} className="max-h-72 overflow-y-auto">
            {matches.length === 0 ? <p className="px-2.5 py-2 text-muted-foreground">{emptyText}</p> : null}
            {matches.map((option, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: aria-activedescendant pattern: focus stays in the search box
              // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles the keys (arrows, Enter) for every option
              <div
                key={option.value}
                id={optionId(i)}
                role="option"
                aria-selected={option.value === value}
                data-active={i === activeIndex ? "true" : undefined}
                className="relative flex min-h-10 cursor-pointer flex-col justify-center rounded-md py-2 pr-8 pl-2.5 data-[active=true]:bg-accent data-[active=true]:text-accent-foreground"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(option)}
              >
                <span className={cn(option.value === value && "font-semibold")}>{option.label}</span>
                {option.description ? <span className="text-sm text-muted-foreground">{option.description}</span> : null}
                {option.value === value ? <Check className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2" aria-hidden="true" /> : null}
              </div>
            ))}
          </div>
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
