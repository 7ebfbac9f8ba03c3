#include "CGongshi.h"

#include <sys/vfs.h>

long gongshi_file_system_type(const char *path) {
    struct statfs fs;
    if (statfs(path, &fs) != 0) return -1;
    return (long)fs.f_type;
}
