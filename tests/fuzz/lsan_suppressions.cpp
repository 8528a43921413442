// LeakSanitizer suppressions of the fuzz targets that lay out pages (linked into them): the
// leaks of libraries that are no fault of sats. fontconfig leaks a few bytes while it parses the
// system's font configuration, once per process, when pango first loads it.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
