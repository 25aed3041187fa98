#ifndef EG_CLIBCRYPTO_SHIM_H
#define EG_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
