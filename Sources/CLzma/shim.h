// liblzma (Debian's liblzma-dev): xz-compressed archives (`list.mbox.xz`, `corpus.tar.xz`) are
// read through it.
#include <lzma.h>
