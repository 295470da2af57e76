// zlib (Debian's zlib1g-dev): gzip-compressed archives (`2003-June.txt.gz`, `list.mbox.gz`,
// Gigaword's `nyt_eng_199407.gz`) are read through it.
#include <zlib.h>
