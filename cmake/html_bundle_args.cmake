# How esbuild bundles web/src/main.js: one minified IIFE, ASCII only, the CSS as text.
# Shared by the build (html_bundle.cmake) and the check that it is reproducible
# (tests/browser/check_bundle.cmake).
set(SG_ESBUILD_ARGS --bundle --minify --format=iife --target=es2020 --charset=ascii
  --loader:.css=text --log-level=warning)
