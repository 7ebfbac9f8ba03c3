#ifndef CGONGSHI_H
#define CGONGSHI_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. when the file system lacks support).
int gongshi_exchange_paths(const char *a, const char *b);

#endif
