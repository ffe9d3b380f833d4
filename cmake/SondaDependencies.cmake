# Finds the Debian-packaged libraries Sonda builds on and exposes them as imported targets.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# Document formats and language detection (sonda_extract).
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
find_package(pugixml REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
add_library(sonda::cld2 UNKNOWN IMPORTED)
set_target_properties(sonda::cld2 PROPERTIES IMPORTED_LOCATION ${CLD2_LIBRARY}
                                             INTERFACE_INCLUDE_DIRECTORIES ${CLD2_INCLUDE_DIR})
# Cross-language search: Apertium's French-Spanish dictionaries through lttoolbox (its .pc misses libxml2's
# include folder, which its headers need).
pkg_check_modules(LTTOOLBOX REQUIRED IMPORTED_TARGET lttoolbox)
pkg_check_modules(ICU_IO REQUIRED IMPORTED_TARGET icu-io)
# The programs' allocator: jemalloc (faster than glibc's malloc for Xapian's and the analysis's many small
# blocks, and it keeps large freed blocks for reuse), except under the sanitizers, which bring their own.
if(SONDA_JEMALLOC AND NOT SONDA_SANITIZE AND NOT SONDA_BUILD_FUZZ)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
endif()
