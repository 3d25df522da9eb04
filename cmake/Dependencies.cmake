# ICU, nlohmann/json and Catch2 as imported targets, native or wasm.
#   goldspan::icu       ICU common (break iteration) + i18n (regex, for core/search) + data
#                       (native: Debian's; wasm: stub, data at run time)
#   goldspan::headers   header-only deps (nlohmann, catch2)
add_library(goldspan_headers INTERFACE)
add_library(goldspan::headers ALIAS goldspan_headers)

if(EMSCRIPTEN)
  set(_icu_src "${GOLDSPAN_DEPS}/icu/source")
  set(_icu_lib "${GOLDSPAN_DEPS}/icu-wasm/lib")
  foreach(_f "${_icu_lib}/libicuuc.a" "${_icu_lib}/libicustub.a" "${GOLDSPAN_ICU_DATA}" "${GOLDSPAN_ICU_DICT_DATA}")
    if(NOT EXISTS "${_f}")
      message(FATAL_ERROR "${_f} is missing: run scripts/setup.sh first")
    endif()
  endforeach()
  add_library(goldspan_icu INTERFACE)
  target_include_directories(goldspan_icu SYSTEM INTERFACE "${_icu_src}/common")
  target_compile_definitions(goldspan_icu INTERFACE U_STATIC_IMPLEMENTATION)
  # i18n (RegexMatcher, used by core/search) only when setup has built it for wasm.
  if(EXISTS "${_icu_lib}/libicui18n.a")
    target_include_directories(goldspan_icu SYSTEM INTERFACE "${_icu_src}/i18n")
    target_link_libraries(goldspan_icu INTERFACE "${_icu_lib}/libicui18n.a")
  endif()
  target_link_libraries(goldspan_icu INTERFACE "${_icu_lib}/libicuuc.a" "${_icu_lib}/libicustub.a")
  # The sysroot does not search /usr/include: setup.sh stages nlohmann and catch2 here.
  target_include_directories(goldspan_headers SYSTEM INTERFACE "${GOLDSPAN_DEPS}/include")
  # Exceptions are off by default in Emscripten; the core reports bad input by throwing.
  add_compile_options(-fexceptions)
  add_link_options(-fexceptions -sALLOW_MEMORY_GROWTH=1)
else()
  find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
  add_library(goldspan_icu INTERFACE)
  target_link_libraries(goldspan_icu INTERFACE ICU::i18n ICU::uc ICU::data)
  find_package(nlohmann_json 3.10 REQUIRED)
  target_link_libraries(goldspan_headers INTERFACE nlohmann_json::nlohmann_json)
endif()
add_library(goldspan::icu ALIAS goldspan_icu)

# Wasm programs run under node (tests, benchmarks, CLI-style tools).
function(goldspan_node_program target)
  if(EMSCRIPTEN)
    target_link_options(${target} PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1)
    set_target_properties(${target} PROPERTIES SUFFIX ".js"
      CROSSCOMPILING_EMULATOR "node;--no-experimental-fetch")
  endif()
endfunction()
