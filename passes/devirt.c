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
   nil panics).  What those first fields hold is gathered for the whole
   unit, each function's in the walk of site discovery (esc_devirt_note,
   called from sites.c's walk through analyse.c): a large function's
   statements do not fit in the cache, and a walk of its own would read
   them all from memory once more.  Nothing here changes the IL.  */

#include "compat.h"
#include "escape.h"
#include "graph.h"
#include "gimple-fold.h"

/* How many SSA definitions are followed back from a value.  */
#define ESC_DEVIRT_DEPTH 8

/* What the first field of each local aggregate (esc_devirt_local_p) of
   the unit may hold: the constant every store of it stores, or
   error_mark_node.  Unit-wide, not per graph: a graph inlining a closure
   body reads the body's locals, and GCC's folder calls esc_valueize
   without context.  */
static hash_map<tree, tree> *esc_devirt_consts;

/* The functions whose statements esc_devirt_note has seen.  */
static hash_set<tree> *esc_devirt_scanned;

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

/* Record that DECL's first field may hold VALUE (error_mark_node:
   anything).  */

static void
esc_devirt_record (tree decl, tree value)
{
  bool existed;
  tree &slot = esc_devirt_consts->get_or_insert (decl, &existed);
  if (!existed)
    slot = value;
  else if (slot != value && !(TREE_CODE (slot) == ADDR_EXPR
			      && TREE_CODE (value) == ADDR_EXPR
			      && operand_equal_p (slot, value, 0)))
    slot = error_mark_node;
}

/* Start gathering the first fields of FUN's local aggregates: the caller
   passes every statement of FUN to esc_devirt_note next.  */

void
esc_devirt_begin (function *fun)
{
  if (!esc_devirt_consts)
    {
      esc_devirt_consts = new hash_map<tree, tree>;
      esc_devirt_scanned = new hash_set<tree>;
    }
  esc_devirt_scanned->add (fun->decl);
}

/* Record what STMT, a statement of the function last given to
   esc_devirt_begin, stores into the first field of a local aggregate.  */

void
esc_devirt_note (gimple *stmt)
{
  tree lhs = gimple_get_lhs (stmt);
  if (!lhs || gimple_clobber_p (stmt))
    return;
  tree decl = get_base_address (lhs);
  if (!decl || !esc_devirt_local_p (decl))
    return;
  tree first = TYPE_FIELDS (TREE_TYPE (decl));
  tree rhs = (gimple_assign_single_p (stmt) ? gimple_assign_rhs1 (stmt)
	      : NULL_TREE);
  if (lhs == decl && rhs && TREE_CODE (rhs) == CONSTRUCTOR
      && CONSTRUCTOR_NELTS (rhs) == 0)
    return;		/* the zero value: nil */
  if (TREE_CODE (lhs) == COMPONENT_REF && TREE_OPERAND (lhs, 0) == decl
      && TREE_OPERAND (lhs, 1) != first)
    return;		/* another field */
  if (TREE_CODE (lhs) == COMPONENT_REF && TREE_OPERAND (lhs, 0) == decl
      && rhs && TREE_CODE (rhs) == ADDR_EXPR
      && is_gimple_min_invariant (rhs))
    esc_devirt_record (decl, rhs);
  else
    esc_devirt_record (decl, error_mark_node);
}

/* Make sure the statements of FNDECL's body have been through
   esc_devirt_note: the sites of every function are found before its
   graph is built, or a closure body's before it is inlined, so this walk
   is only a safeguard.  */

static void
esc_devirt_scan (tree fndecl)
{
  function *fun = DECL_STRUCT_FUNCTION (fndecl);
  if (esc_devirt_scanned && esc_devirt_scanned->contains (fndecl))
    return;
  esc_devirt_begin (fun);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      esc_devirt_note (gsi_stmt (gsi));
}

/* Forget the unit's first fields.  */

void
esc_devirt_release (void)
{
  delete esc_devirt_consts;
  delete esc_devirt_scanned;
  esc_devirt_consts = NULL;
  esc_devirt_scanned = NULL;
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
	      esc_devirt_scan (DECL_CONTEXT (decl));
	      tree *v = esc_devirt_consts->get (decl);
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
