#ifndef EG_CQRENCODE_SHIM_H
#define EG_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
