# cmake -DWEB_DIR=<build>/web -DSOURCE=<source>/web/src -DBUNDLE=<build>/web/bundle.js
#       -P check_bundle.cmake
# The HTML view's script is the same bytes when bundled again from another directory
# (an example output made from it is committed): esbuild run as the build runs it, on a
# second copy of web/src, and the two files compared.
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/html_bundle_args.cmake)
set(copy ${WEB_DIR}/src-again)
file(REMOVE_RECURSE ${copy})
file(COPY ${SOURCE}/ DESTINATION ${copy})
execute_process(COMMAND ${WEB_DIR}/node_modules/.bin/esbuild ${copy}/main.js ${SG_ESBUILD_ARGS}
  --outfile=${WEB_DIR}/bundle-again.js RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "esbuild failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${BUNDLE} ${WEB_DIR}/bundle-again.js
  RESULT_VARIABLE same)
file(REMOVE_RECURSE ${copy})
if(NOT same EQUAL 0)
  message(FATAL_ERROR "bundling web/src again gave other bytes than ${BUNDLE} "
    "(see ${WEB_DIR}/bundle-again.js)")
endif()
file(REMOVE ${WEB_DIR}/bundle-again.js)
message(STATUS "the bundle is reproducible")
