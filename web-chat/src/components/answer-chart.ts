/** The answer's Vega-Lite chart, rendered locally by vega-embed (loaded on demand: vega is large). */
import { h } from "../dom.ts";
import type { Messages } from "../i18n/messages.ts";

/** A chart container; the chart is drawn into it once vega-embed has loaded. */
export function answerChart(spec: Record<string, unknown>, messages: Messages): HTMLElement {
  const target = h("div", { class: "chart-target" });
  const container = h("figure", { class: "answer-chart", "aria-label": messages.chart, "data-part": "chart", "data-state": "loading" }, target);
  void import("vega-embed")
    .then(async ({ default: embed }) => {
      // A chart without a width fills its card; explicit widths are kept.
      const sized = "width" in spec || "facet" in spec || "hconcat" in spec || "vconcat" in spec || "concat" in spec ? spec : { ...spec, width: "container" };
      // logLevel 1 (errors only): vega 6's build reports its version as 5.33.1, and embed warns about the mismatch.
      await embed(target, sized as never, { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false }, tooltip: true, logLevel: 1 });
      container.dataset.state = "ready";
    })
    .catch((error: unknown) => {
      container.dataset.state = "failed";
      target.replaceChildren(h("p", { class: "chart-error", role: "note", text: messages.chartFailed }));
      console.error("chart", error);
    });
  return container;
}
