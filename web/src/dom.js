// The only way the view makes elements: text goes in with textContent and values with
// setAttribute, never as HTML, since labels, sentences and metadata are untrusted.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link only for http(s) URLs; anything else (javascript:, data:) stays text.
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

export function swatch(color, shape) {
  const span = el("span", { class: `sg-swatch sg-shape-${shape || "box"}`, "aria-hidden": "true" });
  span.style.backgroundColor = typeof color === "string" ? color : "";
  return span;
}
