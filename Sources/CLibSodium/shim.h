#ifndef EG_CLIBSODIUM_SHIM_H
#define EG_CLIBSODIUM_SHIM_H
#include <sodium.h>

/* crypto_pwhash_STRBYTES and the argon2id constants are macros Swift may not import as
   values: these make them plain functions. */
static inline size_t eg_pwhash_strbytes(void) { return crypto_pwhash_STRBYTES; }
#endif
