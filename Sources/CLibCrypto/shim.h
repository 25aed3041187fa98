#ifndef EG_CLIBCRYPTO_SHIM_H
#define EG_CLIBCRYPTO_SHIM_H
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string.h>

/* OpenSSL's stack accessors and allocator are macros, which Swift cannot call: these functions
   are the only way Swift reaches them. */
static inline int eg_sk_X509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *eg_sk_X509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline void eg_sk_X509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline void eg_openssl_free(void *p) { OPENSSL_free(p); }
static inline void *eg_openssl_malloc(size_t n) { return OPENSSL_malloc(n); }
static inline STACK_OF(X509) *eg_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int eg_sk_X509_push(STACK_OF(X509) *s, X509 *x) { return sk_X509_push(s, x); }
static inline void eg_sk_X509_free(STACK_OF(X509) *s) { sk_X509_free(s); }
static inline int eg_sk_CMS_SignerInfo_num(STACK_OF(CMS_SignerInfo) *s) { return sk_CMS_SignerInfo_num(s); }
static inline CMS_SignerInfo *eg_sk_CMS_SignerInfo_value(STACK_OF(CMS_SignerInfo) *s, int i) {
    return sk_CMS_SignerInfo_value(s, i);
}

/* RFC 2253 names with UTF-8 left as is (the flag is a macro expression). */
static inline unsigned long eg_name_flags_rfc2253_utf8(void) { return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB; }

/* The directory name of a GENERAL_NAME (a time-stamp token's TSA field), or NULL. */
static inline X509_NAME *eg_general_name_directory(GENERAL_NAME *name) {
    return name != NULL && name->type == GEN_DIRNAME ? name->d.directoryName : NULL;
}

/* The http(s) URIs of a certificate's CRL distribution points, one per line, into `buffer`
   (NUL-terminated, cut at `size`); returns how many were written. */
static inline int eg_crl_distribution_uris(X509 *certificate, char *buffer, size_t size) {
    int found = 0;
    size_t used = 0;
    if (size == 0) return 0;
    buffer[0] = 0;
    STACK_OF(DIST_POINT) *points = X509_get_ext_d2i(certificate, NID_crl_distribution_points, NULL, NULL);
    if (points == NULL) return 0;
    for (int i = 0; i < sk_DIST_POINT_num(points); i++) {
        DIST_POINT *point = sk_DIST_POINT_value(points, i);
        if (point->distpoint == NULL || point->distpoint->type != 0) continue;
        GENERAL_NAMES *names = point->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); j++) {
            GENERAL_NAME *name = sk_GENERAL_NAME_value(names, j);
            if (name->type != GEN_URI) continue;
            const char *uri = (const char *)ASN1_STRING_get0_data(name->d.uniformResourceIdentifier);
            size_t length = (size_t)ASN1_STRING_length(name->d.uniformResourceIdentifier);
            if (strncmp(uri, "http://", 7) != 0 && strncmp(uri, "https://", 8) != 0) continue;
            if (used + length + 2 > size || memchr(uri, 0, length) != NULL) continue;
            memcpy(buffer + used, uri, length);
            used += length;
            buffer[used++] = '\n';
            buffer[used] = 0;
            found++;
        }
    }
    sk_DIST_POINT_pop_free(points, DIST_POINT_free);
    return found;
}
#endif
