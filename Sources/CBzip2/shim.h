// libbz2 (Debian's libbz2-dev): bzip2-compressed archives (`list.mbox.bz2`, `corpus.tar.bz2`)
// are read through it.
#include <bzlib.h>
