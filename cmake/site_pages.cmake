# site_pages.cmake: copies the site's pages into the built site with the one footer every page shares
# (site/parts/footer.html) put in place of its marker, the page's own link marked aria-current.
#   cmake -DPAGES="a.html;b.html" -DFOOTER=site/parts/footer.html -DOUT_DIR=build/site -P site_pages.cmake
# One footer, not twenty copies of it: a link added to it reaches every page.
file(READ ${FOOTER} footer)
foreach(page ${PAGES})
  get_filename_component(name ${page} NAME)
  file(READ ${page} html)
  string(REPLACE "href=\"${name}\">" "href=\"${name}\" aria-current=\"page\">" own "${footer}")
  string(REGEX REPLACE "<!-- site footer:[^>]*-->\n" "${own}" html "${html}")
  file(WRITE ${OUT_DIR}/${name}.tmp "${html}")
  file(COPY_FILE ${OUT_DIR}/${name}.tmp ${OUT_DIR}/${name} ONLY_IF_DIFFERENT)
  file(REMOVE ${OUT_DIR}/${name}.tmp)
endforeach()
