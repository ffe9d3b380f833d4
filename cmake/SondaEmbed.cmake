# sonda_embed_text(OUTPUT NAMESPACE FUNCTION FILE): generates OUTPUT, a C++ file defining
# `std::string_view NAMESPACE::FUNCTION()` that returns FILE's text; CMake re-runs when FILE changes.
function(sonda_embed_text output namespace function file)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(READ ${file} SONDA_EMBED_TEXT)
  set(SONDA_EMBED_NAMESPACE ${namespace})
  set(SONDA_EMBED_FUNCTION ${function})
  file(RELATIVE_PATH SONDA_EMBED_SOURCE ${PROJECT_SOURCE_DIR} ${file})
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_text.cpp.in ${output} @ONLY)
endfunction()

# sonda_embed_file(OUTPUT NAMESPACE FUNCTION FILE): like sonda_embed_text, for large files (vendored
# libraries): the assembler includes FILE's bytes (.incbin), so no compiler sees a huge string literal.
# The object is rebuilt when FILE changes.
function(sonda_embed_file output namespace function file)
  string(MAKE_C_IDENTIFIER "sonda_embedded_${namespace}_${function}" SONDA_EMBED_SYMBOL)
  set(SONDA_EMBED_NAMESPACE ${namespace})
  set(SONDA_EMBED_FUNCTION ${function})
  set(SONDA_EMBED_PATH ${file})
  file(RELATIVE_PATH SONDA_EMBED_SOURCE ${PROJECT_SOURCE_DIR} ${file})
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_file.cpp.in ${output} @ONLY)
  set_source_files_properties(${output} PROPERTIES OBJECT_DEPENDS ${file})
endfunction()
