// The HTML file of web/README.md around a DATA object and the bundle, written here as
// the C writer writes it: for the tests that need a network of their own (the injection
// strings, the 10,000-actor network), and to work on the view without the library.
"use strict";

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:";

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// JSON that cannot close its script: <, > and & as \u escapes, and U+2028/U+2029 too.
function scriptJson(data) {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function envelope(data, bundle) {
  if (/<\/script/i.test(bundle)) throw new Error("the bundle contains </script");
  return [
    "<!DOCTYPE html>",
    `<html lang="${data.lang === "en" ? "en" : "fr"}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${escapeHtml(data.title || "stakegraph")}</title>`,
    "</head>",
    "<body>",
    `<script type="application/json" id="sg-data">${scriptJson(data)}</script>`,
    `<script>${bundle}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

module.exports = { envelope, scriptJson };
