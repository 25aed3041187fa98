#ifndef EG_CLIBCURL_SHIM_H
#define EG_CLIBCURL_SHIM_H
#include <curl/curl.h>
#endif
