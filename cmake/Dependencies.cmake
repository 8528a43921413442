# Every dependency comes from a Debian package (see scripts/setup.sh) and is found here.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pango pangocairo pangoft2)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-ft)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig freetype2)
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)  # libcurl4-openssl-dev: `sats data fetch` only
find_package(tomlplusplus REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(GTest REQUIRED)

# Libraries without pkg-config or CMake files of their own.
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY hpdf REQUIRED)
add_library(sats::hpdf INTERFACE IMPORTED)
target_include_directories(sats::hpdf SYSTEM INTERFACE ${HPDF_INCLUDE_DIR})
target_link_libraries(sats::hpdf INTERFACE ${HPDF_LIBRARY})

find_path(HYPHEN_INCLUDE_DIR hyphen.h REQUIRED)
find_library(HYPHEN_LIBRARY hyphen REQUIRED)
add_library(sats::hyphen INTERFACE IMPORTED)
target_include_directories(sats::hyphen SYSTEM INTERFACE ${HYPHEN_INCLUDE_DIR})
target_link_libraries(sats::hyphen INTERFACE ${HYPHEN_LIBRARY})

find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
add_library(sats::mustache INTERFACE IMPORTED)
target_include_directories(sats::mustache SYSTEM INTERFACE ${MUSTACHE_INCLUDE_DIR})

find_path(CMARK_INCLUDE_DIR cmark-gfm.h REQUIRED)
find_library(CMARK_LIBRARY cmark-gfm REQUIRED)
find_library(CMARK_EXT_LIBRARY cmark-gfm-extensions REQUIRED)
add_library(sats::cmark INTERFACE IMPORTED)
target_include_directories(sats::cmark SYSTEM INTERFACE ${CMARK_INCLUDE_DIR})
target_link_libraries(sats::cmark INTERFACE ${CMARK_EXT_LIBRARY} ${CMARK_LIBRARY})
