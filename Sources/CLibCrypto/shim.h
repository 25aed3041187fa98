#ifndef EG_CLIBCRYPTO_SHIM_H
#define EG_CLIBCRYPTO_SHIM_H
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/sha.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

/* OpenSSL's stack accessors and allocator are macros, which Swift cannot call: these functions
   are the only way Swift reaches them. */
static inline int eg_sk_X509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *eg_sk_X509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline void eg_sk_X509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline void eg_openssl_free(void *p) { OPENSSL_free(p); }
#endif
