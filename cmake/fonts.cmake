# fonts.cmake: finds the UI fonts in Debian's font packages; they are copied at build time, never
# committed. Inter (fonts-inter) reads well at small sizes; DejaVu Sans is the fallback.
find_file(SCALING_FONT_REGULAR NAMES Inter-Regular.otf DejaVuSans.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/dejavu
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)  # host files, also under the Emscripten toolchain
find_file(SCALING_FONT_BOLD NAMES Inter-SemiBold.otf DejaVuSans-Bold.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/dejavu
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)  # host files, also under the Emscripten toolchain
if(NOT SCALING_FONT_REGULAR OR NOT SCALING_FONT_BOLD)
  message(FATAL_ERROR "UI fonts not found: run scripts/setup (fonts-inter, fonts-dejavu-core)")
endif()

# Copies the two fonts to DEST/fonts/regular and DEST/fonts/bold, the names the app looks for
# (stb_truetype reads TrueType and CFF outlines alike, so the extension carries nothing).
function(scaling_copy_fonts target dest)
  add_custom_command(TARGET ${target} PRE_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dest}/fonts
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${SCALING_FONT_REGULAR} ${dest}/fonts/regular
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${SCALING_FONT_BOLD} ${dest}/fonts/bold
    VERBATIM)
endfunction()
