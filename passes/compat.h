/* compat.h: the GCC headers the escape plugin uses, and the differences
   between the GCC versions it supports (11 and 12), in one place.

   Every source file of the plugin includes this header first.  */

#ifndef ESCAPE_COMPAT_H
#define ESCAPE_COMPAT_H

#include "gcc-plugin.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "context.h"
#include "cgraph.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "gimple-pretty-print.h"
#include "tree-pretty-print.h"
#include "ssa.h"
#include "stringpool.h"
#include "diagnostic.h"
#include "langhooks.h"
#include "dumpfile.h"
#include "toplev.h"
#include "opts.h"
#include "input.h"
#include "print-tree.h"
#include "fold-const.h"
#include "version.h"

#include "bversion.h"

#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
#error "the escape plugin supports GCC 11 and GCC 12 only"
#endif

/* startswith () joined system.h in GCC 12.  */
#if BUILDING_GCC_MAJOR < 12
static inline bool
startswith (const char *str, const char *prefix)
{
  return strncmp (str, prefix, strlen (prefix)) == 0;
}
#endif

#endif /* ESCAPE_COMPAT_H */
