# SPDX-License-Identifier: GPL-3.0-or-later
# `cpack -G DEB` in a Release build: a .deb a Debian packager's lintian accepts (README, "Build a
# package and install it").
include(GNUInstallDirs)
set(COROSCOPE_MAINTAINER "Coroscope maintainers <coroscope@users.noreply.github.com>"
    CACHE STRING "The package's maintainer (Name <address>)")

# What Debian policy asks of every package: the copyright file and the changelog, compressed
# reproducibly (gzip -n: no name or time stamp).
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/coroscope)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright DESTINATION ${doc_dir})
set(changelog_gz ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND sh -c "${COROSCOPE_GZIP} -9n -c '${CMAKE_CURRENT_LIST_DIR}/changelog' > '${changelog_gz}'"
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog VERBATIM)
add_custom_target(coroscope-changelog ALL DEPENDS ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${doc_dir})

set(CPACK_PACKAGE_NAME coroscope)
set(CPACK_PACKAGE_VENDOR "The Coroscope authors")
set(CPACK_PACKAGE_CONTACT "${COROSCOPE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "watch async code run on a live timeline")
file(READ ${CMAKE_CURRENT_LIST_DIR}/description.txt CPACK_PACKAGE_DESCRIPTION)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${COROSCOPE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/coroscope/coroscope)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The libraries the binary links, found by dpkg-shlibdeps...
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# ...and what no linker sees: the Qt plugins loaded at run time. The SQLite driver of the run
# history and the demo database would otherwise come only as a recommendation of another
# package; the X11 platform plugin is in libqt6gui6.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6gui6, libqt6svg6")
# The Python twins of the patterns (src/core/patterns/python), run by hand beside the C++;
# Wayland without XWayland; Qt's own strings (dialog buttons) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "python3, python3-httpx, python3-aiosqlite, python3-requests, python3-tenacity, python3-fastapi, qt6-wayland, qt6-translations-l10n")
include(CPack)
