#ifndef EG_CLIBXML2_SHIM_H
#define EG_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
