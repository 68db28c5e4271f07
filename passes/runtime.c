/* runtime.c: the Go runtime entry points the escape plugin knows by name.

   gccgo lowers every heap allocation to a call of a runtime function (see
   shared/docs/gccgo-gimple-idioms.md, section 13).  Callees are identified
   by DECL_NAME, which for these functions equals the assembler name, never
   by their parameter types: every type-descriptor parameter is a plain
   "struct *".

   Roles:
     ESC_RT_ALLOC        always returns a new heap object;
     ESC_RT_BUFFERED     the string runtime: allocates on the heap when its
                         first argument is 0B, uses the caller's stack buffer
                         otherwise;
     ESC_RT_STACK_DEFER  runtime.deferprocStack: the defer record and the
                         argument block are the caller's stack temporaries;
     ESC_RT_GO, ESC_RT_DEFER
                         __go_go and runtime.deferproc: they consume a heap
                         argument block allocated just before them.

   The table is sorted by name for bsearch.  */

#include "compat.h"
#include "escape.h"

static const struct esc_runtime_fn esc_runtime_table[] = {
  { "__go_construct_map", ESC_RT_ALLOC, ESC_KIND_MAP_LITERAL,
    "map literal", NULL },
  { "__go_go", ESC_RT_GO, ESC_KIND_GO_ARGS, NULL, NULL },
  { "runtime.concatstrings", ESC_RT_BUFFERED, ESC_KIND_CONCAT,
    "string concatenation", "string" },
  { "runtime.deferproc", ESC_RT_DEFER, ESC_KIND_DEFER_ARGS, NULL, NULL },
  { "runtime.deferprocStack", ESC_RT_STACK_DEFER, ESC_KIND_DEFER_ARGS,
    "defer record", NULL },
  { "runtime.growslice", ESC_RT_ALLOC, ESC_KIND_APPEND, "append", NULL },
  { "runtime.intstring", ESC_RT_BUFFERED, ESC_KIND_STRING_CONV,
    "string(rune)", "string" },
  { "runtime.makechan", ESC_RT_ALLOC, ESC_KIND_MAKE_CHAN, "make(chan)", NULL },
  { "runtime.makechan64", ESC_RT_ALLOC, ESC_KIND_MAKE_CHAN, "make(chan)", NULL },
  { "runtime.makemap", ESC_RT_ALLOC, ESC_KIND_MAKE_MAP, "make(map)", NULL },
  { "runtime.makemap64", ESC_RT_ALLOC, ESC_KIND_MAKE_MAP, "make(map)", NULL },
  { "runtime.makemap__small", ESC_RT_ALLOC, ESC_KIND_MAKE_MAP,
    "make(map)", NULL },
  { "runtime.makeslice", ESC_RT_ALLOC, ESC_KIND_MAKE_SLICE, "make", NULL },
  { "runtime.makeslice64", ESC_RT_ALLOC, ESC_KIND_MAKE_SLICE, "make", NULL },
  { "runtime.newobject", ESC_RT_ALLOC, ESC_KIND_NEW, "new", NULL },
  { "runtime.slicebytetostring", ESC_RT_BUFFERED, ESC_KIND_STRING_CONV,
    "string([]byte)", "string" },
  { "runtime.slicerunetostring", ESC_RT_BUFFERED, ESC_KIND_STRING_CONV,
    "string([]rune)", "string" },
  { "runtime.stringtoslicebyte", ESC_RT_BUFFERED, ESC_KIND_STRING_CONV,
    "[]byte(string)", "[]byte" },
  { "runtime.stringtoslicerune", ESC_RT_BUFFERED, ESC_KIND_STRING_CONV,
    "[]rune(string)", "[]rune" },
};

/* Compare KEY, a name, with the table entry ENTRY, for bsearch.  */

static int
esc_runtime_cmp (const void *key, const void *entry)
{
  return strcmp ((const char *) key,
		 ((const struct esc_runtime_fn *) entry)->name);
}

/* Return the table entry for the callee FNDECL, or NULL if FNDECL is not an
   entry point the plugin knows.  */

const struct esc_runtime_fn *
esc_runtime_lookup (tree fndecl)
{
  if (!fndecl || !DECL_NAME (fndecl))
    return NULL;
  return esc_runtime_by_name (IDENTIFIER_POINTER (DECL_NAME (fndecl)));
}

/* Return the table entry for the runtime function called NAME, or
   NULL.  */

const struct esc_runtime_fn *
esc_runtime_by_name (const char *name)
{
  if (!name || (name[0] != 'r' && name[0] != '_'))
    return NULL;
  return (const struct esc_runtime_fn *)
    bsearch (name, esc_runtime_table, ARRAY_SIZE (esc_runtime_table),
	     sizeof (esc_runtime_table[0]), esc_runtime_cmp);
}

/* Return true if STMT calls a function of the Go runtime (any function
   whose name starts with "runtime." or "__go_"): such callees receive the
   addresses of the caller's helper temporaries (channel slots, select
   cases, map iterators, staging copies), which are not allocation
   sites.  */

bool
esc_runtime_call_p (const gimple *stmt)
{
  if (!is_gimple_call (stmt))
    return false;
  tree fndecl = gimple_call_fndecl (stmt);
  if (!fndecl || !DECL_NAME (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  return (startswith (name, "runtime.") || startswith (name, "__go_"));
}
