#ifndef EG_CCAIRO_SHIM_H
#define EG_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#endif
