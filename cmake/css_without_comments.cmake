# css_without_comments.cmake: copies a stylesheet without its /* comments */ and blank lines, run as
#   cmake -DIN=app.css -DOUT=site/app.css -P css_without_comments.cmake
# The comments give reasons to whoever edits the source; the first view's download budget
# (bench/sizes.sh) is better spent on the app. CSS has no other use of "/*", so a pattern suffices.
file(READ ${IN} css)
string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" css "${css}")
string(REGEX REPLACE "\n[ \t]*\n+" "\n" css "${css}")
string(REGEX REPLACE "^[ \t\n]+" "" css "${css}")
file(WRITE ${OUT}.tmp "${css}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
