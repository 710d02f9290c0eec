#ifndef CCMARK_SHIM_H
#define CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>

// cmark_markdown_to_html returns a buffer from the default allocator (malloc).
static inline void ccmark_free(char *p) { free(p); }
#endif
