# Warnings and sanitizers for every OrderPulse target (applied through orderpulse_options).
add_library(orderpulse_options INTERFACE)
target_compile_options(orderpulse_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
# GCC 12 reports -Wrestrict inside std::string for `"text" + std::string(...)` at -O2 (GCC bug
# 105651, a false positive fixed in GCC 13): silence that one warning for GCC only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(orderpulse_options INTERFACE -Wno-restrict)
endif()
if(ORDERPULSE_SANITIZE)
    target_compile_options(orderpulse_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
    target_link_options(orderpulse_options INTERFACE -fsanitize=address,undefined)
endif()
