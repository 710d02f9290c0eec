#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// The -I/usr/include/libxml2 flag comes from pkg-config (pkgConfig: "libxml-2.0").
//
// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes the system
// <unicode/ucnv.h>, whose UErrorCode clashes with Foundation's _FoundationICU
// ("'UErrorCode' has different definitions in different modules"). We never
// use libxml2's ICU converters, so hide them before any other libxml header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

// xmlFree is a global function-pointer *variable*; Swift 6 rejects reading
// mutable C globals, so call it through a function.
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }

#endif
