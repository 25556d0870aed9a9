# Installing like a program: PREFIX/bin/frontline, its data under PREFIX/share/frontline (found
# relative to the executable, so the tree can move), a man page made from --help, and a .deb (cpack).
include(GNUInstallDirs)

install(TARGETS frontline RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The data as it is at install time: the world data is included when tools/setup.sh has built it.
install(DIRECTORY ${FRONTLINE_ASSET_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/frontline
        PATTERN ".build.*" EXCLUDE PATTERN ".stamp" EXCLUDE PATTERN "*.tmp*" EXCLUDE)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${PROJECT_BINARY_DIR}/frontline.1
    COMMAND ${CMAKE_COMMAND} -E env FRONTLINE_ASSETS=${FRONTLINE_ASSET_DIR}
            ${PROJECT_SOURCE_DIR}/cmake/frontline-man.sh $<TARGET_FILE:frontline> ${PROJECT_BINARY_DIR}/frontline.1
    DEPENDS frontline ${PROJECT_SOURCE_DIR}/cmake/frontline-man.sh
    COMMENT "Writing the man page frontline.1 from --help")
  add_custom_target(frontline_man ALL DEPENDS ${PROJECT_BINARY_DIR}/frontline.1)
  install(FILES ${PROJECT_BINARY_DIR}/frontline.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (tools/setup.sh installs it)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME frontline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "frontline maintainers <frontline@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dependencies from the linked libraries (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core | fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ffmpeg")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)  # the world data makes xz slow
include(CPack)
