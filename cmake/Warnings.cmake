# Warnings and sanitizers for every OrderPulse target (applied through orderpulse_options).
add_library(orderpulse_options INTERFACE)
target_compile_options(orderpulse_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(ORDERPULSE_SANITIZE)
    target_compile_options(orderpulse_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
    target_link_options(orderpulse_options INTERFACE -fsanitize=address,undefined)
endif()
