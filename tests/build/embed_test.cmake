# cmake -DEMBED=cmake/embed_bytes.cmake -DDIR=scratch -P embed_test.cmake
# cmake/embed_bytes.cmake writes a file's bytes as a C array and its length, and with
# SCRIPT refuses a script that would end its <script> element early.
file(MAKE_DIRECTORY ${DIR})
file(WRITE ${DIR}/plain.txt "ab\tc</SCRIPT>")
execute_process(COMMAND ${CMAKE_COMMAND} -DIN=${DIR}/plain.txt -DOUT=${DIR}/plain.c -DNAME=sg_t
                        -DFROM=test -P ${EMBED} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "embedding a plain file failed (${rc})")
endif()
file(READ ${DIR}/plain.c c)
foreach(want "const size_t sg_t_len = 13;" "const char sg_t[] = {\n0x61,0x62,0x09,0x63,0x3c,"
             "0x54,0x3e,0x00};" "extern const char sg_t[];")
  string(FIND "${c}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "plain.c lacks '${want}':\n${c}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -DIN=${DIR}/plain.txt -DOUT=${DIR}/script.c -DNAME=sg_t
                        -DFROM=test -DSCRIPT=ON -P ${EMBED} RESULT_VARIABLE rc
                        ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "cannot be inlined")
  message(FATAL_ERROR "a script with </SCRIPT> was embedded (${rc}): ${err}")
endif()
if(EXISTS ${DIR}/script.c)
  message(FATAL_ERROR "a refused script left ${DIR}/script.c")
endif()
message(STATUS "embed_bytes.cmake: 2 checks passed")
