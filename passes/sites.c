/* sites.c: find the allocation sites in a function's GIMPLE, and gccgo's
   decision for each.

   The front end has already decided (gofrontend/escape.cc) and lowered its
   decision (shared/docs/gccgo-gimple-idioms.md, sections 13 and 14):

   heap    a call of an allocating runtime function (runtime.c's table):
	   runtime.newobject, makeslice, growslice, makemap, makechan,
	   __go_construct_map, and the string runtime with a 0B buffer;
   stack   an address-taken local: a zero-initialised artificial GOTMP.N
	   (new, &T{}, make with a constant size), a GOTMP whose address
	   becomes a slice's __values (literals, variadic slices) or an
	   interface's __object (boxes), a closure or method-value record,
	   a named variable; the stack buffer of a string runtime call;
	   the defer record of runtime.deferprocStack;
   static  the address of read-only data stored as an interface's
	   __object (boxed constants), or a func literal's static
	   descriptor (PKG.F..funcN..f).

   What a runtime.newobject or a stack GOTMP stands for is read from where
   its address flows within a few copies (esc_flow), through SSA names and,
   at -O0, through the locals kept in memory: into __object, into
   __values, into __go_go or runtime.deferproc, into a named variable
   declared at the allocation's own position (a variable moved to the
   heap).  new(T) and &T{...} are told apart, and from other zero-
   initialised temporaries, by the source token at the position gccgo
   gives them ("new", "&"); a closure or method value by the fields of its
   record.  The result does not depend on the optimisation level: the
   pass runs before any optimisation.

   Addresses passed only to runtime functions (channel slots, select cases,
   map iterators, staging copies read by typedmemmove) are helpers, not
   allocation sites.  Site discovery reads each statement once: one walk
   indexes the locals (their constant initialisations, the loads of those
   kept in memory) and keeps the statements with an address operand or a
   runtime call; the scan then visits only those (esc_find_sites).  It is
   linear in the number of statements: each local is classified once, and
   each flow search visits a bounded number of uses.  */

#include "compat.h"
#include "escape.h"

static const char *const esc_kind_names[ESC_KIND_LAST] = {
  "var", "param", "new", "composite-literal", "closure", "method-value",
  "box", "make-slice", "slice-literal", "append", "make-map", "map-literal",
  "make-chan", "string-conv", "concat", "go-args", "defer-args"
};

static const char *const esc_decision_names[ESC_DECISION_LAST] = {
  "heap", "stack", "static"
};

/* Return the name of KIND as used in notes and records.  */

const char *
esc_kind_name (enum esc_kind kind)
{
  return esc_kind_names[kind];
}

/* Return the name of the decision DECISION.  */

const char *
esc_decision_name (enum esc_decision decision)
{
  return esc_decision_names[decision];
}

/* Where an allocated address flows within its function, as far as site
   discovery needs to know.  */

struct esc_flow
{
  bool to_object;		/* stored into an interface's __object */
  bool to_values;		/* stored into a slice's __values */
  bool to_go;			/* the argument block of __go_go */
  bool to_defer;		/* the argument block of runtime.deferproc */
  tree named;			/* a user variable it is assigned to */
  tree stored_parm;		/* a parameter stored into the object */
  tree pointee;			/* the type it is seen to point to */
  tree map_descriptor;		/* the map type descriptor of a map
				   runtime call it is the map of */
};

/* Bounds on the values (SSA names, memory locals) one flow search
   visits, and on the statements using them it looks at: a local used all
   over a large function (an accumulator, a cursor) would otherwise make
   every search through it cost the size of the function, and site
   discovery quadratic.  What the address does past its first uses tells
   nothing about the site anyway.  */
#define ESC_FLOW_LIMIT 16
#define ESC_FLOW_USES_LIMIT 256

/* The discovery state of one function.  */

struct esc_fn_ctx
{
  function *fun;
  char *fname;
  vec<esc_site> *sites;
  hash_set<tree> *classified;	/* locals already decided */
  hash_set<tree> *zero_init;	/* locals stored whole from a constant */
  hash_map<tree, tree> *value_expr_of;	/* GOTMP.N -> named variable */
  hash_map<tree, vec<gimple *> > *loads_of;	/* memory local -> the
						   statements reading it
						   whole (-O0) */
};

/* Return the name of the field REF selects, if it is a COMPONENT_REF,
   else "".  */

static const char *
esc_ref_field_name (tree ref)
{
  if (TREE_CODE (ref) != COMPONENT_REF)
    return "";
  tree field = TREE_OPERAND (ref, 1);
  return DECL_NAME (field) ? IDENTIFIER_POINTER (DECL_NAME (field)) : "";
}

/* Return the named user variable standing for VAR in CTX: VAR itself if it
   is not artificial, the variable whose DECL_VALUE_EXPR is VAR (its GOTMP
   home), or NULL.  */

static tree
esc_named_var (esc_fn_ctx *ctx, tree var)
{
  if (!var || !DECL_P (var))
    return NULL_TREE;
  if (!DECL_ARTIFICIAL (var) && DECL_NAME (var))
    return var;
  tree *named = ctx->value_expr_of->get (var);
  return named ? *named : NULL_TREE;
}

/* Record in FLOW what the use statement STMT does with VALUE, which holds
   the allocated address; push onto WORK the SSA names the address is
   copied to.  */

static void
esc_flow_use (esc_fn_ctx *ctx, gimple *stmt, tree value, esc_flow *flow,
	      vec<tree> *work)
{
  if (gassign *assign = dyn_cast <gassign *> (stmt))
    {
      tree lhs = gimple_assign_lhs (assign);
      tree rhs = gimple_assign_rhs1 (assign);
      bool copy = (rhs == value
		   && (gimple_assign_single_p (assign)
		       || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (assign))));
      if (!copy)
	{
	  /* *VALUE = PARM: the cell of a parameter moved to the heap.  */
	  if (TREE_CODE (rhs) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (rhs))
	    rhs = SSA_NAME_VAR (rhs);
	  if (TREE_CODE (lhs) == MEM_REF && TREE_OPERAND (lhs, 0) == value
	      && rhs && TREE_CODE (rhs) == PARM_DECL)
	    flow->stored_parm = rhs;
	  return;
	}
      const char *field = esc_ref_field_name (lhs);
      if (strcmp (field, "__object") == 0)
	flow->to_object = true;
      else if (strcmp (field, "__values") == 0)
	flow->to_values = true;
      else if (TREE_CODE (lhs) == SSA_NAME)
	{
	  if (!flow->named)
	    flow->named = esc_named_var (ctx, SSA_NAME_VAR (lhs));
	  work->safe_push (lhs);
	}
      else if (VAR_P (lhs) && !is_global_var (lhs))
	{
	  /* A local kept in memory (at -O0 most are): follow its loads.  */
	  if (!flow->named)
	    flow->named = esc_named_var (ctx, lhs);
	  work->safe_push (lhs);
	}
    }
  else if (gcall *call = dyn_cast <gcall *> (stmt))
    {
      const esc_runtime_fn *rt = esc_runtime_lookup (gimple_call_fndecl (call));
      if (rt && rt->role == ESC_RT_GO)
	flow->to_go = true;
      else if (rt && rt->role == ESC_RT_DEFER)
	flow->to_defer = true;
      else if (rt && rt->role == ESC_RT_STACK_DEFER)
	flow->to_defer = true;
      /* runtime.mapaccess1 (&T..d, VALUE, ...), mapassign, mapdelete,
	 mapiterinit, mapclear: every map operation of the runtime but
	 makemap takes the map's type descriptor first and the map
	 second.  */
      tree fndecl = gimple_call_fndecl (call);
      if (!flow->map_descriptor && fndecl && DECL_NAME (fndecl)
	  && startswith (IDENTIFIER_POINTER (DECL_NAME (fndecl)),
			 "runtime.map")
	  && gimple_call_num_args (call) >= 2
	  && gimple_call_arg (call, 1) == value
	  && TREE_CODE (gimple_call_arg (call, 0)) == ADDR_EXPR)
	flow->map_descriptor = gimple_call_arg (call, 0);
      /* typedmemmove (&T..d, VALUE, &STAGING): the staging copy has the
	 type of the object.  */
      if (gimple_call_num_args (call) == 3 && gimple_call_arg (call, 1) == value
	  && TREE_CODE (gimple_call_arg (call, 2)) == ADDR_EXPR
	  && !flow->pointee)
	flow->pointee = TREE_TYPE (TREE_OPERAND (gimple_call_arg (call, 2), 0));
    }
  else if (gphi *phi = dyn_cast <gphi *> (stmt))
    work->safe_push (gimple_phi_result (phi));
}

/* Follow the address held by the SSA name START (or, if START is NULL, the
   address operand of STMT alone) through copies, and fill in FLOW.  */

static void
esc_follow (esc_fn_ctx *ctx, gimple *stmt, tree start, tree addr,
	    esc_flow *flow)
{
  memset (flow, 0, sizeof *flow);
  auto_vec<tree, ESC_FLOW_LIMIT> work;
  if (start)
    work.safe_push (start);
  else
    esc_flow_use (ctx, stmt, addr, flow, &work);

  unsigned uses = 0;
  for (unsigned visited = 0; !work.is_empty () && visited < ESC_FLOW_LIMIT;
       visited++)
    {
      tree value = work.pop ();
      tree type = TREE_TYPE (value);
      if (!flow->pointee && POINTER_TYPE_P (type)
	  && !VOID_TYPE_P (TREE_TYPE (type)))
	flow->pointee = TREE_TYPE (type);
      if (TREE_CODE (value) == SSA_NAME)
	{
	  use_operand_p use;
	  imm_use_iterator iter;
	  FOR_EACH_IMM_USE_FAST (use, iter, value)
	    {
	      if (++uses > ESC_FLOW_USES_LIMIT)
		return;
	      esc_flow_use (ctx, USE_STMT (use), value, flow, &work);
	    }
	}
      else if (vec<gimple *> *loads = ctx->loads_of->get (value))
	for (unsigned i = 0; i < loads->length (); i++)
	  {
	    if (++uses > ESC_FLOW_USES_LIMIT)
	      return;
	    esc_flow_use (ctx, (*loads)[i], value, flow, &work);
	  }
    }
}

/* Return the name of the first field of the record type TYPE, or "".  */

static const char *
esc_first_field (tree type, tree *field_out)
{
  *field_out = NULL_TREE;
  if (!type || TREE_CODE (type) != RECORD_TYPE)
    return "";
  tree f = TYPE_FIELDS (type);
  while (f && TREE_CODE (f) != FIELD_DECL)
    f = DECL_CHAIN (f);
  *field_out = f;
  return f && DECL_NAME (f) ? IDENTIFIER_POINTER (DECL_NAME (f)) : "";
}

/* Return the function-value kind of an object of type TYPE: a closure
   record is { void *f; captures... }, a method value { fn; val }.
   Return ESC_KIND_LAST for anything else.  */

enum esc_kind
esc_func_record_kind (tree type)
{
  tree f;
  const char *first = esc_first_field (type, &f);
  if (!f)
    return ESC_KIND_LAST;
  tree next = DECL_CHAIN (f);
  if (strcmp (first, "f") == 0 && POINTER_TYPE_P (TREE_TYPE (f))
      && VOID_TYPE_P (TREE_TYPE (TREE_TYPE (f))))
    return ESC_KIND_CLOSURE;
  if (strcmp (first, "fn") == 0 && next && DECL_NAME (next)
      && strcmp (IDENTIFIER_POINTER (DECL_NAME (next)), "val") == 0)
    return ESC_KIND_METHOD_VALUE;
  return ESC_KIND_LAST;
}

/* Return true if the locus of LOC1 and LOC2 is the same position.  */

static bool
esc_same_position (location_t loc1, location_t loc2)
{
  expanded_location x1 = expand_location (loc1);
  expanded_location x2 = expand_location (loc2);
  return (x1.line == x2.line && x1.column == x2.column && x1.file && x2.file
	  && strcmp (x1.file, x2.file) == 0);
}

/* Append a new site of KIND with gccgo's DECISION at LOC for STMT to CTX's
   list, and return it.  */

static esc_site *
esc_add_site (esc_fn_ctx *ctx, gimple *stmt, location_t loc,
	      enum esc_kind kind, enum esc_decision decision)
{
  esc_site site;
  memset (&site, 0, sizeof site);
  site.loc = LOCATION_LOCUS (loc);
  if (site.loc <= BUILTINS_LOCATION)
    site.loc = LOCATION_LOCUS (gimple_location (stmt));
  expanded_location xloc = expand_location (site.loc);
  site.file = xloc.file;
  site.line = xloc.line;
  site.col = xloc.column;
  site.function = xstrdup (ctx->fname);
  site.function_line = LOCATION_LINE (DECL_SOURCE_LOCATION (ctx->fun->decl));
  site.kind = kind;
  site.gccgo = decision;
  site.size = ESC_SIZE_NA;
  site.length = site.capacity = site.bytes = site.elem_bytes = -1;
  site.stmt = stmt;
  ctx->sites->safe_push (site);
  return &ctx->sites->last ();
}

/* Return the kind that the source token at LOC gives a new-or-literal
   object: new(T) or &T{...}.  */

static enum esc_kind
esc_kind_from_token (location_t loc, enum esc_kind fallback)
{
  const char *token = esc_source_token (loc);
  if (strcmp (token, "new") == 0)
    return ESC_KIND_NEW;
  if (strcmp (token, "&") == 0)
    return ESC_KIND_COMPOSITE_LITERAL;
  if (strcmp (token, "make") == 0)
    return ESC_KIND_MAKE_SLICE;
  if (strcmp (token, "[") == 0)
    return ESC_KIND_SLICE_LITERAL;
  return fallback;
}

/* Return true if KIND is new(T) or &T{...}.  */

static bool
esc_new_or_literal_p (enum esc_kind kind)
{
  return kind == ESC_KIND_NEW || kind == ESC_KIND_COMPOSITE_LITERAL;
}

/* Return the value of ARG if it is a constant, or an SSA copy of one, that
   fits a long; else -1.  */

static long
esc_constant_arg (tree arg)
{
  for (int i = 0; i < 4 && TREE_CODE (arg) == SSA_NAME; i++)
    {
      gimple *def = SSA_NAME_DEF_STMT (arg);
      if (!gimple_assign_single_p (def) && !gimple_assign_cast_p (def))
	return -1;
      arg = gimple_assign_rhs1 (def);
    }
  if (TREE_CODE (arg) != INTEGER_CST || !tree_fits_shwi_p (arg))
    return -1;
  return tree_to_shwi (arg);
}

/* Return the value of ARG, an operand of a runtime call gccgo made for a
   Go expression, if that expression was a Go constant; else -1.  Go's
   rules (a make of non-constant size is heap-allocated) are about the
   source: gccgo passes a constant as such, and anything else through a
   temporary (GOTMP.N) even when its value is known, as in n := 32;
   make([]int, n).  Nothing has propagated constants before the plugin's
   passes, so an SSA name here is a non-constant expression.  */

static long
esc_go_constant_arg (tree arg)
{
  if (TREE_CODE (arg) != INTEGER_CST || !tree_fits_shwi_p (arg))
    return -1;
  return tree_to_shwi (arg);
}

/* Return the size of TYPE in bytes, or -1 if it is unknown.  */

static long
esc_type_bytes (tree type)
{
  if (!type || !COMPLETE_TYPE_P (type)
      || !tree_fits_shwi_p (TYPE_SIZE_UNIT (type)))
    return -1;
  return tree_to_shwi (TYPE_SIZE_UNIT (type));
}

/* Return what the result of CALL, a call of runtime.newobject, stands for,
   from where it flows (FLOW, filled in here) and the source token at its
   position.  For a variable moved to the heap, set *NAME to it.  */

static enum esc_kind
esc_newobject_kind (esc_fn_ctx *ctx, gcall *call, esc_flow *flow,
		    tree *name)
{
  location_t loc = gimple_location (call);
  tree lhs = gimple_call_lhs (call);
  memset (flow, 0, sizeof *flow);
  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    esc_follow (ctx, call, lhs, NULL_TREE, flow);
  else if (lhs)
    flow->named = esc_named_var (ctx, lhs);

  /* A variable moved to the heap is allocated at its declaration.  */
  if (flow->named
      && esc_same_position (DECL_SOURCE_LOCATION (flow->named), loc))
    {
      *name = flow->named;
      return flow->stored_parm ? ESC_KIND_PARAM : ESC_KIND_VAR;
    }
  enum esc_kind tkind = esc_kind_from_token (loc, ESC_KIND_LAST);
  if (esc_new_or_literal_p (tkind))
    return tkind;
  if (flow->to_go)
    return ESC_KIND_GO_ARGS;
  if (flow->to_defer)
    return ESC_KIND_DEFER_ARGS;
  if (flow->to_object)
    return ESC_KIND_BOX;
  if (flow->to_values)
    return ESC_KIND_SLICE_LITERAL;
  enum esc_kind fkind = esc_func_record_kind (flow->pointee);
  if (fkind != ESC_KIND_LAST)
    return fkind;
  return tkind != ESC_KIND_LAST ? tkind : ESC_KIND_NEW;
}

/* Replace *TYPE, if set, by the slice type of which it is the element
   type (ELEMENT) or the backing array type [N]T (!ELEMENT).  */

static void
esc_slice_type (char **type, bool element)
{
  if (!*type)
    return;
  const char *elem = *type;
  if (!element)
    {
      const char *close = strchr (*type, ']');
      if ((*type)[0] != '[' || !close)
	return;
      elem = close + 1;
    }
  char *slice = concat ("[]", elem, NULL);
  free (*type);
  *type = slice;
}

/* Record the heap site of CALL, a call of the allocating runtime function
   RT.  */

static void
esc_heap_call_site (esc_fn_ctx *ctx, gcall *call, const esc_runtime_fn *rt)
{
  enum esc_kind kind = rt->kind;
  tree name = NULL_TREE;
  esc_flow flow;
  memset (&flow, 0, sizeof flow);
  if (kind == ESC_KIND_NEW)
    kind = esc_newobject_kind (ctx, call, &flow, &name);

  esc_site *site = esc_add_site (ctx, call, gimple_location (call), kind,
				 ESC_HEAP);
  site->runtime = rt->name;
  tree object_type = (name ? TREE_TYPE (TREE_TYPE (name))
		      : rt->kind == ESC_KIND_NEW ? flow.pointee : NULL_TREE);
  site->bytes = esc_type_bytes (object_type);
  if (site->bytes < 0 && rt->kind == ESC_KIND_NEW
      && gimple_call_num_args (call) > 0)
    site->bytes = esc_descriptor_size (gimple_call_arg (call, 0));
  if (name)
    site->name = xstrdup (IDENTIFIER_POINTER (DECL_NAME (name)));
  /* Closure records and go/defer argument blocks have no Go type.  */
  bool internal = (kind == ESC_KIND_CLOSURE || kind == ESC_KIND_METHOD_VALUE
		   || kind == ESC_KIND_GO_ARGS || kind == ESC_KIND_DEFER_ARGS);
  if (!internal && gimple_call_num_args (call) > 0)
    site->type = esc_go_type_from_descriptor (gimple_call_arg (call, 0));
  else if (kind == ESC_KIND_MAKE_MAP && gimple_call_lhs (call)
	   && TREE_CODE (gimple_call_lhs (call)) == SSA_NAME)
    {
      /* runtime.makemap__small () takes no type descriptor: the map's
	 first operation names its type.  */
      esc_follow (ctx, call, gimple_call_lhs (call), NULL_TREE, &flow);
      if (flow.map_descriptor)
	site->type = esc_go_type_from_descriptor (flow.map_descriptor);
    }

  if (kind == ESC_KIND_MAKE_SLICE)
    {
      /* makeslice (elemtype, len, cap).  */
      esc_slice_type (&site->type, true);
      if (gimple_call_num_args (call) == 3)
	{
	  site->length = esc_go_constant_arg (gimple_call_arg (call, 1));
	  site->capacity = esc_go_constant_arg (gimple_call_arg (call, 2));
	}
      /* gccgo puts a make on the stack only if both are constant; gc (and
	 the verdict, esc_rule_reason) asks only for a constant capacity.  */
      bool constant = site->length >= 0 && site->capacity >= 0;
      site->size = constant ? ESC_SIZE_CONST : ESC_SIZE_VAR;
      long elem = esc_descriptor_size (gimple_call_arg (call, 0));
      site->elem_bytes = elem;
      if (site->capacity >= 0 && elem >= 0)
	site->bytes = elem * site->capacity;
    }
  else if (kind == ESC_KIND_SLICE_LITERAL)
    esc_slice_type (&site->type, false);
  else if (kind == ESC_KIND_APPEND)
    esc_slice_type (&site->type, true);	/* growslice (elemtype, ...) */
}

/* Return the local variable or parameter of CTX's function whose address
   ADDR takes, or NULL.  */

static tree
esc_local_base (esc_fn_ctx *ctx, tree addr)
{
  tree base = get_base_address (TREE_OPERAND (addr, 0));
  if (!base || !DECL_P (base))
    return NULL_TREE;
  if (TREE_CODE (base) == PARM_DECL
      || (VAR_P (base) && !is_global_var (base)))
    return (decl_function_context (base) == ctx->fun->decl
	    ? base : NULL_TREE);
  return NULL_TREE;
}

/* Mark as classified the local whose address ARG takes, if any.  */

static void
esc_mark_local_arg (esc_fn_ctx *ctx, tree arg)
{
  if (TREE_CODE (arg) != ADDR_EXPR)
    return;
  tree base = esc_local_base (ctx, arg);
  if (base)
    ctx->classified->add (base);
}

/* Record the site of CALL, a string runtime call: heap with a 0B buffer,
   stack with the address of a local buffer.  */

static void
esc_buffered_call_site (esc_fn_ctx *ctx, gcall *call,
			const esc_runtime_fn *rt)
{
  if (gimple_call_num_args (call) == 0)
    return;
  tree buf = gimple_call_arg (call, 0);
  enum esc_decision decision = integer_zerop (buf) ? ESC_HEAP : ESC_STACK;
  esc_mark_local_arg (ctx, buf);
  esc_site *site = esc_add_site (ctx, call, gimple_location (call),
				 rt->kind, decision);
  site->runtime = rt->name;
  site->type = xstrdup (rt->type);
  if (decision == ESC_STACK && TREE_CODE (buf) == ADDR_EXPR)
    site->decl = esc_local_base (ctx, buf);
}

/* Record the site of CALL, a call of runtime.deferprocStack: its defer
   record and argument block are on the stack.  */

static void
esc_stack_defer_site (esc_fn_ctx *ctx, gcall *call, const esc_runtime_fn *rt)
{
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    esc_mark_local_arg (ctx, gimple_call_arg (call, i));
  esc_site *site = esc_add_site (ctx, call, gimple_location (call),
				 ESC_KIND_DEFER_ARGS, ESC_STACK);
  site->runtime = rt->name;
  tree rec = gimple_call_arg (call, 0);
  if (TREE_CODE (rec) == ADDR_EXPR)
    site->decl = esc_local_base (ctx, rec);
}

/* Return true if VAR, a static variable, is the descriptor of a func
   literal (PKG.F..funcN..f).  */

static bool
esc_func_literal_descriptor_p (tree var)
{
  if (!DECL_NAME (var))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (var));
  size_t len = strlen (name);
  return (len > 3 && strcmp (name + len - 3, "..f") == 0
	  && strstr (name, "..func") != NULL);
}

/* Consider the address ADDR of a static variable, an operand of STMT:
   record a static site if it is a boxed constant or a capture-less func
   literal.  */

static void
esc_static_addr (esc_fn_ctx *ctx, gimple *stmt, tree addr, tree base)
{
  location_t loc = EXPR_LOCATION (addr);
  if (loc == UNKNOWN_LOCATION)
    loc = gimple_location (stmt);
  if (esc_func_literal_descriptor_p (base))
    {
      esc_add_site (ctx, stmt, loc, ESC_KIND_CLOSURE, ESC_STATIC);
      return;
    }
  if (gimple_assign_single_p (stmt) && gimple_assign_rhs1 (stmt) == addr
      && strcmp (esc_ref_field_name (gimple_assign_lhs (stmt)),
		 "__object") == 0
      && TREE_READONLY (base) && DECL_ARTIFICIAL (base))
    {
      esc_site *site = esc_add_site (ctx, stmt, loc, ESC_KIND_BOX,
				     ESC_STATIC);
      site->type = esc_go_type_from_tree (TREE_TYPE (base));
    }
}

/* Return the constant length stored into the slice whose __values STMT
   sets (X.__values = &A; X.__count = N), or -1.  */

static long
esc_slice_length (gimple *stmt)
{
  if (!gimple_assign_single_p (stmt))
    return -1;
  tree lhs = gimple_assign_lhs (stmt);
  if (strcmp (esc_ref_field_name (lhs), "__values") != 0)
    return -1;
  gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
  for (int i = 0; i < 4 && !gsi_end_p (gsi); i++)
    {
      gsi_next (&gsi);
      if (gsi_end_p (gsi))
	break;
      gimple *next = gsi_stmt (gsi);
      if (!gimple_assign_single_p (next))
	continue;
      tree ref = gimple_assign_lhs (next);
      if (strcmp (esc_ref_field_name (ref), "__count") == 0
	  && operand_equal_p (TREE_OPERAND (ref, 0), TREE_OPERAND (lhs, 0), 0))
	return esc_constant_arg (gimple_assign_rhs1 (next));
    }
  return -1;
}

/* Consider the address ADDR of the local LOCAL, an operand of STMT, the
   first one outside a runtime call: record a stack site if LOCAL is an
   allocation gccgo placed on the stack.  */

static void
esc_local_addr (esc_fn_ctx *ctx, gimple *stmt, tree addr, tree local)
{
  ctx->classified->add (local);
  location_t loc = EXPR_LOCATION (addr);
  if (loc == UNKNOWN_LOCATION)
    loc = gimple_location (stmt);

  esc_flow flow;
  tree lhs = gimple_get_lhs (stmt);
  if (lhs && TREE_CODE (lhs) == SSA_NAME && gimple_assign_single_p (stmt)
      && gimple_assign_rhs1 (stmt) == addr)
    esc_follow (ctx, stmt, lhs, NULL_TREE, &flow);
  else
    esc_follow (ctx, stmt, NULL_TREE, addr, &flow);

  tree type = TREE_TYPE (local);
  tree named = esc_named_var (ctx, local);
  bool zero_init = ctx->zero_init->contains (local);
  enum esc_kind tkind = (zero_init ? esc_kind_from_token (loc, ESC_KIND_LAST)
			 : ESC_KIND_LAST);
  enum esc_kind kind;
  location_t addr_loc = loc;
  if (named)
    {
      kind = TREE_CODE (named) == PARM_DECL ? ESC_KIND_PARAM : ESC_KIND_VAR;
      loc = DECL_SOURCE_LOCATION (named);
    }
  else if (esc_new_or_literal_p (tkind))
    kind = tkind;
  else if (flow.to_object)
    kind = ESC_KIND_BOX;
  else if (flow.to_values)
    kind = (strcmp (esc_source_token (loc), "make") == 0
	    ? ESC_KIND_MAKE_SLICE : ESC_KIND_SLICE_LITERAL);
  else if (esc_func_record_kind (type) != ESC_KIND_LAST)
    kind = esc_func_record_kind (type);
  else if (flow.to_go || flow.to_defer)
    return;	/* part of a go or defer site */
  else if (zero_init && flow.named && esc_source_token (loc)[0] == '\0')
    /* gccgo places the home of new(T) and &T{} at the new or & token;
       other zero-initialised temporaries (map keys, results) are not
       allocations.  Without the source, a zero-initialised temporary
       whose address a variable keeps counts as new(T).  */
    kind = ESC_KIND_NEW;
  else
    return;	/* a temporary, not an allocation */

  esc_site *site = esc_add_site (ctx, stmt, loc, kind, ESC_STACK);
  site->decl = local;
  if (named)
    {
      expanded_location xaddr = expand_location (addr_loc);
      site->name = xstrdup (IDENTIFIER_POINTER (DECL_NAME (named)));
      site->alt_line = xaddr.line;
      site->alt_col = xaddr.column;
    }
  if (kind == ESC_KIND_MAKE_SLICE || kind == ESC_KIND_SLICE_LITERAL)
    {
      /* The backing array [N]T stands for a []T.  */
      site->type = esc_go_type_from_tree (type);
      esc_slice_type (&site->type, false);
      if (kind == ESC_KIND_MAKE_SLICE)
	{
	  site->size = ESC_SIZE_CONST;
	  tree domain = (TREE_CODE (type) == ARRAY_TYPE
			 ? TYPE_DOMAIN (type) : NULL_TREE);
	  if (domain && TYPE_MAX_VALUE (domain)
	      && tree_fits_shwi_p (TYPE_MAX_VALUE (domain)))
	    site->capacity = tree_to_shwi (TYPE_MAX_VALUE (domain)) + 1;
	  if (TREE_CODE (type) == ARRAY_TYPE)
	    site->elem_bytes = esc_type_bytes (TREE_TYPE (type));
	  site->length = esc_slice_length (stmt);
	}
    }
  else if (kind != ESC_KIND_CLOSURE && kind != ESC_KIND_METHOD_VALUE)
    site->type = esc_go_type_from_tree (type);
  site->bytes = esc_type_bytes (type);
}

/* Consider the operand OP of STMT, if it is an address.  RUNTIME_CALL
   says whether STMT calls the Go runtime.  */

static void
esc_scan_operand (esc_fn_ctx *ctx, gimple *stmt, tree op, bool runtime_call)
{
  if (!op || TREE_CODE (op) != ADDR_EXPR)
    return;
  tree base = get_base_address (TREE_OPERAND (op, 0));
  if (!base || !DECL_P (base))
    return;
  if (VAR_P (base) && is_global_var (base))
    {
      if (!runtime_call)
	esc_static_addr (ctx, stmt, op, base);
      return;
    }
  tree local = esc_local_base (ctx, op);
  if (!local || runtime_call || ctx->classified->contains (local))
    return;
  esc_local_addr (ctx, stmt, op, local);
}

/* Consider every address operand of STMT.  */

static void
esc_scan_addresses (esc_fn_ctx *ctx, gimple *stmt)
{
  if (gphi *phi = dyn_cast <gphi *> (stmt))
    {
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	esc_scan_operand (ctx, stmt, gimple_phi_arg_def (phi, i), false);
      return;
    }
  bool runtime_call = esc_runtime_call_p (stmt);
  for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
    if (!(is_gimple_call (stmt) && i == 1))	/* not the callee */
      esc_scan_operand (ctx, stmt, gimple_op (stmt, i), runtime_call);
}

/* Scan STMT for a call of a runtime function that decides an
   allocation.  */

static void
esc_scan_call (esc_fn_ctx *ctx, gimple *stmt)
{
  gcall *call = dyn_cast <gcall *> (stmt);
  if (!call)
    return;
  const esc_runtime_fn *rt = esc_runtime_lookup (gimple_call_fndecl (call));
  if (!rt)
    return;
  switch (rt->role)
    {
    case ESC_RT_ALLOC:
      esc_heap_call_site (ctx, call, rt);
      break;
    case ESC_RT_BUFFERED:
      esc_buffered_call_site (ctx, call, rt);
      break;
    case ESC_RT_STACK_DEFER:
      esc_stack_defer_site (ctx, call, rt);
      break;
    default:
      break;
    }
}

/* Record in CTX the named variables of BLOCK and its subblocks whose
   DECL_VALUE_EXPR is a local: gccgo gives a GOTMP home at the function's
   top level to a variable whose address is taken but does not escape, if
   it is declared in an inner scope or the function has a defer
   (gofrontend/gogo.cc, Flatten::variable and Function::build).  */

static void
esc_collect_value_exprs (esc_fn_ctx *ctx, tree block)
{
  for (; block; block = BLOCK_CHAIN (block))
    {
      for (tree var = BLOCK_VARS (block); var; var = DECL_CHAIN (var))
	if (VAR_P (var) && DECL_HAS_VALUE_EXPR_P (var)
	    && VAR_P (DECL_VALUE_EXPR (var)))
	  ctx->value_expr_of->put (DECL_VALUE_EXPR (var), var);
      esc_collect_value_exprs (ctx, BLOCK_SUBBLOCKS (block));
    }
}

/* Record in CTX what STMT tells about the function's locals: a local
   stored whole from a constant (GOTMP.N = {} or GOTMP.N = 0) is one of
   gccgo's stack homes for new(T) and &T{}; a load from a local kept in
   memory is one of the statements reading it.  */

static void
esc_index_local_stmt (esc_fn_ctx *ctx, gimple *stmt)
{
  if (!gimple_assign_single_p (stmt) || gimple_clobber_p (stmt))
    return;
  tree lhs = gimple_assign_lhs (stmt);
  tree rhs = gimple_assign_rhs1 (stmt);
  if (VAR_P (lhs) && !is_global_var (lhs)
      && (TREE_CODE (rhs) == CONSTRUCTOR || CONSTANT_CLASS_P (rhs)))
    ctx->zero_init->add (lhs);
  else if (VAR_P (rhs) && !is_global_var (rhs)
	   && POINTER_TYPE_P (TREE_TYPE (rhs)))
    {
      bool existed;
      vec<gimple *> &loads = ctx->loads_of->get_or_insert (rhs, &existed);
      if (!existed)
	loads = vNULL;
      loads.safe_push (stmt);
    }
}

/* Return true if scanning STMT (esc_scan_call, esc_scan_addresses) may
   record a site or classify a local: if STMT calls a function of the
   runtime table or has an address among its operands.  */

static bool
esc_scan_wanted_p (gimple *stmt)
{
  if (gphi *phi = dyn_cast <gphi *> (stmt))
    {
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	{
	  tree arg = gimple_phi_arg_def (phi, i);
	  if (arg && TREE_CODE (arg) == ADDR_EXPR)
	    return true;
	}
      return false;
    }
  bool call = is_gimple_call (stmt);
  if (call && esc_runtime_lookup (gimple_call_fndecl (stmt)))
    return true;
  for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
    {
      tree op = gimple_op (stmt, i);
      if (op && TREE_CODE (op) == ADDR_EXPR && !(call && i == 1))
	return true;
    }
  return false;
}

/* Append to SITES every allocation site of FUN, which must be cfun, in
   statement order.  If ALSO is not NULL, pass it every statement of FUN
   (but PHIs): whatever else needs a walk of the whole function before
   its graph is built gets it here, while the statements are in the
   cache.  Return the number of statements and PHIs of FUN (for the stats
   option: a walk of its own would cost a large function a read of all
   its statements from memory).

   Classifying an address needs the whole function indexed first (the
   loads of a local may come after its address is taken), but a second
   walk of a function larger than the cache reads all its statements from
   memory again.  So one walk indexes the locals and keeps the statements
   that have anything to scan, a few of them; the scan then visits those,
   in the same order.  */

unsigned long
esc_find_sites (function *fun, vec<esc_site> *sites,
		void (*also) (gimple *))
{
  unsigned long statements = 0;
  hash_set<tree> classified;
  hash_set<tree> zero_init;
  hash_map<tree, tree> value_expr_of;
  hash_map<tree, vec<gimple *> > loads_of;
  auto_vec<gimple *> wanted;
  esc_fn_ctx ctx;
  ctx.fun = fun;
  ctx.fname = esc_go_function_name (fun->decl);
  ctx.sites = sites;
  ctx.classified = &classified;
  ctx.zero_init = &zero_init;
  ctx.value_expr_of = &value_expr_of;
  ctx.loads_of = &loads_of;

  esc_collect_value_exprs (&ctx, DECL_INITIAL (fun->decl));

  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    {
      for (gphi_iterator psi = gsi_start_phis (bb); !gsi_end_p (psi);
	   gsi_next (&psi))
	{
	  statements++;
	  if (esc_scan_wanted_p (psi.phi ()))
	    wanted.safe_push (psi.phi ());
	}
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  statements++;
	  if (also)
	    also (stmt);
	  esc_index_local_stmt (&ctx, stmt);
	  if (!is_gimple_debug (stmt) && !gimple_clobber_p (stmt)
	      && esc_scan_wanted_p (stmt))
	    wanted.safe_push (stmt);
	}
    }

  for (unsigned i = 0; i < wanted.length (); i++)
    {
      esc_scan_call (&ctx, wanted[i]);
      esc_scan_addresses (&ctx, wanted[i]);
    }

  for (hash_map<tree, vec<gimple *> >::iterator it = loads_of.begin ();
       it != loads_of.end (); ++it)
    (*it).second.release ();
  free (ctx.fname);
  return statements;
}
