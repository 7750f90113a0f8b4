# fonts.cmake: the UI fonts come from Debian's font packages at build time, never committed.
# Inter (fonts-inter) reads well at small sizes; DejaVu Sans is the fallback. When pyftsubset
# (Debian's fonttools) is present, each font is cut down to the glyphs the app loads, which takes
# the two fonts from ~520 KB to ~70 KB of download.
find_file(SCALING_FONT_REGULAR NAMES Inter-Regular.otf DejaVuSans.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/dejavu
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)  # host files, also under the Emscripten toolchain
find_file(SCALING_FONT_BOLD NAMES Inter-SemiBold.otf DejaVuSans-Bold.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/dejavu
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT SCALING_FONT_REGULAR OR NOT SCALING_FONT_BOLD)
  message(FATAL_ERROR "UI fonts not found: run scripts/setup (fonts-inter, fonts-dejavu-core)")
endif()
find_program(SCALING_PYFTSUBSET pyftsubset NO_CMAKE_FIND_ROOT_PATH)

# The code points the app draws, the one list: the build cuts the font files to them and the app
# (shell/app.cpp, given it as SCALING_GLYPHS) rasterises exactly them. Latin-1 (what users type),
# Greek letters (alpha, beta in the formulas), general punctuation, super- and subscripts, and of
# the arrows and maths operators only those the texts use or a formula may: whole blocks cost 16 KB
# of the first view (bench/sizes.sh). tests/ui/test_glyphs.cpp checks the sources use nothing else.
set(SCALING_GLYPHS "U+0020-00FF,U+0391-03A9,U+03B1-03C9,U+2010-205E,U+2070-209F,U+2190-2195,U+2202,U+2206,U+2211,U+2212,U+2215,U+2219-221A,U+221E,U+2248,U+2260-2261,U+2264-2265")

# scaling_fonts(TARGET DEST): a target that writes DEST/fonts/regular and DEST/fonts/bold, the names
# the app looks for (stb_truetype reads TrueType and CFF outlines alike, so no extension is needed).
function(scaling_fonts target dest)
  set(outputs)
  foreach(style regular bold)
    string(TOUPPER ${style} STYLE)
    set(src ${SCALING_FONT_${STYLE}})
    set(out ${dest}/fonts/${style})
    if(SCALING_PYFTSUBSET)
      set(make ${SCALING_PYFTSUBSET} ${src} --unicodes=${SCALING_GLYPHS} --layout-features=
               --no-hinting --desubroutinize --output-file=${out})  # flat outlines compress better
    else()
      set(make ${CMAKE_COMMAND} -E copy ${src} ${out})
    endif()
    add_custom_command(OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dest}/fonts
      COMMAND ${make}
      DEPENDS ${src} VERBATIM)
    list(APPEND outputs ${out})
  endforeach()
  add_custom_target(${target} DEPENDS ${outputs})
endfunction()
