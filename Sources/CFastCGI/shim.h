#ifndef EG_CFASTCGI_SHIM_H
#define EG_CFASTCGI_SHIM_H
#include <fcgiapp.h>
#endif
