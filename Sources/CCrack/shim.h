#ifndef EG_CCRACK_SHIM_H
#define EG_CCRACK_SHIM_H
/* crack.h uses size_t without including its header. */
#include <stddef.h>
#include <crack.h>
#endif
