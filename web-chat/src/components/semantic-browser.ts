/** The semantic-layer browser: metrics, terms and dimensions with their 口径, filtered as the user types. */
import { h, replaceChildren } from "../dom.ts";
import { searchLayer } from "../api/api-shapes.ts";
import type { LayerEntry } from "../api/api-shapes.ts";
import type { Messages } from "../i18n/messages.ts";

/** A <dialog> listing the entries with a search box; open it with showModal(); onClose runs once it is closed, onAsk asks about an entry. */
export function semanticBrowser(entries: readonly LayerEntry[], messages: Messages, onClose: () => void, onAsk: (message: string) => void): HTMLDialogElement {
  const ask = (entry: LayerEntry) => {
    dialog.close();
    onAsk(entry.kind === "metric" ? messages.exampleMetric(entry.name) : messages.exampleTerm(entry.name));
  };
  const search = h("input", { type: "search", class: "layer-search", autofocus: true, "aria-label": messages.semanticSearch, placeholder: messages.semanticSearch });
  const results = h("div", { class: "layer-results", "aria-live": "polite" });
  const headings: Record<LayerEntry["kind"], string> = { metric: messages.metrics, term: messages.terms, dimension: messages.dimensions };
  const render = () => {
    const found = searchLayer(entries, search.value);
    if (found.length === 0) return replaceChildren(results, h("p", { class: "muted", text: messages.noMatches }));
    replaceChildren(
      results,
      (["metric", "term", "dimension"] as const).map((kind) => {
        const ofKind = found.filter((entry) => entry.kind === kind);
        return (
          ofKind.length > 0 &&
          h(
            "section",
            { class: `layer-section layer-${kind}` },
            h("h3", { text: `${headings[kind]} (${ofKind.length})` }),
            h(
              "dl",
              {},
              ofKind.map((entry) => [
                h(
                  "dt",
                  {},
                  entry.name,
                  h("code", { class: "member-id", text: entry.id }),
                  entry.names.length > 1 && h("span", { class: "synonyms", text: entry.names.slice(1, 5).join(" · ") }),
                  entry.kind !== "dimension" && h("button", { type: "button", class: "ask-about link", onclick: () => ask(entry), text: messages.askAbout(entry.name) }),
                ),
                h("dd", {}, entry.formula && h("code", { class: "formula", text: entry.formula }), entry.description && h("p", { class: "description", text: entry.description })),
              ]),
            ),
          )
        );
      }),
    );
  };
  search.addEventListener("input", render);
  render();
  const dialog = h(
    "dialog",
    { class: "layer-dialog", "aria-label": messages.semanticLayer, "data-part": "semantic-layer" },
    h(
      "div",
      { class: "dialog-body" },
      h("div", { class: "dialog-head" }, h("h2", { text: messages.semanticLayer }), h("button", { type: "button", class: "close", "aria-label": messages.close, onclick: () => dialog.close(), text: "×" })),
      search,
      results,
    ),
  );
  // A click on the backdrop lands on the dialog itself (its body fills the box).
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  // Escape in a filled search box only clears it in Chromium; here it closes the dialog as everywhere else.
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    onClose();
  });
  return dialog;
}
