/* devirt.c: the callee of an indirect call, where constants tell it.

   Design.  A call through a func value or an interface method is
   conservative (its arguments escape) unless the function called is
   known; then the callee's summary applies as at a direct call.  gccgo
   calls a func value through its descriptor (f_4 = &F..f; _6 = *f_4;
   _6 (...) [static-chain: f_4]) and an interface method through the
   method table the conversion stored (x.__methods = &pimt..; _8 =
   x.__methods; _9 = _8->M; _9 (x.__object)).  Descriptors and method
   tables are read-only globals with constant initialisers, so GCC's own
   folder (fold_const_aggregate_ref_1) reads the function out of them once
   the address is known.  Addresses are known through SSA copies and
   casts, and through the first field of a local aggregate whose address
   is never taken and whose every store of that field stores one and the
   same constant (an interface variable converted once from a concrete
   type; a store of the whole zero value makes it nil, and a call through
   nil panics).  Nothing here changes the IL.  */

#include "compat.h"
#include "escape.h"
#include "graph.h"
#include "gimple-fold.h"

/* How many SSA definitions are followed back from a value.  */
#define ESC_DEVIRT_DEPTH 8

/* The graph whose constant fields esc_valueize reads: GCC's folder takes
   a callback without context.  */
static esc_graph *esc_devirt_graph;

/* Return true if DECL is a local aggregate whose stores the function
   shows all of.  */

static bool
esc_devirt_local_p (tree decl)
{
  return (VAR_P (decl) && !is_global_var (decl) && !TREE_ADDRESSABLE (decl)
	  && TREE_CODE (TREE_TYPE (decl)) == RECORD_TYPE
	  && DECL_CONTEXT (decl)
	  && TREE_CODE (DECL_CONTEXT (decl)) == FUNCTION_DECL
	  && DECL_STRUCT_FUNCTION (DECL_CONTEXT (decl)));
}

/* Record in G that DECL's first field may hold VALUE (error_mark_node:
   anything).  */

static void
esc_devirt_record (esc_graph *g, tree decl, tree value)
{
  bool existed;
  tree &slot = g->devirt_consts->get_or_insert (decl, &existed);
  if (!existed)
    slot = value;
  else if (slot != value && !(TREE_CODE (slot) == ADDR_EXPR
			      && TREE_CODE (value) == ADDR_EXPR
			      && operand_equal_p (slot, value, 0)))
    slot = error_mark_node;
}

/* Scan FNDECL's body once and record in G what the first field of each of
   its local aggregates (esc_devirt_local_p) may hold.  */

static void
esc_devirt_scan (esc_graph *g, tree fndecl)
{
  if (g->devirt_scanned->add (fndecl))
    return;
  function *fun = DECL_STRUCT_FUNCTION (fndecl);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	tree lhs = gimple_get_lhs (stmt);
	if (!lhs || gimple_clobber_p (stmt))
	  continue;
	tree decl = get_base_address (lhs);
	if (!decl || !esc_devirt_local_p (decl))
	  continue;
	tree first = TYPE_FIELDS (TREE_TYPE (decl));
	tree rhs = (gimple_assign_single_p (stmt) ? gimple_assign_rhs1 (stmt)
		    : NULL_TREE);
	if (lhs == decl && rhs && TREE_CODE (rhs) == CONSTRUCTOR
	    && CONSTRUCTOR_NELTS (rhs) == 0)
	  continue;		/* the zero value: nil */
	if (TREE_CODE (lhs) == COMPONENT_REF && TREE_OPERAND (lhs, 0) == decl
	    && TREE_OPERAND (lhs, 1) != first)
	  continue;		/* another field */
	if (TREE_CODE (lhs) == COMPONENT_REF && TREE_OPERAND (lhs, 0) == decl
	    && rhs && TREE_CODE (rhs) == ADDR_EXPR
	    && is_gimple_min_invariant (rhs))
	  esc_devirt_record (g, decl, rhs);
	else
	  esc_devirt_record (g, decl, error_mark_node);
      }
}

/* Return the constant the SSA name NAME holds, or NAME (GCC's valueize
   callback).  */

static tree
esc_valueize (tree name)
{
  tree t = name;
  for (int i = 0; i < ESC_DEVIRT_DEPTH && TREE_CODE (t) == SSA_NAME; i++)
    {
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (!is_gimple_assign (def))
	return name;
      tree rhs = gimple_assign_rhs1 (def);
      if (gimple_assign_single_p (def) || gimple_assign_cast_p (def))
	{
	  if (TREE_CODE (rhs) == SSA_NAME || is_gimple_min_invariant (rhs))
	    {
	      t = rhs;
	      continue;
	    }
	  if (TREE_CODE (rhs) == COMPONENT_REF
	      && esc_devirt_local_p (TREE_OPERAND (rhs, 0))
	      && TREE_OPERAND (rhs, 1)
		 == TYPE_FIELDS (TREE_TYPE (TREE_OPERAND (rhs, 0))))
	    {
	      tree decl = TREE_OPERAND (rhs, 0);
	      esc_devirt_scan (esc_devirt_graph, DECL_CONTEXT (decl));
	      tree *v = esc_devirt_graph->devirt_consts->get (decl);
	      return v && *v != error_mark_node ? *v : name;
	    }
	}
      return name;
    }
  return is_gimple_min_invariant (t) ? t : name;
}

/* Return the function the indirect call CALL of G calls, if constants
   tell it, else NULL_TREE.  */

tree
esc_resolve_callee (esc_graph *g, gcall *call)
{
  tree fn = gimple_call_fn (call);
  if (!fn || TREE_CODE (fn) != SSA_NAME)
    return NULL_TREE;
  if (!g->devirt_consts)
    {
      g->devirt_consts = new hash_map<tree, tree>;
      g->devirt_scanned = new hash_set<tree>;
    }
  esc_devirt_graph = g;
  /* Follow copies and casts to the load of the function pointer.  */
  tree t = fn;
  for (int i = 0; i < ESC_DEVIRT_DEPTH && TREE_CODE (t) == SSA_NAME; i++)
    {
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (!is_gimple_assign (def)
	  || !(gimple_assign_single_p (def) || gimple_assign_cast_p (def)))
	return NULL_TREE;
      tree rhs = gimple_assign_rhs1 (def);
      if (TREE_CODE (rhs) == SSA_NAME)
	t = rhs;
      else if (REFERENCE_CLASS_P (rhs))
	t = fold_const_aggregate_ref_1 (rhs, esc_valueize);
      else
	t = rhs;
      if (!t)
	return NULL_TREE;
    }
  STRIP_NOPS (t);
  if (t && TREE_CODE (t) == ADDR_EXPR
      && TREE_CODE (TREE_OPERAND (t, 0)) == FUNCTION_DECL)
    return TREE_OPERAND (t, 0);
  return NULL_TREE;
}
