# CPack: one installer per platform from the install rules in installer/Install.cmake.
#   Linux   cpack -G DEB        orderpulse_<version>-1_<arch>.deb   (scripts/package)
#   Windows cpack -G NSIS       OrderPulse-<version>-win64.exe
#   macOS   cpack -G DragNDrop  OrderPulse-<version>-Darwin.dmg
# Everything a package says about itself comes from project() in the root CMakeLists.txt.
set(CPACK_PACKAGE_NAME orderpulse)
set(CPACK_PACKAGE_VENDOR "OrderPulse developers")
set(CPACK_PACKAGE_CONTACT "OrderPulse developers <orderpulse@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines of at most 80 characters: the Debian control field shows them as they are.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "OrderPulse reads order events from Kafka or replays dataset files (NDJSON,"
    "CSV, XML) and shows live analytics in one native window: orders and sales"
    "per window, trends, popular items, RFM segments, customer grades and"
    "lifetime value, restaurant performance, delivery times and fraud alerts."
    "A one-week demo dataset is included. The orderpulse-cli tool generates,"
    "converts and analyses datasets headless.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY OrderPulse)
set(CPACK_PACKAGE_EXECUTABLES orderpulse OrderPulse)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/\\.cache/")
set(CPACK_VERBATIM_VARIABLES ON)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_PACKAGE_FILE_NAME "OrderPulse-${PROJECT_VERSION}-win64")
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()

# --- Debian ----------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME orderpulse)
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Libraries the programs link come from dpkg-shlibdeps; what Qt loads at run time does not show
# up there: the SQLite driver (embedded store), the xcb platform plugin, the SVG icon engine.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
# Korean text (names, the ko user interface) needs a CJK font; Qt's own strings in Korean.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# Debian policy wants a copyright file and a compressed changelog in /usr/share/doc/<package>.
if(UNIX AND NOT APPLE)
    find_program(ORDERPULSE_GZIP gzip REQUIRED)
    string(TIMESTAMP OP_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
    set(op_doc_build ${CMAKE_BINARY_DIR}/installer/doc)
    configure_file(${PROJECT_SOURCE_DIR}/installer/debian/changelog.in ${op_doc_build}/changelog.Debian @ONLY)
    add_custom_command(OUTPUT ${op_doc_build}/changelog.Debian.gz
        COMMAND ${ORDERPULSE_GZIP} -9nkf ${op_doc_build}/changelog.Debian
        DEPENDS ${op_doc_build}/changelog.Debian VERBATIM)
    add_custom_target(orderpulse_changelog ALL DEPENDS ${op_doc_build}/changelog.Debian.gz)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/debian/copyright ${op_doc_build}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/orderpulse)
    # Only for tags that do not apply to a package built upstream (the file says why).
    install(FILES ${PROJECT_SOURCE_DIR}/installer/debian/orderpulse.lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME orderpulse)
endif()

# --- Windows (NSIS) --------------------------------------------------------------------------
# The template already gives a start-menu folder with OrderPulse and Uninstall shortcuts
# (CPACK_PACKAGE_EXECUTABLES), an uninstaller and a license page (CPACK_RESOURCE_FILE_LICENSE).
set(CPACK_NSIS_PACKAGE_NAME OrderPulse)
if(WIN32 AND CMAKE_SIZEOF_VOID_P EQUAL 8)
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
endif()
set(CPACK_NSIS_DISPLAY_NAME "OrderPulse ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${PROJECT_SOURCE_DIR}/resources/icons/orderpulse.ico)
set(CPACK_NSIS_MUI_UNIICON ${PROJECT_SOURCE_DIR}/resources/icons/orderpulse.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\orderpulse.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN orderpulse.exe)
set(CPACK_CREATE_DESKTOP_LINKS orderpulse)

# --- macOS (DragNDrop) -----------------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME OrderPulse)
set(CPACK_DMG_FORMAT UDZO)
if(APPLE)
    set(CPACK_PACKAGE_FILE_NAME "OrderPulse-${PROJECT_VERSION}-Darwin")
    set(CPACK_PACKAGE_ICON ${PROJECT_SOURCE_DIR}/resources/icons/orderpulse.icns)
endif()

include(CPack)
