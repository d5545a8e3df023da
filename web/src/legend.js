// The picture's legend, row for row.
import { el, swatch } from "./dom.js";

export function legendBox(data, t) {
  if (!data.legend.length) return null;
  const list = el("ul", { class: "sg-legend", id: "sg-legend" });
  for (const row of data.legend) {
    list.appendChild(el("li", {}, swatch(row?.color, row?.shape), String(row?.label ?? "")));
  }
  return el("section", {}, el("h2", {}, t.legend), list);
}
