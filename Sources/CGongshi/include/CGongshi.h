#ifndef CGONGSHI_H
#define CGONGSHI_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. when the file system lacks support).
int gongshi_exchange_paths(const char *a, const char *b);

/// Removes a file or a folder tree without following symbolic links, making read-only folders
/// writable when needed. Much faster than FileManager on trees of many thousand files.
/// Returns 0 when nothing is left, -1 with errno set otherwise.
int gongshi_remove_tree(const char *path);

#endif
