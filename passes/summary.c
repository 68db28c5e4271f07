/* summary.c: parameter leak summaries (after gc's escape/leaks.go).

   Every function of the unit gets one esc_leak per GIMPLE parameter, the
   static chain last: the least number of dereferences with which the
   value passed reaches the heap and the function's results.  A call
   applies its callee's summary (calls.c): "leaks to the heap with D
   derefs" becomes an edge HEAP = ARG with D more derefs, "leaks to the
   result" an edge LHS = ARG.

   Summaries come from, in order:
     the unit      functions analysed here, bottom-up over the call
                   graph's strongly connected components (analyse.c); a
                   callee of the same component not yet solved has the
                   optimistic summary of its previous round;
     export data   the escape tags gccgo wrote into the imported package's
                   export data (exports.c), when it can be read;
     the pragma    a function declared without a body after //go:noescape
                   leaks nothing;
   and otherwise there is none, and the call is conservative.

   One function of the unit is not taken at its summary: Go's noescape
   idiom (esc_noescape_idiom_p), which leaks nothing at its calls, as in
   gc and gccgo.  */

#include "compat.h"
#include "escape.h"
#include "graph.h"

/* The summary of one function.  */

struct esc_fn_summary
{
  esc_leak *leaks;
  unsigned n;			/* parameters, the static chain included */
  const char *source;		/* "unit" or the export data's file */
};

static hash_map<tree, esc_fn_summary> *esc_summaries;

/* Return the key FNDECL's summary is stored under: the declaration of the
   function it is an alias of, if any.  */

static tree
esc_summary_key (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  if (node)
    node = node->ultimate_alias_target ();
  return node ? node->decl : fndecl;
}

/* Return the number of parameters of the function FNDECL as its summary
   counts them: its arguments, and one for the static chain if it has
   one.  */

unsigned
esc_summary_nparams (tree fndecl)
{
  unsigned n = 0;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    n++;
  function *fun = DECL_STRUCT_FUNCTION (fndecl);
  if (fun && fun->static_chain_decl)
    n++;
  return n;
}

/* Store LEAKS[0..N) as the summary of FNDECL.  Return true if it
   differs from the one stored before.  */

bool
esc_set_summary (tree fndecl, const esc_leak *leaks, unsigned n)
{
  if (!esc_summaries)
    esc_summaries = new hash_map<tree, esc_fn_summary>;
  bool existed;
  esc_fn_summary &s = esc_summaries->get_or_insert (esc_summary_key (fndecl),
						    &existed);
  if (existed && s.n == n && memcmp (s.leaks, leaks, n * sizeof *leaks) == 0)
    return false;
  if (existed)
    free (s.leaks);
  s.leaks = XNEWVEC (esc_leak, n ? n : 1);
  s.source = "unit";
  memcpy (s.leaks, leaks, n * sizeof *leaks);
  s.n = n;
  return true;
}

/* Return true if FNDECL is Go's noescape idiom, as in the runtime and
   strings.Builder:

     func noescape(p unsafe.Pointer) unsafe.Pointer {
             x := uintptr(p)
             return unsafe.Pointer(x ^ 0)
     }

   a package-level function named noescape, of one pointer parameter and
   a pointer result, whose body converts a pointer to an integer.  gc and
   gccgo do not follow a pointer through a uintptr variable (Go's rules
   for unsafe.Pointer make such a pointer invalid), and the standard
   library uses that to hide from them a pointer it knows does not outlive
   its object: a strings.Builder keeps its own address, to detect copies.
   The plugin follows pointers through integers (the write barrier and
   reflect's headers pass them so), and without this rule would find every
   strings.Builder on the stack escaping.  Its calls leak nothing; their
   result points anywhere, as any call's.  */

static bool
esc_noescape_idiom_p (tree fndecl)
{
  const char *sym = esc_decl_symbol (fndecl);
  size_t len = sym ? strlen (sym) : 0;
  if (len < 9 || strcmp (sym + len - 9, ".noescape") != 0)
    return false;
  tree parm = DECL_ARGUMENTS (fndecl);
  tree fntype = TREE_TYPE (fndecl);
  if (!parm || DECL_CHAIN (parm) || !POINTER_TYPE_P (TREE_TYPE (parm))
      || !POINTER_TYPE_P (TREE_TYPE (fntype)))
    return false;
  function *fun = DECL_STRUCT_FUNCTION (fndecl);
  if (!fun || !fun->cfg || fun->static_chain_decl)
    return false;
  char *name = esc_go_function_name (fndecl);
  const char *dot = strchr (name, '.');
  bool named = dot && strcmp (dot, ".noescape") == 0;
  free (name);
  if (!named)
    return false;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gassign *as = dyn_cast <gassign *> (gsi_stmt (gsi));
	if (as && CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (as))
	    && INTEGRAL_TYPE_P (TREE_TYPE (gimple_assign_lhs (as)))
	    && POINTER_TYPE_P (TREE_TYPE (gimple_assign_rhs1 (as))))
	  return true;
      }
  return false;
}

/* Return the leak summary of the callee FNDECL called with NARGS
   arguments (the static chain included), and set *SOURCE to where it
   came from ("unit", or the export data file); or return NULL if there
   is none, or if it does not fit the call.  */

const esc_leak *
esc_callee_leaks (tree fndecl, unsigned nargs, const char **source)
{
  tree key = esc_summary_key (fndecl);
  if (nargs == 1 && esc_noescape_idiom_p (key))
    {
      static const esc_leak none = { ESC_LEAK_NONE, ESC_LEAK_NONE, false,
				     { 0 } };
      *source = "the noescape idiom";
      return &none;
    }
  esc_fn_summary *s = esc_summaries ? esc_summaries->get (key) : NULL;
  if (s)
    {
      if (s->n != nargs)
	return NULL;
      *source = s->source;
      return s->leaks;
    }
  cgraph_node *node = cgraph_node::get (key);
  if (node && node->has_gimple_body_p ())
    return NULL;	/* in the unit, but not solved: conservative */
  if (!DECL_EXTERNAL (key) || nargs == 0 || nargs > 64)
    return NULL;
  /* An imported function: its package's export data.  */
  static hash_map<tree, esc_fn_summary> *imported;
  if (!imported)
    imported = new hash_map<tree, esc_fn_summary>;
  esc_fn_summary *hit = imported->get (key);
  if (!hit)
    {
      esc_fn_summary fresh;
      fresh.leaks = XCNEWVEC (esc_leak, nargs);
      fresh.n = nargs;
      fresh.source = NULL;
      if (esc_export_leaks (key, nargs, fresh.leaks, &fresh.source))
	;
      else if (esc_go_noescape_p (key))
	{
	  for (unsigned i = 0; i < nargs; i++)
	    fresh.leaks[i].heap = fresh.leaks[i].result = ESC_LEAK_NONE;
	  fresh.source = "//go:noescape";
	}
      else
	{
	  free (fresh.leaks);
	  fresh.leaks = NULL;
	}
      imported->put (key, fresh);
      hit = imported->get (key);
    }
  if (!hit->leaks || hit->n != nargs)
    return NULL;
  *source = hit->source;
  return hit->leaks;
}

/* Set *PARAM and *RESULT to the reasons flow paths give the edges of a
   summary that came from SOURCE ("unit", "//go:noescape" or an export
   data file, shown by its base name): "call parameter, summary from
   fmt.gox".  The strings are made once per source and live until the end
   of the compilation.  */

void
esc_summary_whys (const char *source, const char **param,
		  const char **result)
{
  *param = "call parameter";
  *result = "call result";
  if (!source || strcmp (source, "unit") == 0)
    return;
  struct whys { const char *param, *result; };
  static hash_map<nofree_string_hash, whys> *made;
  if (!made)
    made = new hash_map<nofree_string_hash, whys>;
  whys *w = made->get (source);
  if (!w)
    {
      const char *base = strrchr (source, '/');
      base = base ? base + 1 : source;
      whys fresh = { concat (*param, ", summary from ", base, NULL),
		     concat (*result, ", summary from ", base, NULL) };
      made->put (xstrdup (source), fresh);
      w = made->get (source);
    }
  *param = w->param;
  *result = w->result;
}

/* Free every summary.  */

void
esc_summaries_release (void)
{
  if (esc_summaries)
    {
      for (hash_map<tree, esc_fn_summary>::iterator it
	   = esc_summaries->begin (); it != esc_summaries->end (); ++it)
	free ((*it).second.leaks);
      delete esc_summaries;
      esc_summaries = NULL;
    }
}
