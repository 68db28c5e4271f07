/* graph.h: the escape graph of one function, shared by the files of the
   recomputed analysis (graph.c, stmts.c, calls.c, solve.c, summary.c).

   The model is gc's (cmd/compile/internal/escape/graph.go): a directed
   graph of locations, each edge an assignment DST = SRC weighted by the
   dereferences applied to SRC (-1 for &SRC, 0 for a copy, 1 for *SRC;
   a call summary may add more).  See solve.c for how it is solved and
   stmts.c for how GIMPLE becomes edges.  */

#ifndef ESCAPE_GRAPH_H
#define ESCAPE_GRAPH_H

enum esc_loc_kind
{
  ESC_LOC_HEAP,			/* the heap: globals, unknown memory */
  ESC_LOC_PARAM,		/* a parameter, or the static chain */
  ESC_LOC_RESULT,		/* the function's results, merged */
  ESC_LOC_VAR,			/* a local variable kept in memory */
  ESC_LOC_SSA,			/* an SSA name */
  ESC_LOC_OBJECT		/* the object a runtime call allocates */
};

/* An edge DST = SRC.  The edges of a graph live in one vector, in the
   order they were made; each location chains its incoming edges through
   NEXT, oldest first.  One vector, not one per location, keeps a large
   function's graph small and its walks local (most locations have one
   incoming edge).  What only a flow path shows, the reason and the
   position, is kept apart (esc_edge_info): the propagations and the
   solver sweep the edges many times over, and a large function's edges
   do not fit in the L2 cache.  */
struct esc_edge
{
  int src;			/* index of the source location */
  int dst;			/* index of the destination */
  int next;			/* DST's next incoming edge, or -1 */
  short derefs;			/* -1 address-of, 0 copy, 1 load ... */
  bool conservative;		/* made because something was not
				   understood: an unknown callee ... */
};

/* Where the edge of the same index comes from, for flow paths and
   dumps.  */
struct esc_edge_info
{
  const char *why;		/* gc-style reason: "assign", "call
				   parameter", "captured by a closure" */
  location_t loc;		/* the statement that made the edge */
};

/* A location.  The fields are ordered to keep it small: a large
   function has tens of thousands, and the propagations and the solver
   sweep them many times over.  What only building the graph and
   reporting read is kept apart (esc_loc_info).  */
struct esc_loc
{
  /* Local points-to (graph.c), used to resolve stores through
     pointers.  */
  bitmap pts;			/* locations it may point to */
  int param;			/* parameter index; the chain is NPARAMS */
  int depth;			/* loop depth of its lifetime */
  int in_first;			/* its first incoming edge (esc_edge), or
				   -1 */

  /* Solver state (solve.c).  */
  int walkgen;
  int parent;			/* the location it was reached from */
  int parent_edge;		/* the edge into PARENT it was reached by */
  signed char derefs;
  ENUM_BITFIELD (esc_loc_kind) kind : 8;
  bool pts_unknown : 1;		/* it may point anywhere else */
  bool exposed : 1;		/* code outside the function may write it */
  bool cons : 1;		/* reached through a conservative edge */
  bool escapes : 1;		/* its address outlives it */
  bool ssa_once : 1;		/* an SSA name of the function itself (not
				   of an inlined body), not defined by a
				   PHI: esc_single_valued_p */
};

/* What names the location of the same index, and its last incoming
   edge: read while the graph is built, and for flow paths and dumps.  */
struct esc_loc_info
{
  tree t;			/* the decl or SSA name, or NULL */
  int site;			/* the allocation site it is, or -1 */
  int in_last;			/* its last incoming edge, or -1 */
};

/* Iterate E (an int) over the incoming edges of location L of G, oldest
   first.  Adding an edge may move the edges: hold indices, not
   pointers, across esc_flow.  */
#define FOR_EACH_IN_EDGE(G, L, E) \
  for (int E = (G)->locs[L].in_first; E >= 0; E = (G)->edges[E].next)

/* A store *PTR = SRC (with SRC's DEREFS applied) through a pointer;
   resolved once points-to is known (graph.c).  */
struct esc_store
{
  int ptr;
  int src;
  int derefs;
  const char *why;
  location_t loc;
};

/* A call through a func value that no constant resolves (devirt.c): the
   closure bodies it may call are those whose records its static chain
   points to, known once points-to is (esc_resolve_closure_calls, as
   stores are).  */
struct esc_closure_call
{
  int lhs;			/* its result's location, or -1 */
  int chain;			/* a location holding the chain's value */
  int first_arg;		/* the locations holding the arguments: */
  unsigned nargs;		/* FIRST_ARG .. FIRST_ARG + NARGS - 1 */
  location_t loc;
  bitmap linked;		/* the bodies (indexes of pending_bodies)
				   already linked: the arguments flow to
				   their parameters, their returns to LHS */
  bool to_heap;			/* the arguments already go to the heap,
				   LHS has it */
};

/* A value flowing somewhere: a location with dereferences applied.  */
struct esc_src
{
  int loc;
  int derefs;
};

/* The graph of one function.  */
/* SSA names defined by loads, hashed by what they load: two loads of
   the same reference (operand_equal_p) with the same virtual operand read
   the same memory in the same state, so give the same value.  gccgo loads
   a field again for each use (box.pair.p1 = box.pair.p2 loads box.pair
   twice), and the self-store rule needs to know the two are one.  */

struct esc_load_hasher : nofree_ptr_hash<tree_node>
{
  /* Cheap: the memory state, and the decl or the pointer the reference
     is based on; equal () tells the references apart.  */
  static hashval_t hash (tree name)
  {
    gimple *def = SSA_NAME_DEF_STMT (name);
    tree base = get_base_address (gimple_assign_rhs1 (def));
    if (base && TREE_CODE (base) == MEM_REF)
      base = TREE_OPERAND (base, 0);
    return iterative_hash_hashval_t (SSA_NAME_VERSION (gimple_vuse (def)),
				     htab_hash_pointer (base));
  }
  static bool equal (tree a, tree b)
  {
    gimple *da = SSA_NAME_DEF_STMT (a), *db = SSA_NAME_DEF_STMT (b);
    return (gimple_vuse (da) == gimple_vuse (db)
	    && types_compatible_p (TREE_TYPE (a), TREE_TYPE (b))
	    && operand_equal_p (gimple_assign_rhs1 (da),
				gimple_assign_rhs1 (db), 0));
  }
};

/* A capture of a closure record: the body the record is made for (or
   ESC_ANY_BODY, for a record not known to be one body's) and the field.
   gccgo gives closures capturing variables of the same types one record
   type, so a field alone would mix the captures of all of them.  */
typedef pair_hash<nofree_ptr_hash<tree_node>, nofree_ptr_hash<tree_node> >
  esc_capture_key;
#define ESC_ANY_BODY void_node

struct esc_graph
{
  function *fun;
  tree fndecl;
  vec<esc_loc> locs;
  vec<esc_loc_info> loc_info;	/* their names, sites and last edges */
  vec<esc_edge> edges;		/* all edges, chained per destination */
  vec<esc_edge_info> edge_info;	/* their reasons and positions */
  hash_map<tree, int> *index;	/* decl or SSA name -> location */
  vec<int> ssa_locs;		/* SSA version -> location, or -1, for
				   the function's own SSA names */
  hash_table<esc_load_hasher> *loads;	/* SSA names defined by loads, to
					   find equal ones (graph.c) */
  hash_map<gimple *, int> *objects;	/* allocating call -> object */
  hash_map<gimple *, int> *site_of;	/* site statement -> site */
  vec<esc_store> stores;
  vec<esc_closure_call> closure_calls;	/* unresolved calls of closures */
  vec<unsigned> tentative_bodies;	/* bodies (indexes of pending_bodies)
					   whose returns stay in their
					   records while these are private */
  vec<esc_src> exposed;		/* values handed to code that may write
				   through them (callees) */
  vec<esc_site> *sites;		/* the unit's sites */
  unsigned first_site, last_site;	/* this function's */
  int heap, result;
  int results[ESC_MAX_RESULTS];	/* per-result roots of a function with
				   several results, or -1 */
  bool results_incomplete;	/* a return the roots do not cover */
  hash_map<tree, int> *field_base;	/* result-shaped local -> the first of
					   its per-field locations */
  int ret;			/* where returns go: RESULT, or the heap in
				   an inlined closure body */
  int depth_bias;		/* loop depth added to an inlined body's */
  int inline_depth;		/* closure bodies being inlined */
  hash_map<tree, int> *inlined;	/* closure body -> its chain location */
  vec<int> inlined_ranges;	/* their site ranges (analyse.c) */
  vec<int> site_locs;		/* the locations of stack sites' variables,
				   made before the graph at depth INT_MAX
				   (analyse.c) */
  vec<int> rule_objects;	/* the locations of objects gccgo
				   heap-allocates because Go's rules put
				   them there whatever their flows
				   (analyse.c, solve.c) */
  hash_map<esc_capture_key, int> *capture_of;	/* (closure body, record
						   field) -> index in
						   CAPTURES */
  vec<vec<esc_src> > captures;	/* the values stored into each field */
  hash_map<tree, tree> *record_body;	/* a closure record (its decl, or the
					   SSA pointer to it) -> the body
					   whose code pointer it holds */
  hash_set<nofree_string_hash> *cell_names;	/* names of the variables
						   gccgo moved to the heap
						   (lazily, graph.c) */
  hash_map<tree, tree> *bound_params;	/* chains and thunk parameters of
					   the inlined bodies -> their body:
					   reads through them use CAPTURES */
  hash_map<tree, int> *body_rets;	/* inlined closure body -> where its
					   returns go */
  hash_set<tree> *direct_bodies;	/* inlined bodies called directly */
  vec<tree> pending_bodies;	/* closure bodies to inline */
  vec<int> pending_chains;	/* and their chain locations */
  int nparams;			/* GIMPLE parameters; the static chain
				   gets index NPARAMS */
  int max_depth;
  bitmap_obstack obstack;
  unsigned conservative;	/* conservative edges made */
  unsigned unknown_calls;	/* calls of functions without summary */
};

/* graph.c */
void esc_graph_init (esc_graph *g, function *fun, vec<esc_site> *sites,
		     unsigned first, unsigned last);
void esc_graph_release (esc_graph *g);
void esc_graph_spares_release (void);
int esc_new_loc (esc_graph *g, enum esc_loc_kind kind, tree t, int depth);
int esc_loc_of (esc_graph *g, tree t, int depth);
void esc_flow (esc_graph *g, int dst, int src, int derefs, const char *why,
	       location_t loc, bool conservative = false);
void esc_flow_srcs (esc_graph *g, int dst, vec<esc_src> *srcs, int derefs,
		    const char *why, location_t loc, bool conservative = false);
void esc_resolve_stores (esc_graph *g);
void esc_expose (esc_graph *g, vec<esc_src> *srcs);
char *esc_loc_name (esc_graph *g, int l);

/* analyse.c */
void esc_claim_closure_sites (esc_graph *g, tree fn);

/* stmts.c */
void esc_build_graph (esc_graph *g);
void esc_value_srcs (esc_graph *g, tree op, vec<esc_src> *out, int depth);
void esc_store_to (esc_graph *g, tree lhs, vec<esc_src> *srcs,
		   const char *why, location_t loc, int depth);
int esc_bb_depth (basic_block bb);
int esc_unnamed_fields (tree type, bool resn);
int esc_results_shape (tree type);
tree esc_results_decl (tree op);
int esc_field_loc (esc_graph *g, tree decl, int k);
bool esc_inline_thunk (esc_graph *g, tree thunk, vec<esc_src> *block,
		       location_t loc, int depth);
bool esc_type_has_pointers (tree type);
void esc_store_through (esc_graph *g, tree ptr, vec<esc_src> *srcs,
			const char *why, location_t loc, int depth);

/* devirt.c */
tree esc_resolve_callee (esc_graph *g, gcall *call);
void esc_devirt_begin (function *fun);
void esc_devirt_note (gimple *stmt);
void esc_devirt_release (void);

/* calls.c */
void esc_build_call (esc_graph *g, gcall *call, int depth);

/* summary.c */
const esc_leak *esc_callee_leaks (tree fndecl, unsigned nargs,
				  const char **source);
unsigned esc_summary_nparams (tree fndecl);
void esc_summary_whys (const char *source, const char **param,
		       const char **result);
bool esc_set_summary (tree fndecl, const esc_leak *leaks, unsigned n);
void esc_summaries_release (void);

/* solve.c */
void esc_solve (esc_graph *g, esc_leak *leaks);

#endif /* ESCAPE_GRAPH_H */
