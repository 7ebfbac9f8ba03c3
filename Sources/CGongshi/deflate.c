#include "CGongshi.h"
#include <string.h>
#include <zlib.h>

long gongshi_deflate_piece(const unsigned char *in, size_t count, unsigned char *out, size_t capacity, int level) {
    z_stream s;
    memset(&s, 0, sizeof s);
    // Raw deflate (no zlib header): the bytes of a ZIP entry.
    if (deflateInit2(&s, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    s.next_in = (unsigned char *)in;
    s.avail_in = (uInt)count;
    s.next_out = out;
    s.avail_out = (uInt)capacity;
    // A sync flush ends the piece on a byte boundary without a final block: pieces made apart follow
    // one another as one stream.
    int rc = deflate(&s, Z_SYNC_FLUSH);
    long made = (rc == Z_OK && s.avail_in == 0 && s.avail_out > 0) ? (long)(capacity - s.avail_out) : -1;
    deflateEnd(&s);
    return made;
}

size_t gongshi_deflate_bound(size_t count) {
    // deflateBound's figure for a finished stream, plus the sync flush's empty stored block and slack.
    return (size_t)compressBound((uLong)count) + 64;
}

unsigned int gongshi_crc32(unsigned int crc, const unsigned char *bytes, size_t count) {
    uLong c = crc;
    while (count > 0) {
        uInt n = count > (1u << 30) ? (1u << 30) : (uInt)count;
        c = crc32(c, bytes, n);
        bytes += n;
        count -= n;
    }
    return (unsigned int)c;
}

unsigned int gongshi_crc32_combine(unsigned int first, unsigned int second, long long secondCount) {
    return (unsigned int)crc32_combine(first, second, (z_off_t)secondCount);
}

const char *gongshi_zlib_version(void) { return zlibVersion(); }
