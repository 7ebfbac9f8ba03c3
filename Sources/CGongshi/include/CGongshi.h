#ifndef CGONGSHI_H
#define CGONGSHI_H

#include <stddef.h>

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. when the file system lacks support).
int gongshi_exchange_paths(const char *a, const char *b);

/// Removes a file or a folder tree without following symbolic links, making read-only folders
/// writable when needed. Much faster than FileManager on trees of many thousand files.
/// Returns 0 when nothing is left, -1 with errno set otherwise.
int gongshi_remove_tree(const char *path);

/// Compresses `count` bytes as raw deflate (zlib, `level`) ending in a sync flush, so that pieces
/// compressed apart can be joined into one deflate stream (closed by an empty final block). Returns the
/// compressed size, or -1 when `capacity` (see gongshi_deflate_bound) is too small or zlib fails.
long gongshi_deflate_piece(const unsigned char *in, size_t count, unsigned char *out, size_t capacity, int level);

/// Room enough for gongshi_deflate_piece's output of `count` bytes.
size_t gongshi_deflate_bound(size_t count);

/// The CRC-32 (ZIP's) of `bytes` continuing from `crc` (0 to start).
unsigned int gongshi_crc32(unsigned int crc, const unsigned char *bytes, size_t count);

/// The CRC-32 of two byte runs end to end, from the CRC of each and the length of the second.
unsigned int gongshi_crc32_combine(unsigned int first, unsigned int second, long long secondCount);

/// The version of the zlib linked in (its output may differ between versions).
const char *gongshi_zlib_version(void);

/// Returns the heap's free memory to the system (glibc's malloc_trim(0), which also releases free
/// pages in the middle of every thread's arena); does nothing where malloc has no such call.
void gongshi_release_free_memory(void);

/// The file system type of `path` (statfs's f_type, e.g. 0xEF53 for ext4), or -1 with errno set.
long gongshi_file_system_type(const char *path);

#endif
