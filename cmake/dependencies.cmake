# dependencies.cmake: header-only libraries from Debian, exposed as targets for native and web.
# Under emcmake, find_package cannot see the host's packages, and -I/usr/include would drag host
# glibc headers into the WASM build. So on the web each package gets a folder
# of its own: a symlink to just that package's headers.

if(EMSCRIPTEN)
  set(_host_inc ${CMAKE_BINARY_DIR}/host-include)
  file(MAKE_DIRECTORY ${_host_inc})
  foreach(_pkg nlohmann doctest LBFGSpp LBFGS.h)
    if(NOT EXISTS ${_host_inc}/${_pkg})
      file(CREATE_LINK /usr/include/${_pkg} ${_host_inc}/${_pkg} SYMBOLIC)
    endif()
  endforeach()
  add_library(dep_json INTERFACE)
  target_include_directories(dep_json SYSTEM INTERFACE ${_host_inc})
  # The browser catches no exception but LBFGSpp's (core/fit.cpp), so a throw from nlohmann would
  # end the page either way; JSON_NOEXCEPTION aborts at once and drops each throw site's message
  # building, KBs of the first view (bench/sizes.sh).
  target_compile_definitions(dep_json INTERFACE JSON_NOEXCEPTION)
  add_library(dep_eigen INTERFACE)
  target_include_directories(dep_eigen SYSTEM INTERFACE /usr/include/eigen3 ${_host_inc})  # + LBFGSpp
  add_library(dep_doctest INTERFACE)
  target_include_directories(dep_doctest SYSTEM INTERFACE ${_host_inc})
else()
  find_package(nlohmann_json 3 CONFIG REQUIRED)
  find_package(Eigen3 3.3 CONFIG REQUIRED)
  find_package(doctest CONFIG REQUIRED)
  find_package(CLI11 CONFIG REQUIRED)
  find_package(glfw3 3.3 CONFIG REQUIRED)
  find_package(OpenGL REQUIRED)
  add_library(dep_json INTERFACE)
  target_link_libraries(dep_json INTERFACE nlohmann_json::nlohmann_json)
  add_library(dep_eigen INTERFACE)
  target_link_libraries(dep_eigen INTERFACE Eigen3::Eigen)
  add_library(dep_doctest INTERFACE)
  target_link_libraries(dep_doctest INTERFACE doctest::doctest)
endif()

# Dear ImGui from Debian's source package (scripts/setup). The demo windows are compiled out;
# the file functions stay on natively, and the app loads its fonts from memory on both sides.
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup")
endif()
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/imgui_demo.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
# Third-party code: its warnings are not ours to fix.
target_compile_options(imgui PRIVATE -w)

# Platform + renderer backends: GLFW and OpenGL3 natively; Emscripten's built-in GLFW and WebGL2.
add_library(imgui_backends STATIC
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui)
target_compile_options(imgui_backends PRIVATE -w)
if(EMSCRIPTEN)
  # WebGL2 is GL ES 3: the backend would assume ES2/WebGL1 on Emscripten unless told.
  target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_link_options(imgui_backends PUBLIC -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
else()
  target_link_libraries(imgui_backends PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()
