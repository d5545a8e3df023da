# The HTML view's script (issue 18, web/README.md): web/src bundled by esbuild into
# one minified IIFE, embedded into the library as sg_html_bundle / sg_html_bundle_len
# (SG_HTML_BUNDLE_C, compiled into stakegraph_obj). The packages come from npm's registry
# at the versions of web/package-lock.json, installed by `npm ci` into the build tree.
# Without node and npm (or with -DSG_HTML_VIEW=OFF, for a build without the registry)
# the symbols are still defined, with a length of 0, and the library refuses to write HTML.
option(SG_HTML_VIEW "Build the HTML view's script (node, npm and npm's registry needed)" ON)
find_program(SG_NODE NAMES node nodejs)
find_program(SG_NPM npm)

set(SG_WEB_DIR ${CMAKE_CURRENT_BINARY_DIR}/web)
set(SG_HTML_BUNDLE_JS ${SG_WEB_DIR}/bundle.js)
set(SG_HTML_BUNDLE_C ${SG_WEB_DIR}/html_bundle.c)
set(SG_HTML_EMBED ${CMAKE_CURRENT_LIST_DIR}/embed_bytes.cmake)

if(SG_HTML_VIEW AND SG_NODE AND SG_NPM)
  configure_file(web/package.json ${SG_WEB_DIR}/package.json COPYONLY)
  configure_file(web/package-lock.json ${SG_WEB_DIR}/package-lock.json COPYONLY)
  file(GLOB SG_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/web/src/*)
  # npm ci again only when the lockfile changes; the browser tests' packages
  # (devDependencies: puppeteer-core, pngjs) only for a build with the tests.
  if(DEFINED BUILD_TESTING AND NOT BUILD_TESTING)
    set(SG_NPM_OMIT --omit=dev)
  endif()
  add_custom_command(OUTPUT ${SG_WEB_DIR}/npm-ci.stamp
    COMMAND ${SG_NPM} ci ${SG_NPM_OMIT} --no-audit --no-fund --loglevel=error --prefix ${SG_WEB_DIR}
    COMMAND ${CMAKE_COMMAND} -E touch ${SG_WEB_DIR}/npm-ci.stamp
    DEPENDS ${SG_WEB_DIR}/package-lock.json ${SG_WEB_DIR}/package.json
    COMMENT "npm ci: the HTML view's packages (web/package-lock.json)" VERBATIM)
  # The sources are bundled from a copy next to the build tree's node_modules, so that
  # esbuild finds those packages and never a node_modules of the source tree.
  include(${CMAKE_CURRENT_LIST_DIR}/html_bundle_args.cmake)
  add_custom_command(OUTPUT ${SG_HTML_BUNDLE_JS}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${SG_WEB_DIR}/src
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_CURRENT_SOURCE_DIR}/web/src ${SG_WEB_DIR}/src
    COMMAND ${SG_WEB_DIR}/node_modules/.bin/esbuild ${SG_WEB_DIR}/src/main.js ${SG_ESBUILD_ARGS}
            --outfile=${SG_HTML_BUNDLE_JS}
    DEPENDS ${SG_WEB_DIR}/npm-ci.stamp ${SG_WEB_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/html_bundle_args.cmake
    COMMENT "esbuild: web/src/main.js -> web/bundle.js" VERBATIM)
  add_custom_command(OUTPUT ${SG_HTML_BUNDLE_C}
    COMMAND ${CMAKE_COMMAND} -DIN=${SG_HTML_BUNDLE_JS} -DOUT=${SG_HTML_BUNDLE_C}
            -DNAME=sg_html_bundle "-DFROM=web/ (esbuild)" -DSCRIPT=ON -P ${SG_HTML_EMBED}
    DEPENDS ${SG_HTML_BUNDLE_JS} ${SG_HTML_EMBED}
    COMMENT "Embedding the HTML view's script (web/html_bundle.c)" VERBATIM)
else()
  if(SG_HTML_VIEW)
    message(STATUS "node or npm not found: the HTML view (-o x.html) is disabled; "
      "install them (./setup.sh does) and configure again to enable it")
    set(SG_HTML_VIEW OFF) # for this run only: found next time once installed
  else()
    message(STATUS "SG_HTML_VIEW is OFF: the HTML view (-o x.html) is disabled")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -DOUT=${SG_HTML_BUNDLE_C} -DNAME=sg_html_bundle
                          "-DFROM=nothing (the HTML view disabled)" -P ${SG_HTML_EMBED}
    COMMAND_ERROR_IS_FATAL ANY)
endif()
