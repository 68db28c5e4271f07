/* stmts.c: how GIMPLE statements and expressions become edges of the
   escape graph (after gc's escape/expr.go, stmt.go and assign.go).

   An expression evaluates to a list of values, each a location with a
   dereference count (esc_src):

     p_1, x (a local), a parameter     (loc, 0)
     &x, &x.f, &x[i]                   (x, -1)      whole-object, as in gc
     &p_1->f, &MEM[p_1 + 8]            (p_1, 0)     pointer arithmetic
     p_1->f, *p_1, MEM[p_1].f[i]       (p_1, 1)
     x.f, x[i], VIEW_CONVERT_EXPR<T>(x), REALPART_EXPR <x>   (x, 0)
     a global, or memory of unknown origin                   (heap, 0)
     a CONSTRUCTOR                     the values of its elements
     a constant, &global, &function    nothing local

   Unary and binary operations carry their operands' values through
   (pointer-integer casts, POINTER_PLUS_EXPR, uintptr arithmetic), but for
   operands that cannot hold a pointer (esc_operand_carries_p): the offset
   of a POINTER_PLUS_EXPR, and values of signed integer or boolean types,
   which Go's rules for unsafe.Pointer never let hold an address (a
   pointer converted to an integer is a uintptr).  So d.p = d.p[n:], with
   n an int parameter, stores back only what was loaded from *d.
   Comparisons carry nothing.  Stores into SSA names, locals, globals and
   the result are edges; stores through pointers are resolved later
   (graph.c).  Anything else that moves a value is not understood: its
   operands go to the heap and the edge is counted as conservative.

   Loop depth: an object allocated in a loop must not be kept on the stack
   when its address outlives the iteration (gc's loopDepth).  An SSA name
   lives at the depth of its definition, except that a PHI in a loop header
   carries values across iterations and so lives outside that loop.  A
   variable kept in memory lives at the depth of its outermost use (Go
   zero-initialises every variable where it is declared).

   Closures: the body of a closure made here is analysed with this
   function (esc_closure_record).  Its reads of captures get the values
   stored into the record for that body (esc_bind_capture); its returns
   gather in one location, kept in the record, that flows to the results
   of its direct calls (a func literal called where it is written) and of
   the calls through func values whose record it is, and to the heap if
   code this graph does not see may call it (esc_route_body_returns,
   esc_resolve_closure_calls).  */

#include "compat.h"
#include "escape.h"
#include "graph.h"
#include "cfgloop.h"

/* Return true if a value of TYPE may hold a pointer.  */

bool
esc_type_has_pointers (tree type)
{
  if (!type)
    return true;
  switch (TREE_CODE (type))
    {
    case INTEGER_TYPE:
      /* A uintptr may hold a pointer converted by package unsafe
	 (reflect.SliceHeader's Data field): keep it.  */
      return (TYPE_PRECISION (type) == POINTER_SIZE && TYPE_UNSIGNED (type)
	      && TYPE_NAME (type) && DECL_P (TYPE_NAME (type))
	      && DECL_NAME (TYPE_NAME (type))
	      && strcmp (IDENTIFIER_POINTER (DECL_NAME (TYPE_NAME (type))),
			 "uintptr") == 0);
    case REAL_TYPE:
    case COMPLEX_TYPE:
    case BOOLEAN_TYPE:
    case ENUMERAL_TYPE:
    case VOID_TYPE:
      return false;
    case ARRAY_TYPE:
      return esc_type_has_pointers (TREE_TYPE (type));
    case RECORD_TYPE:
    case UNION_TYPE:
    case QUAL_UNION_TYPE:
      for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
	if (TREE_CODE (f) == FIELD_DECL
	    && esc_type_has_pointers (TREE_TYPE (f)))
	  return true;
      return false;
    default:
      return true;
    }
}

/* Return the number of fields of TYPE if it is an anonymous struct whose
   fields are all called UNNAMED (or, when RESN, res0, res1 ... in order,
   as after a VIEW_CONVERT_EXPR): the struct gccgo returns several results
   in.  Else 0.  */

int
esc_unnamed_fields (tree type, bool resn)
{
  if (!type || TREE_CODE (type) != RECORD_TYPE || TYPE_NAME (type))
    return 0;
  int n = 0;
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    {
      if (TREE_CODE (f) != FIELD_DECL)
	continue;
      if (DECL_NAME (f))
	{
	  const char *name = IDENTIFIER_POINTER (DECL_NAME (f));
	  if (strcmp (name, "UNNAMED") != 0
	      && (!resn || name[0] != 'r' || name[1] != 'e' || name[2] != 's'
		  || atoi (name + 3) != n))
	    return 0;
	}
      n++;
    }
  return n;
}

/* Return the number of fields of TYPE if it is the struct gccgo gives a
   function's several results (esc_unnamed_fields), and at most
   ESC_MAX_RESULTS; else 0.  */

int
esc_results_shape (tree type)
{
  int n = esc_unnamed_fields (type, true);
  return n >= 2 && n <= ESC_MAX_RESULTS ? n : 0;
}

/* Return the position of FIELD in its record, or -1.  */

static int
esc_field_index (tree field)
{
  int k = 0;
  for (tree f = TYPE_FIELDS (DECL_CONTEXT (field)); f; f = DECL_CHAIN (f))
    {
      if (f == field)
	return k;
      if (TREE_CODE (f) == FIELD_DECL)
	k++;
    }
  return -1;
}

/* Return the location of the K-th field of DECL, a local of a
   results-shaped type (esc_results_shape), creating its fields'
   locations.  Every store into DECL also reaches the fields it writes, so
   that reads of one result see only what was stored there.  */

int
esc_field_loc (esc_graph *g, tree decl, int k)
{
  int *base = g->field_base->get (decl);
  if (base)
    return *base + k;
  int whole = esc_loc_of (g, decl, 0);
  int n = esc_results_shape (TREE_TYPE (decl));
  int first = g->locs.length ();
  for (int i = 0; i < n; i++)
    esc_new_loc (g, ESC_LOC_VAR, decl, g->locs[whole].depth);
  g->field_base->put (decl, first);
  return first + k;
}

/* Return the results-shaped local OP stands for (through a
   VIEW_CONVERT_EXPR), or NULL.  */

tree
esc_results_decl (tree op)
{
  if (op && TREE_CODE (op) == VIEW_CONVERT_EXPR)
    op = TREE_OPERAND (op, 0);
  if (op && VAR_P (op) && !is_global_var (op)
      && esc_results_shape (TREE_TYPE (op)))
    return op;
  return NULL_TREE;
}

/* Return the loop depth of BB, or 0 if loops are unknown.  */

int
esc_bb_depth (basic_block bb)
{
  if (!bb || !bb->loop_father)
    return 0;
  return loop_depth (bb->loop_father);
}

/* Return the loop depth of the SSA name NAME: that of its definition, one
   less for a PHI in a loop header.  */

static int
esc_ssa_depth (tree name)
{
  gimple *def = SSA_NAME_DEF_STMT (name);
  if (!def || SSA_NAME_IS_DEFAULT_DEF (name) || !gimple_bb (def))
    return 0;
  basic_block bb = gimple_bb (def);
  int depth = esc_bb_depth (bb);
  if (gimple_code (def) == GIMPLE_PHI && bb->loop_father
      && bb->loop_father->header == bb && depth > 0)
    depth--;
  return depth;
}

/* Return the location of T, an SSA name or a decl, used at loop depth
   DEPTH, or -1.  */

static int
esc_use_loc (esc_graph *g, tree t, int depth)
{
  if (TREE_CODE (t) == SSA_NAME)
    {
      if (SSA_NAME_IS_DEFAULT_DEF (t)
	  && (!SSA_NAME_VAR (t) || TREE_CODE (SSA_NAME_VAR (t)) != PARM_DECL))
	return -1;	/* an undefined value */
      depth = esc_ssa_depth (t) + g->depth_bias;
    }
  return esc_loc_of (g, t, depth);
}

/* Make every local whose address appears in OP escape: OP moves values in
   a way the model does not understand.  */

static tree
esc_unknown_addr_r (tree *tp, int *walk_subtrees, void *data)
{
  esc_graph *g = (esc_graph *) data;
  if (TREE_CODE (*tp) == ADDR_EXPR)
    {
      tree base = get_base_address (TREE_OPERAND (*tp, 0));
      if (base && DECL_P (base))
	{
	  int l = esc_loc_of (g, base, 0);
	  if (l >= 0)
	    esc_flow (g, g->heap, l, -1, "not understood",
		      EXPR_LOCATION (*tp), true);
	}
    }
  else if (TREE_CODE (*tp) == SSA_NAME || DECL_P (*tp))
    {
      int l = esc_use_loc (g, *tp, 0);
      if (l >= 0)
	esc_flow (g, g->heap, l, 0, "not understood", UNKNOWN_LOCATION,
		  true);
      *walk_subtrees = 0;
    }
  return NULL_TREE;
}

/* Make everything OP mentions escape.  */

static void
esc_unknown_operand (esc_graph *g, tree op)
{
  if (op)
    walk_tree (&op, esc_unknown_addr_r, g, NULL);
}

/* Append to OUT the values of the pointer operand PTR of a MEM_REF,
   with DEREFS applied (0 for its address, 1 for the memory).  */

static void
esc_mem_srcs (esc_graph *g, tree ptr, int derefs, vec<esc_src> *out,
	      int depth)
{
  auto_vec<esc_src, 4> p;
  esc_value_srcs (g, ptr, &p, depth);
  unsigned i;
  esc_src *s;
  FOR_EACH_VEC_ELT (p, i, s)
    {
      esc_src v = { s->loc, s->derefs + derefs };
      out->safe_push (v);
    }
  if (p.is_empty () && derefs > 0)
    {
      /* Memory at a constant address: unknown.  */
      esc_src v = { g->heap, 0 };
      out->safe_push (v);
    }
}

/* If OP, a COMPONENT_REF, reads a field through the static chain or the
   thunk parameter of a body inlined into G, return that body: OP is a
   capture, whose values esc_bind_capture recorded.  Else return
   NULL_TREE: other reads of the same field (gccgo shares one record type
   among closures, and among go and defer blocks, of the same shape) go
   through the record as usual.  */

static tree
esc_bound_body (esc_graph *g, tree op)
{
  tree base = TREE_OPERAND (op, 0);
  if (TREE_CODE (base) != MEM_REF)
    return NULL_TREE;
  tree ptr = TREE_OPERAND (base, 0);
  if (TREE_CODE (ptr) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (ptr))
    ptr = SSA_NAME_VAR (ptr);
  tree *body = ptr ? g->bound_params->get (ptr) : NULL;
  return body ? *body : NULL_TREE;
}

/* Append to OUT the values stored into the capture FIELD of the records
   made for BODY (esc_bind_capture), and of the records not known to be
   BODY's.  Return false if there are none: FIELD is no capture.  */

static bool
esc_capture_srcs (esc_graph *g, tree body, tree field, vec<esc_src> *out)
{
  bool found = false;
  tree keys[2] = { body, ESC_ANY_BODY };
  for (unsigned k = 0; k < 2; k++)
    if (int *cap = g->capture_of->get (esc_capture_key::value_type (keys[k],
								     field)))
      {
	out->safe_splice (g->captures[*cap]);
	found = true;
      }
  return found;
}

/* Append to OUT the values of the expression OP, used at loop depth
   DEPTH (see the comment at the top).  */

void
esc_value_srcs (esc_graph *g, tree op, vec<esc_src> *out, int depth)
{
  if (!op)
    return;
  switch (TREE_CODE (op))
    {
    case SSA_NAME:
    case VAR_DECL:
    case PARM_DECL:
    case RESULT_DECL:
      {
	int l = esc_use_loc (g, op, depth);
	if (l < 0 && VAR_P (op) && is_global_var (op))
	  l = g->heap;
	if (l >= 0)
	  {
	    esc_src v = { l, 0 };
	    out->safe_push (v);
	  }
	return;
      }

    case ADDR_EXPR:
      {
	tree base = get_base_address (TREE_OPERAND (op, 0));
	if (!base)
	  return;
	if (DECL_P (base))
	  {
	    int l = esc_loc_of (g, base, depth);
	    if (l < 0 && VAR_P (base) && is_global_var (base))
	      l = g->heap;
	    if (l >= 0)
	      {
		esc_src v = { l, -1 };
		out->safe_push (v);
	      }
	    return;
	  }
	if (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == TARGET_MEM_REF)
	  esc_mem_srcs (g, TREE_OPERAND (base, 0), 0, out, depth);
	return;
      }

    case MEM_REF:
    case TARGET_MEM_REF:
    case COMPONENT_REF:
    case ARRAY_REF:
    case ARRAY_RANGE_REF:
    case BIT_FIELD_REF:
    case REALPART_EXPR:
    case IMAGPART_EXPR:
    case VIEW_CONVERT_EXPR:
      {
	/* A load of a value that cannot hold a pointer (a slice's length,
	   a flag) carries nothing, whatever else its object holds.  */
	if (!esc_type_has_pointers (TREE_TYPE (op)))
	  return;
	if (TREE_CODE (op) == COMPONENT_REF
	    && esc_results_decl (TREE_OPERAND (op, 0)))
	  {
	    tree decl = esc_results_decl (TREE_OPERAND (op, 0));
	    int k = esc_field_index (TREE_OPERAND (op, 1));
	    if (k >= 0 && k < esc_results_shape (TREE_TYPE (decl)))
	      {
		esc_src v = { esc_field_loc (g, decl, k), 0 };
		out->safe_push (v);
		return;
	      }
	  }
	if (TREE_CODE (op) == COMPONENT_REF)
	  if (tree body = esc_bound_body (g, op))
	    /* A closure's capture: the values stored into it.  */
	    if (esc_capture_srcs (g, body, TREE_OPERAND (op, 1), out))
	      return;
	tree base = get_base_address (op);
	if (!base)
	  {
	    esc_unknown_operand (g, op);
	    esc_src v = { g->heap, 0 };
	    out->safe_push (v);
	    return;
	  }
	if (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == TARGET_MEM_REF)
	  esc_mem_srcs (g, TREE_OPERAND (base, 0), 1, out, depth);
	else
	  esc_value_srcs (g, base, out, depth);
	return;
      }

    case CONSTRUCTOR:
      {
	unsigned i;
	tree val;
	FOR_EACH_CONSTRUCTOR_VALUE (CONSTRUCTOR_ELTS (op), i, val)
	  esc_value_srcs (g, val, out, depth);
	return;
      }

    case OBJ_TYPE_REF:
      esc_value_srcs (g, OBJ_TYPE_REF_EXPR (op), out, depth);
      return;

    default:
      if (CONSTANT_CLASS_P (op) || TREE_CODE (op) == FUNCTION_DECL
	  || TREE_CODE (op) == LABEL_DECL || TREE_CODE (op) == CONST_DECL)
	return;
      if (EXPR_P (op))
	{
	  /* An operation inside an operand (a NOP_EXPR, say): its
	     operands' values pass through.  */
	  for (int i = 0; i < TREE_OPERAND_LENGTH (op); i++)
	    esc_value_srcs (g, TREE_OPERAND (op, i), out, depth);
	  return;
	}
      esc_unknown_operand (g, op);
      esc_src v = { g->heap, 0 };
      out->safe_push (v);
      return;
    }
}

/* Record the store *PTR = SRCS made at LOC (loop depth DEPTH) for the
   reason WHY.  A store through a pointer that came from memory (p->q->f
   = v) goes to the heap; one through an SSA name or a local waits for
   points-to (graph.c).  */

void
esc_store_through (esc_graph *g, tree ptr, vec<esc_src> *srcs,
		   const char *why, location_t loc, int depth)
{
  auto_vec<esc_src, 4> ptrs;
  esc_value_srcs (g, ptr, &ptrs, depth);
  if (ptrs.is_empty ())
    {
      esc_flow_srcs (g, g->heap, srcs, 0, "store to memory", loc);
      return;
    }
  unsigned i, j;
  esc_src *p, *s;
  FOR_EACH_VEC_ELT (ptrs, i, p)
    {
      if (p->derefs < 0)
	/* MEM[&x] = v: a store into x.  */
	esc_flow_srcs (g, p->loc, srcs, 0, why, loc);
      else if (p->derefs > 0 || p->loc == g->heap)
	esc_flow_srcs (g, g->heap, srcs, 0, "store through pointer", loc);
      else
	FOR_EACH_VEC_ELT (*srcs, j, s)
	  {
	    esc_store st = { p->loc, s->loc, s->derefs, "store", loc };
	    g->stores.safe_push (st);
	  }
    }
}

/* Return true if T is a function's result, returned by value, of the
   shape gccgo gives several results (esc_results_shape).  At -O2 the
   front end's results local is copied into it (<retval> = RESULT.6;
   return <retval>) instead of being returned itself.  */

static bool
esc_results_retval_p (tree t)
{
  return (t && TREE_CODE (t) == RESULT_DECL && !DECL_BY_REFERENCE (t)
	  && esc_results_shape (TREE_TYPE (t)));
}

/* Make the several results of G's function come from the fields of DECL,
   a results-shaped local returned at LOC: one root each, for per-result
   summaries.  */

static void
esc_result_roots (esc_graph *g, tree decl, location_t loc)
{
  for (int k = 0; k < esc_results_shape (TREE_TYPE (decl)); k++)
    {
      if (g->results[k] < 0)
	g->results[k] = esc_new_loc (g, ESC_LOC_RESULT, NULL_TREE, 0);
      esc_flow (g, g->results[k], esc_field_loc (g, decl, k), 0, "return",
		loc);
    }
}

/* Record the assignment LHS = SRCS made at LOC (loop depth DEPTH) for the
   reason WHY.  */

void
esc_store_to (esc_graph *g, tree lhs, vec<esc_src> *srcs, const char *why,
	      location_t loc, int depth)
{
  if (!lhs)
    return;
  if (srcs->is_empty ())
    {
      /* A store of no pointer, Go's zero initialisation above all, is
	 still a use: a variable kept in memory lives at its outermost
	 one.  */
      tree base = get_base_address (lhs);
      if (base && VAR_P (base) && !is_global_var (base)
	  && esc_type_has_pointers (TREE_TYPE (base)))
	esc_loc_of (g, base, depth);
      return;
    }
  if (TREE_CODE (lhs) == SSA_NAME)
    {
      esc_flow_srcs (g, esc_use_loc (g, lhs, depth), srcs, 0, why, loc);
      return;
    }
  tree base = get_base_address (lhs);
  if (base && DECL_P (base))
    {
      int l = esc_loc_of (g, base, depth);
      if (l < 0)
	l = g->heap;	/* a global */
      esc_flow_srcs (g, l, srcs, 0, l == g->heap ? "store to global" : why,
		     loc);
      if (tree decl = esc_results_decl (base))
	{
	  /* Into the fields it writes: one, or all.  */
	  int n = esc_results_shape (TREE_TYPE (decl));
	  int k = (TREE_CODE (lhs) == COMPONENT_REF
		   && TREE_OPERAND (lhs, 0) == base
		   ? esc_field_index (TREE_OPERAND (lhs, 1)) : -1);
	  for (int i = 0; i < n; i++)
	    if (k < 0 || k == i)
	      esc_flow_srcs (g, esc_field_loc (g, decl, i), srcs, 0, why, loc);
	}
    }
  else if (base
	   && (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == TARGET_MEM_REF))
    esc_store_through (g, TREE_OPERAND (base, 0), srcs, why, loc, depth);
  else
    esc_flow_srcs (g, g->heap, srcs, 0, "store not understood", loc, true);
}

static void esc_build_body (esc_graph *g, function *fun);

/* Apply the summary of the closure body FN to the closure record RECORD:
   whatever FN does with its chain happens wherever the closure is called,
   so a chain leaking to the heap or to FN's results (which go to unknown
   callers) makes the record reach the heap.  Without a summary, the record
   escapes.  */

static void
esc_closure_summary (esc_graph *g, vec<esc_src> *record, tree fn,
		     location_t loc)
{
  unsigned n = esc_summary_nparams (fn);
  const char *source;
  const esc_leak *leaks = n ? esc_callee_leaks (fn, n, &source) : NULL;
  /* The body may write through the pointers the record holds.  */
  esc_expose (g, record);
  if (!leaks)
    {
      esc_flow_srcs (g, g->heap, record, 0, "closure body not analysed",
		     loc, true);
      return;
    }
  const esc_leak *chain = &leaks[n - 1];
  if (chain->heap != ESC_LEAK_NONE)
    esc_flow_srcs (g, g->heap, record, chain->heap, "captured by a closure",
		   loc);
  if (chain->result != ESC_LEAK_NONE)
    esc_flow_srcs (g, g->heap, record, chain->result,
		   "returned by a closure", loc);
}

/* Return what identifies the record the field reference REF (a
   COMPONENT_REF) is in, for esc_note_record_body: a local decl, or the
   SSA pointer to the record if it is not a PHI (which might join several
   records); NULL_TREE if there is none.  */

static tree
esc_record_key (tree ref)
{
  if (TREE_CODE (ref) != COMPONENT_REF)
    return NULL_TREE;
  tree base = TREE_OPERAND (ref, 0);
  if (DECL_P (base))
    return base;
  if (TREE_CODE (base) != MEM_REF || !integer_zerop (TREE_OPERAND (base, 1)))
    return NULL_TREE;
  tree ptr = TREE_OPERAND (base, 0);
  if (TREE_CODE (ptr) != SSA_NAME
      || gimple_code (SSA_NAME_DEF_STMT (ptr)) == GIMPLE_PHI)
    return NULL_TREE;
  return ptr;
}

/* The code pointer of the closure body FN is stored through LHS: note
   that the record LHS is in is FN's, so that the captures stored into it
   next are FN's alone (esc_bind_capture).  A record given two bodies is
   nobody's.  */

static void
esc_note_record_body (esc_graph *g, tree lhs, tree fn)
{
  tree key = esc_record_key (lhs);
  if (!key)
    return;
  bool existed;
  tree &body = g->record_body->get_or_insert (key, &existed);
  if (!existed)
    body = fn;
  else if (body != fn)
    body = ESC_ANY_BODY;
}

/* The store of the code pointer of FN, a function taking a static chain,
   into LHS makes a closure record (a func literal's, a method value's):
   whoever calls the closure passes the record as FN's static chain.  As
   gc does, FN's body is analysed together with the function that makes
   the record: its statements join this graph, its static chain being a
   location the record's address flows into, its returns going to the
   heap (the callers are unknown), its loop depths counted from DEPTH, the
   depth of the record.  Calling the closure then does not make the
   record escape (calls.c).  A body that cannot be inlined (nested too
   deep) is replaced by its summary.  */

static void
esc_closure_record (esc_graph *g, tree lhs, tree fn, location_t loc,
		    int depth)
{
  esc_note_record_body (g, lhs, fn);
  tree base = get_base_address (lhs);
  if (!base)
    return;
  auto_vec<esc_src, 2> record;
  if (DECL_P (base))
    {
      int l = esc_loc_of (g, base, depth);
      if (l < 0)
	return;		/* a static record: nothing local */
      esc_src v = { l, -1 };
      record.safe_push (v);
    }
  else if (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == TARGET_MEM_REF)
    esc_value_srcs (g, TREE_OPERAND (base, 0), &record, depth);

  int *known = g->inlined->get (fn);
  if (known)
    {
      esc_flow_srcs (g, *known, &record, 0, "captured by a closure", loc);
      return;
    }
  /* A body not in SSA form yet is not read: the early pass analyses a
     function only after the bodies it takes the address of (analyse.c,
     esc_walk_dependencies), so this is a safeguard.  */
  function *body = DECL_STRUCT_FUNCTION (fn);
  cgraph_node *node = cgraph_node::get (fn);
  if (!body || !body->cfg || !body->static_chain_decl || !node
      || !node->has_gimple_body_p () || !gimple_in_ssa_p (body)
      || g->inline_depth >= 8)
    {
      esc_closure_summary (g, &record, fn, loc);
      return;
    }
  int chain = esc_new_loc (g, ESC_LOC_SSA, NULL_TREE, depth);
  g->index->put (body->static_chain_decl, chain);
  g->bound_params->put (body->static_chain_decl, fn);
  g->inlined->put (fn, chain);
  g->body_rets->put (fn, esc_new_loc (g, ESC_LOC_SSA, NULL_TREE, depth));
  esc_flow_srcs (g, chain, &record, 0, "captured by a closure", loc);
  esc_claim_closure_sites (g, fn);
  /* Built once the making function's statements are: the record's
     captures are stored after its code pointer.  */
  g->pending_bodies.safe_push (fn);
  g->pending_chains.safe_push (chain);
  g->pending_chains.safe_push (g->inline_depth + 1);
}

/* Return true if TYPE is the argument block gccgo builds for a go or
   defer statement's thunk: an anonymous struct { fn; a0; a1; ... }.  */

static bool
esc_thunk_block_p (tree type)
{
  if (!type || TREE_CODE (type) != RECORD_TYPE || TYPE_NAME (type))
    return false;
  tree f = TYPE_FIELDS (type);
  if (!f || !DECL_NAME (f) || strcmp (IDENTIFIER_POINTER (DECL_NAME (f)),
				      "fn") != 0)
    return false;
  for (f = DECL_CHAIN (f); f; f = DECL_CHAIN (f))
    {
      if (TREE_CODE (f) != FIELD_DECL)
	continue;
      const char *n = DECL_NAME (f) ? IDENTIFIER_POINTER (DECL_NAME (f)) : "";
      if (n[0] != 'a' || !ISDIGIT (n[1]))
	return false;
    }
  return true;
}

/* Return true if FIELD is a field of a record whose fields are all
   written where the record is made, before it is used, and never again:
   a closure or method value record's captures (not its code pointer), or
   a go/defer thunk's argument block.  */

static bool
esc_capture_field_p (tree field)
{
  if (TREE_CODE (field) != FIELD_DECL)
    return false;
  tree type = DECL_CONTEXT (field);
  if (!type || TREE_CODE (type) != RECORD_TYPE)
    return false;
  if (esc_thunk_block_p (type))
    return true;
  return (TYPE_FIELDS (type) != field
	  && esc_func_record_kind (type) != ESC_KIND_LAST);
}

/* Record that the capture field written by LHS, a COMPONENT_REF into a
   closure record, receives the values SRCS.  A closure body reads its
   captures through its chain ($closure->x1); those reads are given these
   values directly (records are never written after they are made), so
   that the captures do not mix in the record: a recursive closure's
   record holds the address of the variable that holds the record, and
   mixed together that cycle would make every capture escape.  The values
   are kept per body when the record is known to be one body's
   (esc_note_record_body): else every body that reads the field would
   read the captures of all the closures of its shape, a cost quadratic
   in their number.  */

static void
esc_bind_capture (esc_graph *g, tree lhs, vec<esc_src> *srcs)
{
  tree key = esc_record_key (lhs);
  tree *body = key ? g->record_body->get (key) : NULL;
  esc_capture_key::value_type cap (body ? *body : ESC_ANY_BODY,
				   TREE_OPERAND (lhs, 1));
  bool existed;
  int &i = g->capture_of->get_or_insert (cap, &existed);
  if (!existed)
    {
      i = g->captures.length ();
      g->captures.safe_push (vNULL);
    }
  g->captures[i].safe_splice (*srcs);
}

/* The deferred call of THUNK (a defer statement's thunk, run before the
   function returns) with the argument block BLOCK: THUNK's body joins the
   graph like a closure body (esc_closure_record), its parameter receiving
   BLOCK, so that the block's fields (the deferred func value and its
   arguments) keep apart.  Return false if THUNK cannot be inlined.  */

bool
esc_inline_thunk (esc_graph *g, tree thunk, vec<esc_src> *block,
		  location_t loc, int depth)
{
  function *body = DECL_STRUCT_FUNCTION (thunk);
  cgraph_node *node = cgraph_node::get (thunk);
  tree param = DECL_ARGUMENTS (thunk);
  if (!body || !body->cfg || body->static_chain_decl || !node
      || !node->has_gimple_body_p () || !gimple_in_ssa_p (body) || !param
      || DECL_CHAIN (param) || g->inline_depth >= 8)
    return false;
  int *known = g->inlined->get (thunk);
  int p;
  if (known)
    p = *known;
  else
    {
      p = esc_new_loc (g, ESC_LOC_SSA, NULL_TREE, depth);
      g->index->put (param, p);
      g->bound_params->put (param, thunk);
      g->inlined->put (thunk, p);
      esc_claim_closure_sites (g, thunk);
      g->pending_bodies.safe_push (thunk);
      g->pending_chains.safe_push (p);
      g->pending_chains.safe_push (g->inline_depth + 1);
    }
  esc_flow_srcs (g, p, block, 0, "deferred call", loc);
  return true;
}

/* Return the function whose code pointer OP is, if it takes a static
   chain, else NULL.  */

static tree
esc_chain_function (tree op)
{
  if (TREE_CODE (op) == ADDR_EXPR)
    op = TREE_OPERAND (op, 0);
  if (TREE_CODE (op) != FUNCTION_DECL)
    return NULL_TREE;
  function *fun = DECL_STRUCT_FUNCTION (op);
  return fun && fun->static_chain_decl ? op : NULL_TREE;
}

/* Return true if OP, the operand I of an operation CODE, may carry a
   pointer into its result (see the comment at the top): it is not the
   offset of a POINTER_PLUS_EXPR, nor of a signed integer or boolean
   type.  */

static bool
esc_operand_carries_p (enum tree_code code, unsigned i, tree op)
{
  if (code == POINTER_PLUS_EXPR && i == 2)
    return false;
  tree type = TREE_TYPE (op);
  return !(type && (TREE_CODE (type) == BOOLEAN_TYPE
		    || (TREE_CODE (type) == INTEGER_TYPE
			&& !TYPE_UNSIGNED (type))));
}

/* Add the edges of the assignment STMT at loop depth DEPTH.  */

static void
esc_build_assign (esc_graph *g, gassign *stmt, int depth)
{
  tree lhs = gimple_assign_lhs (stmt);
  location_t loc = gimple_location (stmt);
  enum tree_code code = gimple_assign_rhs_code (stmt);
  if (gimple_clobber_p (stmt))
    return;
  if (TREE_CODE_CLASS (code) == tcc_comparison)
    return;
  auto_vec<esc_src, 4> srcs;
  const char *why = "assign";
  tree ldecl = esc_results_decl (lhs), rdecl = NULL_TREE;
  if (esc_results_retval_p (lhs) && gimple_assign_single_p (stmt)
      && g->ret == g->result
      && (rdecl = esc_results_decl (gimple_assign_rhs1 (stmt)))
      && esc_results_shape (TREE_TYPE (lhs))
	 == esc_results_shape (TREE_TYPE (rdecl)))
    {
      /* The results local copied into the function's result: returned,
	 whole and result by result.  */
      esc_flow (g, g->ret, esc_loc_of (g, rdecl, depth), 0, why, loc);
      esc_result_roots (g, rdecl, loc);
      return;
    }
  if (ldecl && gimple_assign_single_p (stmt)
      && (rdecl = esc_results_decl (gimple_assign_rhs1 (stmt)))
      && esc_results_shape (TREE_TYPE (ldecl))
	 == esc_results_shape (TREE_TYPE (rdecl)))
    {
      /* One multi-value result struct copied to another: field by field,
	 and whole.  */
      int n = esc_results_shape (TREE_TYPE (ldecl));
      for (int k = 0; k < n; k++)
	esc_flow (g, esc_field_loc (g, ldecl, k), esc_field_loc (g, rdecl, k),
		  0, why, loc);
      esc_flow (g, esc_loc_of (g, ldecl, depth), esc_loc_of (g, rdecl, depth),
		0, why, loc);
      return;
    }
  if (gimple_assign_single_p (stmt))
    {
      tree rhs = gimple_assign_rhs1 (stmt);
      if (TREE_CODE (rhs) == ADDR_EXPR)
	why = "address-of";
      if (tree fn = esc_chain_function (rhs))
	{
	  esc_closure_record (g, lhs, fn, loc, depth);
	  return;
	}
      if (TREE_CODE (lhs) == COMPONENT_REF
	  && esc_capture_field_p (TREE_OPERAND (lhs, 1)))
	{
	  esc_value_srcs (g, rhs, &srcs, depth);
	  esc_bind_capture (g, lhs, &srcs);
	  esc_store_to (g, lhs, &srcs, "captured by a closure", loc, depth);
	  return;
	}
      esc_value_srcs (g, rhs, &srcs, depth);
    }
  else
    {
      for (unsigned i = 1; i < gimple_num_ops (stmt); i++)
	if (esc_operand_carries_p (code, i, gimple_op (stmt, i)))
	  esc_value_srcs (g, gimple_op (stmt, i), &srcs, depth);
      why = "operation";
    }
  esc_store_to (g, lhs, &srcs, why, loc, depth);
}

/* Statements looked at backwards from the end of a PHI argument's
   incoming block for a position (esc_phi_arg_location).  */
#define ESC_PHI_LOC_LOOKBACK 8

/* Return the position of argument I of PHI, for flow paths.  The
   argument's own is often unknown (into-SSA gives one only where a
   statement of the incoming block assigned the variable); then it is its
   definition's, or else that of one of the last statements of the
   incoming block, where the value leaves for the join.  */

static location_t
esc_phi_arg_location (gphi *phi, unsigned i)
{
  location_t loc = gimple_phi_arg_location (phi, i);
  if (loc != UNKNOWN_LOCATION)
    return loc;
  tree arg = gimple_phi_arg_def (phi, i);
  if (TREE_CODE (arg) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (arg))
    {
      loc = gimple_location (SSA_NAME_DEF_STMT (arg));
      if (loc != UNKNOWN_LOCATION)
	return loc;
    }
  basic_block src = gimple_phi_arg_edge (phi, i)->src;
  gimple_stmt_iterator gsi = gsi_last_bb (src);
  for (unsigned n = 0; n < ESC_PHI_LOC_LOOKBACK && !gsi_end_p (gsi);
       n++, gsi_prev (&gsi))
    if (gimple_location (gsi_stmt (gsi)) != UNKNOWN_LOCATION)
      return gimple_location (gsi_stmt (gsi));
  return UNKNOWN_LOCATION;
}

/* Add the edges of the PHI node PHI.  */

static void
esc_build_phi (esc_graph *g, gphi *phi)
{
  tree lhs = gimple_phi_result (phi);
  if (virtual_operand_p (lhs))
    return;
  int dst = esc_use_loc (g, lhs, 0);
  if (dst < 0)
    return;
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    {
      auto_vec<esc_src, 2> srcs;
      esc_value_srcs (g, gimple_phi_arg_def (phi, i), &srcs,
		      g->locs[dst].depth);
      if (!srcs.is_empty ())
	esc_flow_srcs (g, dst, &srcs, 0, "assign",
		       esc_phi_arg_location (phi, i));
    }
}

/* Return the position of the return statement STMT.  A Go function with
   several return statements has one GIMPLE return, reached by a jump
   from each (each assigns the results where it is written); gccgo gives
   that one no position, so it is then the function's own.  */

static location_t
esc_return_location (gimple *stmt)
{
  location_t loc = gimple_location (stmt);
  if (loc == UNKNOWN_LOCATION && cfun)
    loc = DECL_SOURCE_LOCATION (cfun->decl);
  return loc;
}

/* Add the edges of the statement STMT at loop depth DEPTH.  */

static void
esc_build_stmt (esc_graph *g, gimple *stmt, int depth)
{
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      esc_build_assign (g, as_a <gassign *> (stmt), depth);
      break;
    case GIMPLE_CALL:
      esc_build_call (g, as_a <gcall *> (stmt), depth);
      break;
    case GIMPLE_RETURN:
      {
	auto_vec<esc_src, 2> srcs;
	tree retval = gimple_return_retval (as_a <greturn *> (stmt));
	/* return <retval>: what was written into it made the roots
	   (esc_build_assign) or marked them incomplete (esc_loc_of), and
	   went to the result already.  */
	if (!esc_results_retval_p (retval))
	  esc_value_srcs (g, retval, &srcs, depth);
	location_t loc = esc_return_location (stmt);
	esc_flow_srcs (g, g->ret, &srcs, 0, "return", loc);
	tree decl = esc_results_decl (retval);
	if (!decl && g->ret == g->result && retval
	    && !esc_results_retval_p (retval)
	    && esc_results_shape (TREE_TYPE (retval)))
	  g->results_incomplete = true;
	if (decl && g->ret == g->result)
	  /* Several results: one root each, for per-result summaries.  */
	  esc_result_roots (g, decl, loc);
	break;
      }
    case GIMPLE_ASM:
      {
	gasm *as = as_a <gasm *> (stmt);
	for (unsigned i = 0; i < gimple_asm_ninputs (as); i++)
	  esc_unknown_operand (g, TREE_VALUE (gimple_asm_input_op (as, i)));
	for (unsigned i = 0; i < gimple_asm_noutputs (as); i++)
	  esc_unknown_operand (g, TREE_VALUE (gimple_asm_output_op (as, i)));
	break;
      }
    case GIMPLE_COND:
    case GIMPLE_GOTO:
    case GIMPLE_LABEL:
    case GIMPLE_SWITCH:
    case GIMPLE_NOP:
    case GIMPLE_DEBUG:
    case GIMPLE_PREDICT:
    case GIMPLE_RESX:
    case GIMPLE_EH_DISPATCH:
    case GIMPLE_EH_MUST_NOT_THROW:
      break;
    default:
      /* Not expected in lowered GIMPLE: make what it mentions escape.  */
      for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
	esc_unknown_operand (g, gimple_op (stmt, i));
      break;
    }
}

/* Add to G the edges of the statements of FUN: G's own function, or a
   closure body being inlined.  */

static void
esc_build_body (esc_graph *g, function *fun)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    {
      int depth = esc_bb_depth (bb) + g->depth_bias;
      if (depth > g->max_depth)
	g->max_depth = depth;
      for (gphi_iterator pi = gsi_start_phis (bb); !gsi_end_p (pi);
	   gsi_next (&pi))
	esc_build_phi (g, pi.phi ());
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	esc_build_stmt (g, gsi_stmt (gsi), depth);
    }
}

/* Send where they belong the returns of the closure bodies inlined into
   G, gathered in one location per body (esc_closure_record): into the
   body's record, whose content escapes with it, so that the unknown code
   that may call the body once the record escaped gets them too.  A body
   called directly here is a func literal called where it is written:
   gccgo calls it only there, with a record made for that call, so its
   returns reach the results of those calls (calls.c).  Any other body is
   called through a func value: the calls here whose static chain points
   to its record get its returns (esc_resolve_closure_calls), and as long
   as its record is private to G no other code can call it; otherwise, as
   points-to finds out, its returns go to the heap.  */

static void
esc_route_body_returns (esc_graph *g)
{
  for (unsigned i = 0; i < g->pending_bodies.length (); i++)
    {
      tree fn = g->pending_bodies[i];
      int *ret = g->body_rets->get (fn);
      if (!ret)
	continue;
      location_t loc = DECL_SOURCE_LOCATION (fn);
      esc_store s = { g->pending_chains[2 * i], *ret, 0,
		      "returned by a closure", loc };
      g->stores.safe_push (s);
      if (!g->direct_bodies->contains (fn))
	g->tentative_bodies.safe_push (i);
    }
}

/* Build the escape graph of G's function: its edges, then its stores
   through pointers resolved.  */

void
esc_build_graph (esc_graph *g)
{
  esc_build_body (g, g->fun);
  /* Then the closure bodies, with the records' captures all known.  */
  for (unsigned i = 0; i < g->pending_bodies.length (); i++)
    {
      tree fn = g->pending_bodies[i];
      int chain = g->pending_chains[2 * i];
      function *body = DECL_STRUCT_FUNCTION (fn);
      int *ret = g->body_rets->get (fn);
      g->ret = ret ? *ret : g->heap;
      g->depth_bias = g->locs[chain].depth;
      g->inline_depth = g->pending_chains[2 * i + 1];
      push_cfun (body);
      esc_build_body (g, body);
      pop_cfun ();
    }
  g->ret = g->result;
  g->depth_bias = 0;
  g->inline_depth = 0;
  esc_route_body_returns (g);
  esc_resolve_stores (g);
}
