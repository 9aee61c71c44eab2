/*
 * sha256.h — SHA-256 (FIPS 180-4), streamed: the report's fingerprint of
 * the rows it was built from (issue 13). No dependency, no allocation.
 */
#ifndef RAPPORTEUR_SHA256_H
#define RAPPORTEUR_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;              /* bytes hashed so far */
	unsigned char buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* The digest as 64 lower-case hex digits and a NUL into hex[65]. */
void sha256_hex(struct sha256 *s, char hex[65]);

#endif
