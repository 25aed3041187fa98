#ifndef EG_CLIBPQ_SHIM_H
#define EG_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
