#define _GNU_SOURCE
#include "CGongshi.h"
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

// Folders are visited after their contents (FTW_DEPTH); links are removed, never followed (FTW_PHYS).
static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st; (void)ftw;
    // Failures are not fatal here: the walk goes on, and the caller checks what is left.
    if (type == FTW_DP || type == FTW_D) rmdir(path); else unlink(path);
    return 0;
}

// Before a second attempt: make every folder writable and searchable by its owner.
static int open_up(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)ftw;
    if (type == FTW_D || type == FTW_DNR) chmod(path, (st->st_mode & 07777) | 0700);
    return 0;
}

int gongshi_remove_tree(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
    nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    if (lstat(path, &st) != 0 && errno == ENOENT) return 0;
    nftw(path, open_up, 32, FTW_PHYS);
    nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    if (lstat(path, &st) != 0 && errno == ENOENT) return 0;
    errno = ENOTEMPTY;
    return -1;
}
