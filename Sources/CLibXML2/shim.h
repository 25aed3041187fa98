#ifndef EG_CLIBXML2_SHIM_H
#define EG_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its public headers then include ICU's, whose UErrorCode
   clashes with the copy inside Foundation in any module that imports both. No API we use
   needs ICU types, so the headers are read as if libxml2 had been built without it. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
