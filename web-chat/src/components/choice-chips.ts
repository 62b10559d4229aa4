/** A row of clickable question chips: clarification choices, suggestions, follow-ups and examples. */
import { h } from "../dom.ts";

/** One chip: what it shows and the message it sends. */
export interface Chip {
  label: string;
  message: string;
}

/** A labelled group of chip buttons; clicking one sends its message. */
export function choiceChips(title: string, chips: readonly Chip[], onPick: (message: string) => void, kind: string): HTMLElement {
  return h(
    "div",
    { class: `chips chips-${kind}`, role: "group", "aria-label": title, "data-part": kind },
    h("span", { class: "chips-title", text: title }),
    chips.map((chip) => h("button", { type: "button", class: "chip", onclick: () => onPick(chip.message), title: chip.message, text: chip.label })),
  );
}
