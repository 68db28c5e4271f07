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

   The table is sorted by name for bsearch.

   A second table, esc_effect_table, says what each entry point gccgo
   calls does with its arguments, for the recomputed analysis: which
   allocate (and what the new object holds: growslice's new array holds
   the old one's elements), which store (typedmemmove, gcWriteBarrier,
   typedslicecopy), which send their operands to the heap (channel sends,
   map assignment, panic, go statements, loop defers), which keep them on
   the stack until the caller returns (deferprocStack), which write heap
   values into memory they are given (receives, map iteration, select),
   and which only read (comparisons, hashing, printing, panics with
   constant operands).  Argument indexes are GIMPLE's: gccgo-11 and
   gccgo-12 call these entry points the same way
   (shared/docs/gccgo-gimple-idioms.md, section 13).  */

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
  { "runtime.makechan64", ESC_RT_ALLOC, ESC_KIND_MAKE_CHAN, "make(chan)",
    NULL },
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

/* Compare KEY, a name, with ENTRY, an entry of either table below (both
   start with the name), for bsearch.  */

static int
esc_name_cmp (const void *key, const void *entry)
{
  return strcmp ((const char *) key, *(const char *const *) entry);
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
	     sizeof (esc_runtime_table[0]), esc_name_cmp);
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

#define FX(NAME, EFFECT, A, B, D, WHY) \
  { NAME, ESC_FX_##EFFECT, A, B, D, WHY }

static const struct esc_runtime_effect esc_effect_table[] = {
  FX ("__builtin_expect", RESULT, 0, -1, 0, "call"),
  FX ("__builtin_memcmp", NONE, -1, -1, 0, NULL),
  FX ("__builtin_memcpy", STORE, 0, 1, 1, "copy"),
  FX ("__builtin_memmove", STORE, 0, 1, 1, "copy"),
  FX ("__builtin_memset", NONE, -1, -1, 0, NULL),
  FX ("__builtin_return_address", NONE, -1, -1, 0, NULL),
  FX ("__builtin_trap", NONE, -1, -1, 0, NULL),
  FX ("__builtin_unreachable", NONE, -1, -1, 0, NULL),
  FX ("__go_construct_map", ALLOC, -1, -1, 0, "map literal"),
  FX ("__go_construct_map", HEAP, 4, -1, 1, "map literal entry"),
  FX ("__go_go", HEAP, 1, -1, 0, "go statement"),
  FX ("__go_init_main", NONE, -1, -1, 0, NULL),
  FX ("runtime.assertitab", NONE, -1, -1, 0, NULL),
  FX ("runtime.block", NONE, -1, -1, 0, NULL),
  FX ("runtime.canrecover", NONE, -1, -1, 0, NULL),
  FX ("runtime.chanrecv1", WRITES, 1, -1, 0, NULL),
  FX ("runtime.chanrecv2", WRITES, 1, -1, 0, NULL),
  FX ("runtime.chansend1", HEAP, 1, -1, 1, "send"),
  FX ("runtime.checkdefer", NONE, -1, -1, 0, NULL),
  FX ("runtime.closechan", NONE, -1, -1, 0, NULL),
  FX ("runtime.cmpstring", NONE, -1, -1, 0, NULL),
  FX ("runtime.concatstrings", BUFFERED, -1, -1, 0, "concatenation"),
  FX ("runtime.decoderune", NONE, -1, -1, 0, NULL),
  FX ("runtime.deferproc", HEAP, 2, -1, 0, "defer in a loop"),
  FX ("runtime.deferprocStack", STACK_DEFER, 2, 3, 0, "defer"),
  FX ("runtime.deferreturn", NONE, -1, -1, 0, NULL),
  FX ("runtime.efaceeq", NONE, -1, -1, 0, NULL),
  FX ("runtime.efacevaleq", NONE, -1, -1, 0, NULL),
  FX ("runtime.gcWriteBarrier", STORE, 0, 1, 0, "store"),
  FX ("runtime.goPanicExtendIndex", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicIndex", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicIndexU", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSlice3Acap", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSlice3Alen", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSlice3B", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSlice3C", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSliceAcap", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSliceAlen", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSliceB", NONE, -1, -1, 0, NULL),
  FX ("runtime.goPanicSliceConvert", NONE, -1, -1, 0, NULL),
  FX ("runtime.gopanic", HEAP, 0, -1, 0, "panic"),
  FX ("runtime.gorecover", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.growslice", ALLOC, 1, -1, 1, "append"),
  FX ("runtime.ifaceE2I2", RESULT, 1, -1, 0, "conversion"),
  FX ("runtime.ifaceE2T2", STORE, 2, 1, 1, "type assertion"),
  FX ("runtime.ifaceE2T2P", RESULT, 1, -1, 0, "type assertion"),
  FX ("runtime.ifaceI2I2", RESULT, 1, -1, 0, "conversion"),
  FX ("runtime.ifaceI2T2", STORE, 2, 1, 1, "type assertion"),
  FX ("runtime.ifaceI2T2P", RESULT, 1, -1, 0, "type assertion"),
  FX ("runtime.ifaceT2Ip", NONE, -1, -1, 0, NULL),
  FX ("runtime.ifaceeq", NONE, -1, -1, 0, NULL),
  FX ("runtime.ifacevaleq", NONE, -1, -1, 0, NULL),
  FX ("runtime.init", NONE, -1, -1, 0, NULL),
  FX ("runtime.intstring", BUFFERED, -1, -1, 0, "conversion"),
  FX ("runtime.makechan", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.makechan64", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.makemap", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.makemap64", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.makemap__small", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.makeslice", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.makeslice64", ALLOC, -1, -1, 0, "make"),
  FX ("runtime.mapaccess1", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess1__fast32", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess1__fast64", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess1__faststr", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess2", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess2__fast32", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess2__fast64", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapaccess2__faststr", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapassign", HEAP, 2, -1, 1, "map key"),
  FX ("runtime.mapassign", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapassign__fast32", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapassign__fast32ptr", HEAP, 2, -1, 0, "map key"),
  FX ("runtime.mapassign__fast32ptr", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapassign__fast64", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapassign__fast64ptr", HEAP, 2, -1, 0, "map key"),
  FX ("runtime.mapassign__fast64ptr", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapassign__faststr", HEAP, 2, -1, 0, "map key"),
  FX ("runtime.mapassign__faststr", RESULT_HEAP, -1, -1, 0, NULL),
  FX ("runtime.mapclear", NONE, -1, -1, 0, NULL),
  FX ("runtime.mapdelete", NONE, -1, -1, 0, NULL),
  FX ("runtime.mapdelete__fast32", NONE, -1, -1, 0, NULL),
  FX ("runtime.mapdelete__fast64", NONE, -1, -1, 0, NULL),
  FX ("runtime.mapdelete__faststr", NONE, -1, -1, 0, NULL),
  FX ("runtime.mapiterinit", WRITES, 2, -1, 0, NULL),
  FX ("runtime.mapiternext", WRITES, 0, -1, 0, NULL),
  FX ("runtime.memequal", NONE, -1, -1, 0, NULL),
  FX ("runtime.newobject", ALLOC, -1, -1, 0, "new"),
  FX ("runtime.panicdivide", NONE, -1, -1, 0, NULL),
  FX ("runtime.panicdottype", NONE, -1, -1, 0, NULL),
  FX ("runtime.panicgonil", NONE, -1, -1, 0, NULL),
  FX ("runtime.panicmem", NONE, -1, -1, 0, NULL),
  FX ("runtime.panicshift", NONE, -1, -1, 0, NULL),
  FX ("runtime.printbool", NONE, -1, -1, 0, NULL),
  FX ("runtime.printcomplex", NONE, -1, -1, 0, NULL),
  FX ("runtime.printeface", NONE, -1, -1, 0, NULL),
  FX ("runtime.printfloat", NONE, -1, -1, 0, NULL),
  FX ("runtime.printhex", NONE, -1, -1, 0, NULL),
  FX ("runtime.printiface", NONE, -1, -1, 0, NULL),
  FX ("runtime.printint", NONE, -1, -1, 0, NULL),
  FX ("runtime.printlock", NONE, -1, -1, 0, NULL),
  FX ("runtime.printnl", NONE, -1, -1, 0, NULL),
  FX ("runtime.printpointer", NONE, -1, -1, 0, NULL),
  FX ("runtime.printslice", NONE, -1, -1, 0, NULL),
  FX ("runtime.printsp", NONE, -1, -1, 0, NULL),
  FX ("runtime.printstring", NONE, -1, -1, 0, NULL),
  FX ("runtime.printuint", NONE, -1, -1, 0, NULL),
  FX ("runtime.printunlock", NONE, -1, -1, 0, NULL),
  FX ("runtime.registerGCRoots", NONE, -1, -1, 0, NULL),
  FX ("runtime.registerTypeDescriptors", NONE, -1, -1, 0, NULL),
  FX ("runtime.requireitab", NONE, -1, -1, 0, NULL),
  FX ("runtime.selectgo", HEAP, 0, -1, 2, "select send"),
  FX ("runtime.selectgo", WRITES, 0, -1, 0, NULL),
  FX ("runtime.selectnbrecv", WRITES, 0, -1, 0, NULL),
  FX ("runtime.selectnbsend", HEAP, 1, -1, 1, "send"),
  FX ("runtime.setdeferretaddr", NONE, -1, -1, 0, NULL),
  FX ("runtime.slicebytetostring", BUFFERED, -1, -1, 0, "conversion"),
  FX ("runtime.slicecopy", STORE, 0, 2, 1, "copy"),
  FX ("runtime.slicerunetostring", BUFFERED, -1, -1, 0, "conversion"),
  FX ("runtime.strequal", NONE, -1, -1, 0, NULL),
  FX ("runtime.stringtoslicebyte", BUFFERED, -1, -1, 0, "conversion"),
  FX ("runtime.stringtoslicerune", BUFFERED, -1, -1, 0, "conversion"),
  FX ("runtime.typedmemmove", STORE, 1, 2, 1, "copy"),
  FX ("runtime.typedslicecopy", STORE, 1, 3, 1, "copy"),
  FX ("runtime.unsafeslice", NONE, -1, -1, 0, NULL),
  FX ("runtime.unsafeslice64", NONE, -1, -1, 0, NULL),
  FX ("runtime.unsafeslicecheckptr", NONE, -1, -1, 0, NULL),
};

#undef FX

/* Return the effects of the runtime entry point FNDECL and set *N to
   their number, or return NULL if the table does not know FNDECL.  */

const struct esc_runtime_effect *
esc_runtime_effects (tree fndecl, unsigned *n)
{
  *n = 0;
  if (!fndecl || !DECL_NAME (fndecl))
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  const struct esc_runtime_effect *hit
    = (const struct esc_runtime_effect *)
      bsearch (name, esc_effect_table, ARRAY_SIZE (esc_effect_table),
	       sizeof (esc_effect_table[0]), esc_name_cmp);
  if (!hit)
    return NULL;
  while (hit > esc_effect_table && strcmp (hit[-1].name, name) == 0)
    hit--;
  const struct esc_runtime_effect *end
    = esc_effect_table + ARRAY_SIZE (esc_effect_table);
  while (hit + *n < end && strcmp (hit[*n].name, name) == 0)
    (*n)++;
  return hit;
}

/* Return true if FNDECL is an internal entry point of the runtime (not
   an exported Go function of package runtime, such as runtime.GC, which
   is called like any other Go function) or a builtin.  */

bool
esc_runtime_name_p (tree fndecl)
{
  if (!fndecl || !DECL_NAME (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  if (startswith (name, "__go_") || startswith (name, "__builtin_"))
    return true;
  return (startswith (name, "runtime.")
	  && !ISUPPER ((unsigned char) name[8]));
}

/* Unit tests (selftest.c).  */

/* Return a function decl named NAME, as gccgo declares the runtime's.  */

static tree
esc_test_fndecl (const char *name)
{
  return build_fn_decl (name, build_function_type_list (void_type_node,
							NULL_TREE));
}

/* Return true if the runtime entry point NAME has the effect FX.  */

static bool
esc_test_has_effect (const char *name, enum esc_rt_effect fx)
{
  unsigned n;
  const struct esc_runtime_effect *e
    = esc_runtime_effects (esc_test_fndecl (name), &n);
  for (unsigned i = 0; e && i < n; i++)
    if (e[i].effect == fx)
      return true;
  return false;
}

/* Return true if the effect E names the arguments it needs, with a
   dereference count the graph can take.  */

static bool
esc_test_effect_well_formed (const struct esc_runtime_effect *e)
{
  if (e->derefs < -1 || e->derefs > ESC_LEAK_MAX_DEREFS)
    return false;
  switch (e->effect)
    {
    case ESC_FX_STORE:
      return e->a >= 0 && e->b >= 0;
    case ESC_FX_HEAP:
    case ESC_FX_RESULT:
    case ESC_FX_WRITES:
      return e->a >= 0;
    default:
      return true;
    }
}

/* Run the tests of runtime.c.  */

void
esc_runtime_selftests (void)
{
  esc_test_begin ("runtime: the allocation table is sorted for bsearch");
  for (unsigned i = 0; i < ARRAY_SIZE (esc_runtime_table); i++)
    {
      const char *name = esc_runtime_table[i].name;
      ESC_CHECK (i == 0 || strcmp (esc_runtime_table[i - 1].name, name) < 0);
      ESC_CHECK (esc_runtime_by_name (name) == &esc_runtime_table[i]);
    }
  ESC_CHECK (esc_runtime_by_name ("runtime.GC") == NULL);
  ESC_CHECK (esc_runtime_by_name ("runtime.newobjec") == NULL);
  esc_test_end ();

  esc_test_begin ("runtime: the effect table is sorted and well formed");
  for (unsigned i = 0; i < ARRAY_SIZE (esc_effect_table); i++)
    {
      const struct esc_runtime_effect *e = &esc_effect_table[i];
      ESC_CHECK (i == 0 || strcmp (e[-1].name, e->name) <= 0);
      ESC_CHECK (esc_test_effect_well_formed (e));
      unsigned n, same = 0;
      const struct esc_runtime_effect *hit
	= esc_runtime_effects (esc_test_fndecl (e->name), &n);
      for (unsigned j = 0; j < ARRAY_SIZE (esc_effect_table); j++)
	same += strcmp (esc_effect_table[j].name, e->name) == 0;
      ESC_CHECK (hit && hit <= e && e < hit + n && n == same);
    }
  esc_test_end ();

  esc_test_begin ("runtime: what allocates has an allocating effect");
  for (unsigned i = 0; i < ARRAY_SIZE (esc_runtime_table); i++)
    {
      const struct esc_runtime_fn *f = &esc_runtime_table[i];
      if (f->role == ESC_RT_ALLOC)
	ESC_CHECK (esc_test_has_effect (f->name, ESC_FX_ALLOC));
      if (f->role == ESC_RT_BUFFERED)
	ESC_CHECK (esc_test_has_effect (f->name, ESC_FX_BUFFERED));
    }
  esc_test_end ();

  esc_test_begin ("runtime: internal entry points are told from Go "
		  "functions");
  ESC_CHECK (esc_runtime_name_p (esc_test_fndecl ("runtime.newobject")));
  ESC_CHECK (esc_runtime_name_p (esc_test_fndecl ("__go_go")));
  ESC_CHECK (esc_runtime_name_p (esc_test_fndecl ("__builtin_memcpy")));
  ESC_CHECK (!esc_runtime_name_p (esc_test_fndecl ("runtime.GC")));
  ESC_CHECK (!esc_runtime_name_p (esc_test_fndecl ("main.f")));
  ESC_CHECK (!esc_runtime_name_p (NULL_TREE));
  unsigned n;
  ESC_CHECK (esc_runtime_effects (esc_test_fndecl ("runtime.unknown"), &n)
	     == NULL && n == 0);
  esc_test_end ();
}
