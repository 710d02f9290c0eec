#ifndef CPOSIX_SHIM_H
#define CPOSIX_SHIM_H

// syncfs(2) is a GNU extension that Swift's Glibc module does not declare (it is built without
// _GNU_SOURCE), so it is declared here; glibc has exported it since 2.14.
extern int syncfs(int fd);

// Flushes the file system holding `fd` (one call instead of an fsync per file). Returns 0 or -1
// with errno set.
static inline int cposix_syncfs(int fd) { return syncfs(fd); }
#endif
