# Helpers shared by the folder CMakeLists.

# frontline_library(NAME SOURCES...): a static library whose headers are included as
# "geo/model/date.hpp" etc. from the project root.
function(frontline_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PRIVATE frontline_warnings)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
