# What `cmake --install` puts where, per platform; cmake/Packaging.cmake (included at the end)
# turns it into a .deb (Linux), an NSIS installer (Windows) or a .dmg (macOS).
#
# The desktop application finds its demo dataset relative to its own executable
# (<exe dir>/../share/orderpulse/demo, ui/common/DemoData.cpp), so each layout below keeps that
# relation: Linux <prefix>/bin + <prefix>/share, Windows <install dir>\bin + \share, macOS
# OrderPulse.app/Contents/MacOS + Contents/share.
include(GNUInstallDirs)

set(ORDERPULSE_APP_ID io.github.orderpulse.OrderPulse)
set(ORDERPULSE_INSTALLER_DIR ${CMAKE_CURRENT_LIST_DIR})
set(ORDERPULSE_ICON_DIR ${PROJECT_SOURCE_DIR}/resources/icons)
set(ORDERPULSE_LINUX_DESKTOP FALSE)
if(UNIX AND NOT APPLE)
    set(ORDERPULSE_LINUX_DESKTOP TRUE)
endif()

# --- programs -------------------------------------------------------------------------------
if(APPLE AND ORDERPULSE_GUI)
    # The disk image holds only OrderPulse.app; the command-line tool lives inside the bundle.
    set(ORDERPULSE_BUNDLE_NAME OrderPulse)
    set(ORDERPULSE_BIN_DEST ${ORDERPULSE_BUNDLE_NAME}.app/Contents/MacOS)
    set(ORDERPULSE_DATA_DEST ${ORDERPULSE_BUNDLE_NAME}.app/Contents/share)
else()
    set(ORDERPULSE_BIN_DEST ${CMAKE_INSTALL_BINDIR})
    set(ORDERPULSE_DATA_DEST ${CMAKE_INSTALL_DATADIR})
endif()
# Windows has no system package manager: the DLLs the programs load (vcpkg, MSVC runtime) ship
# in bin/, beside them; Qt itself is deployed by windeployqt below.
set(ORDERPULSE_RUNTIME_SET "")
if(WIN32)
    set(ORDERPULSE_RUNTIME_SET RUNTIME_DEPENDENCY_SET orderpulse_runtime)
endif()
install(TARGETS orderpulse-cli ${ORDERPULSE_RUNTIME_SET} RUNTIME DESTINATION ${ORDERPULSE_BIN_DEST})

if(ORDERPULSE_GUI)
    install(TARGETS orderpulse ${ORDERPULSE_RUNTIME_SET} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} BUNDLE DESTINATION .)
    if(WIN32)
        # A window application (no console) with the icon Explorer and the shortcuts show.
        configure_file(${ORDERPULSE_INSTALLER_DIR}/orderpulse.rc.in ${CMAKE_BINARY_DIR}/installer/orderpulse.rc @ONLY)
        target_sources(orderpulse PRIVATE ${CMAKE_BINARY_DIR}/installer/orderpulse.rc)
        set_target_properties(orderpulse PROPERTIES WIN32_EXECUTABLE ON)
    elseif(APPLE)
        set(ORDERPULSE_ICNS ${ORDERPULSE_ICON_DIR}/orderpulse.icns)
        target_sources(orderpulse PRIVATE ${ORDERPULSE_ICNS})
        set_source_files_properties(${ORDERPULSE_ICNS} TARGET_DIRECTORY orderpulse
                                    PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
        set_target_properties(orderpulse PROPERTIES
            MACOSX_BUNDLE ON
            OUTPUT_NAME ${ORDERPULSE_BUNDLE_NAME}
            MACOSX_BUNDLE_INFO_PLIST ${ORDERPULSE_INSTALLER_DIR}/Info.plist.in
            MACOSX_BUNDLE_GUI_IDENTIFIER ${ORDERPULSE_APP_ID}
            MACOSX_BUNDLE_BUNDLE_NAME ${ORDERPULSE_BUNDLE_NAME}
            MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
            MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
            MACOSX_BUNDLE_ICON_FILE orderpulse.icns
            MACOSX_BUNDLE_COPYRIGHT "Copyright (c) 2026 OrderPulse developers, MIT License")
    endif()
endif()

# --- data ------------------------------------------------------------------------------------
install(FILES ${PROJECT_SOURCE_DIR}/resources/demo/orders.ndjson
        DESTINATION ${ORDERPULSE_DATA_DEST}/orderpulse/demo)

# --- Qt deployment on Windows and macOS (Linux uses the distribution's Qt packages) -----------
if(WIN32 OR APPLE)
    get_target_property(ORDERPULSE_QMAKE Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(ORDERPULSE_QT_BIN_DIR "${ORDERPULSE_QMAKE}" DIRECTORY)
endif()
if(WIN32)
    find_program(ORDERPULSE_WINDEPLOYQT windeployqt HINTS "${ORDERPULSE_QT_BIN_DIR}" REQUIRED)
    set(ORDERPULSE_DLL_DIRS "${ORDERPULSE_QT_BIN_DIR}")
    if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
        list(APPEND ORDERPULSE_DLL_DIRS "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
    endif()
    install(RUNTIME_DEPENDENCY_SET orderpulse_runtime DESTINATION ${CMAKE_INSTALL_BINDIR}
            PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
            POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll$"
            DIRECTORIES ${ORDERPULSE_DLL_DIRS})
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
    # windeployqt copies the Qt DLLs, the platform/style/image/sql plugins and Qt's own
    # translations next to the installed programs (CPack installs into its staging folder first).
    foreach(program orderpulse-cli orderpulse)
        if(TARGET ${program})
            install(CODE "
                set(dir \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
                execute_process(COMMAND \"${ORDERPULSE_WINDEPLOYQT}\" --verbose 0 --no-compiler-runtime
                                        --dir \"\${dir}\" \"\${dir}/${program}.exe\"
                                RESULT_VARIABLE rc)
                if(NOT rc EQUAL 0)
                    message(FATAL_ERROR \"windeployqt failed on ${program}.exe (\${rc})\")
                endif()")
        endif()
    endforeach()
elseif(APPLE AND ORDERPULSE_GUI)
    find_program(ORDERPULSE_MACDEPLOYQT macdeployqt HINTS "${ORDERPULSE_QT_BIN_DIR}" REQUIRED)
    # macdeployqt copies the Qt frameworks and plugins into the bundle and rewrites the load
    # paths of both programs (-executable= covers the command-line tool inside the bundle).
    # Rewriting load paths breaks the linker's signature, which Apple silicon requires: sign the
    # bundle again, ad hoc (a Developer ID identity replaces '-' for distribution).
    install(CODE "
        set(app \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${ORDERPULSE_BUNDLE_NAME}.app\")
        execute_process(COMMAND \"${ORDERPULSE_MACDEPLOYQT}\" \"\${app}\" -verbose=1
                                \"-executable=\${app}/Contents/MacOS/orderpulse-cli\" -codesign=-
                        RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR \"macdeployqt failed (\${rc})\")
        endif()")
endif()

# --- Linux desktop integration: icons, desktop entry, AppStream, man pages, Debian docs --------
if(ORDERPULSE_LINUX_DESKTOP)
    install(FILES ${ORDERPULSE_ICON_DIR}/orderpulse.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 22 24 32 48 64 128 256)
        install(FILES ${ORDERPULSE_ICON_DIR}/hicolor/${size}x${size}/apps/orderpulse.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    if(ORDERPULSE_GUI)
        install(FILES ${ORDERPULSE_INSTALLER_DIR}/${ORDERPULSE_APP_ID}.desktop
                DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
        install(FILES ${ORDERPULSE_INSTALLER_DIR}/${ORDERPULSE_APP_ID}.metainfo.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    endif()

    # Man pages are generated from the programs' --help (installer/ManPage.cmake): they need
    # programs that run on the build machine.
    if(CMAKE_CROSSCOMPILING)
        message(WARNING "Cross-compiling: the man pages are not generated")
    else()
        find_program(ORDERPULSE_GZIP gzip REQUIRED)
        set(ORDERPULSE_MAN_DIR ${CMAKE_BINARY_DIR}/installer/man)
        set(ORDERPULSE_MAN_PAGES "")
        set(man_programs orderpulse-cli cli)
        if(ORDERPULSE_GUI)
            list(APPEND man_programs orderpulse gui)
        endif()
        while(man_programs)
            list(POP_FRONT man_programs program mode)
            set(page ${ORDERPULSE_MAN_DIR}/${program}.1)
            add_custom_command(OUTPUT ${page}.gz
                COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:${program}> -DMODE=${mode}
                        -DTEMPLATE=${ORDERPULSE_INSTALLER_DIR}/${program}.1.in -DOUT=${page}
                        -DVERSION=${PROJECT_VERSION} -DHOMEPAGE=${PROJECT_HOMEPAGE_URL}
                        -P ${ORDERPULSE_INSTALLER_DIR}/ManPage.cmake
                # -n: no name or time stamp in the header, so the .gz is reproducible.
                COMMAND ${ORDERPULSE_GZIP} -9nf ${page}
                DEPENDS ${program} ${ORDERPULSE_INSTALLER_DIR}/${program}.1.in
                        ${ORDERPULSE_INSTALLER_DIR}/ManPage.cmake
                COMMENT "Generating the man page ${program}.1 from ${program} --help"
                VERBATIM)
            list(APPEND ORDERPULSE_MAN_PAGES ${page}.gz)
        endwhile()
        add_custom_target(orderpulse_man_pages ALL DEPENDS ${ORDERPULSE_MAN_PAGES})
        install(FILES ${ORDERPULSE_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endif()
endif()

include(${PROJECT_SOURCE_DIR}/cmake/Packaging.cmake)
