# What `cmake --install` puts where (GNU layout); CPack packaging builds on these rules.
include(GNUInstallDirs)
install(FILES ${PROJECT_SOURCE_DIR}/resources/demo/orders.ndjson
        DESTINATION ${CMAKE_INSTALL_DATADIR}/orderpulse/demo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/orderpulse.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME orderpulse.svg)
if(ORDERPULSE_GUI)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.orderpulse.OrderPulse.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
endif()
