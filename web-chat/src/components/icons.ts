/** Inline SVG icons (no icon font: the page must look the same without network fonts or emoji fonts). */

const SVG = "http://www.w3.org/2000/svg";

/** Thumb shapes (24×24, drawn for "up"; "down" is the same turned over). */
const THUMB_PATH = "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z";

/** A thumb icon, hidden from assistive technology (its button carries the label). */
export function thumbIcon(direction: "up" | "down"): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "18");
  svg.setAttribute("height", "18");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", THUMB_PATH);
  path.setAttribute("fill", "currentColor");
  if (direction === "down") path.setAttribute("transform", "rotate(180 12 12)");
  svg.appendChild(path);
  return svg;
}
