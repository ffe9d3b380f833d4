// Allocator settings for the programs that read long stored documents: called once by main.
#pragma once

#include <malloc.h>

namespace sonda {

// Lets glibc serve blocks up to 2 MiB from its heap and keep up to 8 MiB of freed heap, instead of mapping
// and unmapping each large block: a hit on a long document reads its whole stored record (hundreds of KB),
// and fresh mappings cost a page fault per 4 KB page on every request (a 1 MB document's hit: 0.37 → 0.17
// ms).
inline void keep_large_blocks_in_the_heap() {
  mallopt(M_MMAP_THRESHOLD, 2 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
}

}  // namespace sonda
