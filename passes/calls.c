/* calls.c: how calls become edges of the escape graph (after gc's
   escape/call.go).

   A call's arguments are evaluated like any expression (stmts.c); the
   static chain is one more argument, after the last.  Then, by callee:

     the runtime      its effects in the table of runtime.c: allocations
                      make an object location (the allocation site's), and
                      the result holds its address; stores, sends, writes;
     a function of this unit, or of a package whose export data carries
                      escape tags
                      its parameters' leak summaries (summary.c);
     a closure called through a func value whose target is known (the
                      code pointer stored into a local closure record)
                      the union of the targets' summaries;
     anything else    every argument escapes: counted as conservative.

   Whatever the callee, the result of a call that does not allocate is
   unknown memory for points-to, and the memory its arguments point to
   is exposed: the callee may write into it (graph.c).  */

#include "compat.h"
#include "escape.h"
#include "graph.h"

/* The values of the arguments of CALL, the static chain last.  */

struct esc_call_args
{
  auto_vec<esc_src, 4> vals[8];
  vec<esc_src> *more;		/* for arguments 8 and up */
  unsigned n;
};

/* Return the values of argument I of ARGS.  */

static vec<esc_src> *
esc_arg (esc_call_args *args, unsigned i)
{
  return i < 8 ? &args->vals[i] : &args->more[i - 8];
}

/* Evaluate the arguments of CALL into ARGS.  */

static void
esc_eval_args (esc_graph *g, gcall *call, esc_call_args *args, int depth)
{
  unsigned nargs = gimple_call_num_args (call);
  args->n = nargs + (gimple_call_chain (call) ? 1 : 0);
  args->more = NULL;
  if (args->n > 8)
    {
      args->more = XNEWVEC (vec<esc_src>, args->n - 8);
      for (unsigned i = 8; i < args->n; i++)
	args->more[i - 8] = vNULL;
    }
  for (unsigned i = 0; i < nargs; i++)
    esc_value_srcs (g, gimple_call_arg (call, i), esc_arg (args, i), depth);
  if (gimple_call_chain (call))
    esc_value_srcs (g, gimple_call_chain (call), esc_arg (args, nargs),
		    depth);
}

/* Release ARGS.  */

static void
esc_free_args (esc_call_args *args)
{
  if (!args->more)
    return;
  for (unsigned i = 8; i < args->n; i++)
    args->more[i - 8].release ();
  free (args->more);
}

/* Send every argument of ARGS to the heap: the callee is unknown (WHY).  */

static void
esc_all_args_escape (esc_graph *g, esc_call_args *args, const char *why,
		     location_t loc)
{
  for (unsigned i = 0; i < args->n; i++)
    esc_flow_srcs (g, g->heap, esc_arg (args, i), 0, why, loc, true);
  g->unknown_calls++;
}

/* Mark the memory every argument of ARGS points to as exposed.  */

static void
esc_expose_args (esc_graph *g, esc_call_args *args)
{
  for (unsigned i = 0; i < args->n; i++)
    esc_expose (g, esc_arg (args, i));
}

/* Return the function whose address the value OP holds, looking through
   SSA copies and casts (deferprocStack's thunk is "(uint64) thunk"), or
   NULL.  */

static tree
esc_function_value (tree op)
{
  for (int i = 0; i < 8 && op; i++)
    {
      if (TREE_CODE (op) == ADDR_EXPR
	  && TREE_CODE (TREE_OPERAND (op, 0)) == FUNCTION_DECL)
	return TREE_OPERAND (op, 0);
      if (TREE_CODE (op) == FUNCTION_DECL)
	return op;
      if (TREE_CODE (op) != SSA_NAME)
	return NULL_TREE;
      gimple *def = SSA_NAME_DEF_STMT (op);
      if (!def || !is_gimple_assign (def))
	return NULL_TREE;
      enum tree_code code = gimple_assign_rhs_code (def);
      if (!gimple_assign_single_p (def) && !CONVERT_EXPR_CODE_P (code))
	return NULL_TREE;
      op = gimple_assign_rhs1 (def);
    }
  return NULL_TREE;
}

/* Return true if TYPE is gccgo's type of a func value, a pointer to
   struct __go_descriptor (the closure record).  */

static bool
esc_func_value_type_p (tree type)
{
  if (!type || !POINTER_TYPE_P (type))
    return false;
  tree rec = TREE_TYPE (type);
  tree name = TYPE_NAME (rec);
  if (name && TREE_CODE (name) == TYPE_DECL)
    name = DECL_NAME (name);
  return (TREE_CODE (rec) == RECORD_TYPE && name
	  && TREE_CODE (name) == IDENTIFIER_NODE
	  && strcmp (IDENTIFIER_POINTER (name), "__go_descriptor") == 0);
}

/* Apply to CALL the summary of the function FNDECL, called with the
   argument values ARGS[FIRST..] (the static chain included), the result
   flowing to the location LHS.  Return false if FNDECL has no summary.  */

static bool
esc_call_summary (esc_graph *g, gcall *call, tree fndecl,
		  esc_call_args *args, unsigned first, int lhs, location_t loc)
{
  unsigned n = args->n - first;
  const char *source;
  const esc_leak *leaks = esc_callee_leaks (fndecl, n, &source);
  if (!leaks)
    return false;
  /* Paths name where the summary came from, unless from this unit.  */
  const char *why_param, *why_result;
  esc_summary_whys (source, &why_param, &why_result);
  /* A multi-value result stored in a local: per-result edges.  */
  tree lhs_decl = (call ? esc_results_decl (gimple_call_lhs (call))
		   : NULL_TREE);
  int nresults = lhs_decl ? esc_results_shape (TREE_TYPE (lhs_decl)) : 0;

  tree ptypes = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  for (unsigned i = 0; i < n; i++, ptypes = ptypes ? TREE_CHAIN (ptypes)
						    : NULL_TREE)
    {
      vec<esc_src> *vals = esc_arg (args, first + i);
      bool cons = leaks[i].conservative;
      esc_leak leak = leaks[i];
      if (ptypes && esc_func_value_type_p (TREE_VALUE (ptypes)))
	{
	  /* The content of a func value (its captures) can only be
	     reached by calling it, and what its body does with them is
	     analysed where the closure is made (stmts.c): only the value
	     itself leaking matters.  gccgo's tags say "content escapes" for
	     any func parameter a function calls.  */
	  if (leak.heap > 0)
	    leak.heap = ESC_LEAK_NONE;
	  if (leak.result > 0)
	    leak.result = ESC_LEAK_NONE;
	  for (int k = 0; k < ESC_MAX_RESULTS; k++)
	    if (leak.results1[k] > 1)
	      leak.results1[k] = 0;
	}
      if (leak.heap != ESC_LEAK_NONE)
	esc_flow_srcs (g, g->heap, vals, leak.heap, why_param, loc, cons);
      if (leak.result != ESC_LEAK_NONE && lhs >= 0)
	esc_flow_srcs (g, lhs, vals, leak.result, why_result, loc, cons);
      if (leak.result != ESC_LEAK_NONE && nresults)
	{
	  /* Into the results it reaches; all of them if the summary does
	     not tell them apart.  */
	  bool per_result = false;
	  for (int k = 0; k < ESC_MAX_RESULTS; k++)
	    per_result |= leak.results1[k] != 0;
	  for (int k = 0; k < nresults; k++)
	    if (!per_result || leak.results1[k])
	      esc_flow_srcs (g, esc_field_loc (g, lhs_decl, k), vals,
			     per_result ? leak.results1[k] - 1 : leak.result,
			     why_result, loc, cons);
	}
    }
  return true;
}

/* Return the object location of the allocating call CALL at loop depth
   DEPTH, tying it to CALL's allocation site if there is one.  */

static int
esc_call_object (esc_graph *g, gcall *call, int depth)
{
  int *known = g->objects->get (call);
  if (known)
    return *known;
  int o = esc_new_loc (g, ESC_LOC_OBJECT, NULL_TREE, depth);
  int *site = g->site_of->get (call);
  if (site)
    g->loc_info[o].site = *site;
  g->objects->put (call, o);
  return o;
}

/* Return true if ARG, a pointer argument of a call, points by its type
   to data holding no pointers (uint8 *, not void *).  */

static bool
esc_points_to_pointer_free_p (tree arg)
{
  tree type = TREE_TYPE (arg);
  return (POINTER_TYPE_P (type) && !VOID_TYPE_P (TREE_TYPE (type))
	  && COMPLETE_TYPE_P (TREE_TYPE (type))
	  && !esc_type_has_pointers (TREE_TYPE (type)));
}

/* Return true if the store effect E of CALL copies memory that holds no
   pointers, so that no value flows: gccgo calls __builtin_memmove for
   copy and append only when the elements hold no pointers (else
   runtime.typedslicecopy), and types its arguments as pointers to the
   elements.  Both must say so.  */

static bool
esc_copy_without_pointers_p (gcall *call, const esc_runtime_effect *e)
{
  if (e->derefs < 1 || (unsigned) e->a >= gimple_call_num_args (call)
      || (unsigned) e->b >= gimple_call_num_args (call))
    return false;
  return (esc_points_to_pointer_free_p (gimple_call_arg (call, e->a))
	  && esc_points_to_pointer_free_p (gimple_call_arg (call, e->b)));
}

/* Add the edges of the runtime call CALL, whose effects are FX[0..N),
   given its arguments ARGS and result location LHS.  */

static void
esc_runtime_call (esc_graph *g, gcall *call, const esc_runtime_effect *fx,
		  unsigned n, esc_call_args *args, int lhs, int depth)
{
  location_t loc = gimple_location (call);
  bool result_known = false;
  for (unsigned k = 0; k < n; k++)
    {
      const esc_runtime_effect *e = &fx[k];
      vec<esc_src> *a = (e->a >= 0 && (unsigned) e->a < args->n
			 ? esc_arg (args, e->a) : NULL);
      vec<esc_src> *b = (e->b >= 0 && (unsigned) e->b < args->n
			 ? esc_arg (args, e->b) : NULL);
      switch (e->effect)
	{
	case ESC_FX_NONE:
	  break;
	case ESC_FX_ALLOC:
	  {
	    int o = esc_call_object (g, call, depth);
	    if (lhs >= 0)
	      esc_flow (g, lhs, o, -1, e->why, loc);
	    if (a)
	      esc_flow_srcs (g, o, a, e->derefs, e->why, loc);
	    result_known = true;
	    break;
	  }
	case ESC_FX_BUFFERED:
	  {
	    tree buf = (gimple_call_num_args (call) > 0
			? gimple_call_arg (call, 0) : NULL_TREE);
	    if (!buf || integer_zerop (buf))
	      {
		int o = esc_call_object (g, call, depth);
		if (lhs >= 0)
		  esc_flow (g, lhs, o, -1, e->why, loc);
	      }
	    else if (lhs >= 0)
	      esc_flow_srcs (g, lhs, esc_arg (args, 0), 0, e->why, loc);
	    result_known = true;
	    break;
	  }
	case ESC_FX_STORE:
	  if (a && b && !esc_copy_without_pointers_p (call, e))
	    {
	      /* *A = B: the same as an assignment through A.  */
	      auto_vec<esc_src, 4> vals;
	      unsigned i;
	      esc_src *s;
	      FOR_EACH_VEC_ELT (*b, i, s)
		{
		  esc_src v = { s->loc, s->derefs + e->derefs };
		  vals.safe_push (v);
		}
	      esc_store_through (g, gimple_call_arg (call, e->a), &vals,
				 e->why, loc, depth);
	    }
	  break;
	case ESC_FX_HEAP:
	  if (a)
	    esc_flow_srcs (g, g->heap, a, e->derefs, e->why, loc);
	  break;
	case ESC_FX_RESULT:
	  if (a && lhs >= 0)
	    esc_flow_srcs (g, lhs, a, e->derefs, e->why, loc);
	  result_known = true;
	  break;
	case ESC_FX_RESULT_HEAP:
	  break;
	case ESC_FX_WRITES:
	  if (a)
	    esc_expose (g, a);
	  break;
	case ESC_FX_STACK_DEFER:
	  {
	    /* The deferred thunk runs ARG 3 before the caller returns.  */
	    tree thunk = (gimple_call_num_args (call) > 3
			  ? esc_function_value (gimple_call_arg (call, 2))
			  : NULL_TREE);
	    if (thunk && b && esc_inline_thunk (g, thunk, b, loc, depth))
	      break;
	    esc_call_args one;
	    one.n = 1;
	    one.more = NULL;
	    if (b)
	      one.vals[0].safe_splice (*b);
	    if (!thunk || !esc_call_summary (g, NULL, thunk, &one, 0, -1, loc))
	      esc_all_args_escape (g, &one, "deferred call", loc);
	    if (b)
	      esc_expose (g, b);
	    break;
	  }
	}
    }
  if (lhs >= 0 && !result_known)
    esc_flow (g, lhs, g->heap, 0, "call result", loc);
}

/* Return the location the result of CALL is assigned to, or -1.  A
   result stored into memory (a return slot, a field) goes through a
   fresh location that is then stored.  */

static int
esc_call_lhs (esc_graph *g, gcall *call, int depth, bool *indirect)
{
  tree lhs = gimple_call_lhs (call);
  *indirect = false;
  if (!lhs)
    return -1;
  if (TREE_CODE (lhs) == SSA_NAME)
    return esc_loc_of (g, lhs, depth);
  tree base = get_base_address (lhs);
  if (base && DECL_P (base))
    {
      int l = esc_loc_of (g, base, depth);
      return l >= 0 ? l : g->heap;
    }
  *indirect = true;
  return esc_new_loc (g, ESC_LOC_SSA, NULL_TREE, depth);
}

/* Make each field of the results-shaped local RDECL, the result of a
   call at LOC, receive what its whole location LHS receives from a
   call that does not tell its results apart (a runtime call such as
   ifaceE2T2P, whose (value, ok) result is read field by field), or, if
   FROM_HEAP, only the heap (a callee's results not derived from its
   arguments).  */

static void
esc_flow_result_fields (esc_graph *g, tree rdecl, int lhs, bool from_heap,
			location_t loc)
{
  int n = esc_results_shape (TREE_TYPE (rdecl));
  for (int k = 0; k < n; k++)
    esc_flow (g, esc_field_loc (g, rdecl, k), from_heap ? g->heap : lhs, 0,
	      "call result", loc);
}

/* Add the edges of CALL, at loop depth DEPTH.  */

void
esc_build_call (esc_graph *g, gcall *call, int depth)
{
  location_t loc = gimple_location (call);
  tree fndecl = gimple_call_fndecl (call);
  /* A func value or an interface method that constants resolve
     (devirt.c) is called like a function.  */
  tree resolved = (fndecl || gimple_call_internal_p (call)
		   ? NULL_TREE : esc_resolve_callee (g, call));
  esc_call_args args;
  esc_eval_args (g, call, &args, depth);
  bool indirect;
  int lhs = esc_call_lhs (g, call, depth, &indirect);

  unsigned nfx;
  const esc_runtime_effect *fx = (fndecl ? esc_runtime_effects (fndecl, &nfx)
				  : NULL);
  int *inlined = (fndecl && gimple_call_chain (call)
		  ? g->inlined->get (fndecl) : NULL);
  /* A multi-value result in a local is read field by field.  */
  tree rdecl = (indirect ? NULL_TREE
		: esc_results_decl (gimple_call_lhs (call)));
  if (fx)
    {
      esc_runtime_call (g, call, fx, nfx, &args, lhs, depth);
      if (rdecl && lhs >= 0)
	esc_flow_result_fields (g, rdecl, lhs, false, loc);
    }
  else if (inlined)
    {
      /* A direct call of a closure body inlined into this graph
	 (stmts.c): the arguments flow into its parameters, the record
	 into its chain, its returns (esc_route_body_returns) into the
	 result.  */
      unsigned i = 0;
      for (tree p = DECL_ARGUMENTS (fndecl);
	   p && i < gimple_call_num_args (call); p = DECL_CHAIN (p), i++)
	esc_flow_srcs (g, esc_loc_of (g, p, depth), esc_arg (&args, i), 0,
		       "call parameter", loc);
      esc_flow_srcs (g, *inlined, esc_arg (&args, args.n - 1), 0,
		     "captured by a closure", loc);
      int *ret = g->body_rets->get (fndecl);
      if (ret)
	g->direct_bodies->add (fndecl);
      if (lhs >= 0)
	esc_flow (g, lhs, ret ? *ret : g->heap, 0, "call result", loc);
      if (rdecl)
	esc_flow_result_fields (g, rdecl, lhs, true, loc);
    }
  else
    {
      bool known = false;
      if (gimple_call_internal_p (call))
	known = false;
      else if (fndecl && !esc_runtime_name_p (fndecl))
	known = esc_call_summary (g, call, fndecl, &args, 0, lhs, loc);
      else if (resolved && !esc_runtime_name_p (resolved))
	{
	  /* The descriptor passed as static chain is no argument of a
	     function that takes none.  */
	  function *rfun = DECL_STRUCT_FUNCTION (resolved);
	  bool drop_chain = (gimple_call_chain (call) && args.n > 0
			     && !(rfun && rfun->static_chain_decl));
	  args.n -= drop_chain;
	  known = esc_call_summary (g, call, resolved, &args, 0, lhs, loc);
	  args.n += drop_chain;
	}
      bool closure = !known && !fndecl && gimple_call_chain (call);
      if (closure)
	{
	  /* A closure call: the record does not escape by being called
	     (its body's effect on it was applied where it was made,
	     stmts.c).  Its arguments go to, and its result comes from, the
	     bodies whose records the chain points to
	     (esc_resolve_closure_calls), or the heap.  */
	  args.n--;
	  esc_closure_call c;
	  c.lhs = lhs;
	  c.chain = esc_new_loc (g, ESC_LOC_SSA, NULL_TREE, depth);
	  c.loc = loc;
	  c.linked = NULL;
	  c.to_heap = false;
	  esc_flow_srcs (g, c.chain, esc_arg (&args, args.n), 0,
			 "static chain", loc);
	  c.first_arg = g->locs.length ();
	  c.nargs = args.n;
	  for (unsigned i = 0; i < args.n; i++)
	    {
	      int a = esc_new_loc (g, ESC_LOC_SSA, NULL_TREE, depth);
	      gcc_checking_assert (a == c.first_arg + (int) i);
	      esc_flow_srcs (g, a, esc_arg (&args, i), 0, "call parameter",
			     loc);
	    }
	  g->closure_calls.safe_push (c);
	  args.n++;
	}
      else if (!known)
	esc_all_args_escape (g, &args, (fndecl ? "call to unknown function"
					: "call through func value"), loc);
      if (lhs >= 0 && !closure)
	esc_flow (g, lhs, g->heap, 0, "call result", loc);
      if (rdecl)
	esc_flow_result_fields (g, rdecl, lhs, known, loc);
      if (!fndecl && gimple_call_chain (call))
	{
	  /* A closure's body does not write into its record; what it
	     writes through the record is in this graph (stmts.c).  */
	  args.n--;
	  esc_expose_args (g, &args);
	  args.n++;
	}
      else
	esc_expose_args (g, &args);
    }

  if (indirect)
    {
      /* The result goes into memory: store it there.  */
      auto_vec<esc_src, 1> v;
      esc_src s = { lhs, 0 };
      v.safe_push (s);
      esc_store_to (g, gimple_call_lhs (call), &v, "call result", loc,
		    depth);
    }
  esc_free_args (&args);
}
