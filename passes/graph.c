/* graph.c: locations and edges of the escape graph, and the local
   points-to that resolves stores through pointers.

   Design.  Every local variable kept in memory, every SSA name, every
   parameter (the static chain included) and every object a runtime call
   allocates is a location.  A memory variable's location stands for its
   contents, all fields and elements together (as in gc); so does an
   allocated object's.  The heap is one location, and so are the
   function's results (gccgo returns them as one struct).

   Loads and copies are edges (x = *p is "x = p, 1 deref").  A store *p = y
   cannot be one edge in this model: gc sends y to the heap, since p may
   point anywhere.  gccgo, though, fills even its stack objects through
   SSA pointers (GOTMP.34_1->P = &x, *GOTMP.84_2 = n), so that rule would
   make most of gccgo's stack objects "escape".  Instead the stores are
   kept aside and resolved with a small, flow-insensitive points-to
   (Andersen's, over the edges of this function only): a store through a
   pointer known to point only to local locations becomes an edge into each
   of them; a store through a pointer that may point anywhere else
   (a parameter, a call's result, a value loaded from the heap) goes to the
   heap, as in gc.  This is more precise than gc, and sound: points-to sets
   only grow, and "unknown" always wins.

   Unknown code can write into memory it can reach: a callee into what its
   arguments point to, anyone into what the heap holds.  Such memory is
   "exposed": its points-to set becomes unknown, and so, transitively, does
   that of everything it points to.  Values read from the heap, from
   globals and from calls are unknown too (an edge from the heap).

   Self-stores.  gc ignores an assignment into an object of a value loaded
   from the same object ("ignoring self-assignment in b.buf1 =
   b.buf1[1:2]"): it makes nothing reachable that was not.  Here the rule
   is semantic, not syntactic, so that it survives gccgo's staging
   temporaries and write barriers: a store *P = Y through a pointer that
   may point anywhere does not go to the heap if P is an address inside
   the object *X and every value Y may hold was loaded from *X, for one X
   that holds a single value during the call (a parameter never assigned,
   or an SSA name defined outside loops and not by a PHI).  X's
   "origin" (the root of an address) and Y's "source" (the root whose
   object it was loaded from) are computed over the edges, optimistically
   and to a fixpoint.  A location without incoming edges (a constant, an
   integer offset, the address of static data) constrains neither; a
   value from the heap or from a call, an address of a local, or memory
   that code outside the function may write is no self-store.  Two loads
   of one reference under one virtual operand are one location
   (esc_equal_load): gccgo loads box.pair twice for box.pair.p1 =
   box.pair.p2, and the rule needs to see one X.  */

#include "compat.h"
#include "escape.h"
#include "graph.h"

/* Points-to sets larger than this become unknown, which is
   conservative and keeps the resolution cheap.  */
#define ESC_PTS_LIMIT 64

/* Passes over the edges before points-to gives up on a fixpoint and makes
   every set unknown.  */
#define ESC_PTS_MAX_PASSES 16

/* The largest vectors of the last graph released, kept for the next:
   a unit's graphs are made one after the other, and a large function's
   would otherwise be fresh memory, page after page, each time.  */
static vec<esc_loc> esc_spare_locs;
static vec<esc_loc_info> esc_spare_loc_info;
static vec<esc_edge> esc_spare_edges;
static vec<esc_edge_info> esc_spare_edge_info;
static vec<int> esc_spare_ssa_locs;

/* Move the vector *FROM, emptied, to *TO if *TO holds none (release it
   otherwise).  */

template<typename T>
static void
esc_keep_spare (vec<T> *from, vec<T> *to)
{
  if (!to->exists ())
    {
      from->truncate (0);
      *to = *from;
    }
  else
    from->release ();
  *from = vNULL;
}

/* Release the vectors kept for the next graph: the unit is done.  */

void
esc_graph_spares_release (void)
{
  esc_spare_locs.release ();
  esc_spare_loc_info.release ();
  esc_spare_edges.release ();
  esc_spare_edge_info.release ();
  esc_spare_ssa_locs.release ();
}

/* Initialise G for the function FUN, whose allocation sites are
   SITES[FIRST..LAST).  */

void
esc_graph_init (esc_graph *g, function *fun, vec<esc_site> *sites,
		unsigned first, unsigned last)
{
  memset ((void *) g, 0, sizeof *g);
  g->fun = fun;
  g->fndecl = fun->decl;
  /* About one location per SSA name and local, and one edge per
     location: reserving them saves a large function's graph from being
     copied as it grows.  */
  unsigned guess = (vec_safe_length (fun->local_decls) + 64
		    + (fun->gimple_df
		       ? vec_safe_length (fun->gimple_df->ssa_names) : 0));
  g->locs = esc_spare_locs;
  g->loc_info = esc_spare_loc_info;
  g->edges = esc_spare_edges;
  g->edge_info = esc_spare_edge_info;
  g->ssa_locs = esc_spare_ssa_locs;
  esc_spare_locs = vNULL;
  esc_spare_loc_info = vNULL;
  esc_spare_edges = vNULL;
  esc_spare_edge_info = vNULL;
  esc_spare_ssa_locs = vNULL;
  g->locs.reserve_exact (guess);
  g->loc_info.reserve_exact (guess);
  g->edges.reserve_exact (guess);
  g->edge_info.reserve_exact (guess);
  /* Sized for the function's own locals, most of which get a location:
     a large function's index would otherwise be rehashed a dozen
     times.  */
  g->index = new hash_map<tree, int> (vec_safe_length (fun->local_decls)
				      + 16);
  if (fun->gimple_df)
    {
      g->ssa_locs.safe_grow (vec_safe_length (fun->gimple_df->ssa_names));
      for (unsigned i = 0; i < g->ssa_locs.length (); i++)
	g->ssa_locs[i] = -1;
    }
  g->loads = new hash_table<esc_load_hasher> (64);
  g->objects = new hash_map<gimple *, int>;
  g->site_of = new hash_map<gimple *, int>;
  g->stores.create (16);
  g->closure_calls = vNULL;
  g->tentative_bodies = vNULL;
  g->exposed.create (16);
  g->sites = sites;
  g->first_site = first;
  g->last_site = last;
  bitmap_obstack_initialize (&g->obstack);
  g->heap = esc_new_loc (g, ESC_LOC_HEAP, NULL_TREE, -1);
  g->result = esc_new_loc (g, ESC_LOC_RESULT, NULL_TREE, 0);
  g->ret = g->result;
  for (int k = 0; k < ESC_MAX_RESULTS; k++)
    g->results[k] = -1;
  g->field_base = new hash_map<tree, int>;
  g->inlined = new hash_map<tree, int>;
  g->inlined_ranges = vNULL;
  g->site_locs = vNULL;
  g->rule_objects = vNULL;
  g->capture_of = new hash_map<esc_capture_key, int>;
  g->record_body = new hash_map<tree, tree>;
  g->bound_params = new hash_map<tree, tree>;
  g->captures = vNULL;
  g->body_rets = new hash_map<tree, int>;
  g->direct_bodies = new hash_set<tree>;
  g->pending_bodies = vNULL;
  g->pending_chains = vNULL;

  int n = 0;
  for (tree p = DECL_ARGUMENTS (fun->decl); p; p = DECL_CHAIN (p))
    {
      int l = esc_new_loc (g, ESC_LOC_PARAM, p, 0);
      g->locs[l].param = n++;
      g->index->put (p, l);
    }
  g->nparams = n;
  if (fun->static_chain_decl)
    {
      int l = esc_new_loc (g, ESC_LOC_PARAM, fun->static_chain_decl, 0);
      g->locs[l].param = n;
      g->index->put (fun->static_chain_decl, l);
    }
  for (unsigned i = first; i < last; i++)
    if ((*sites)[i].stmt)
      g->site_of->put ((*sites)[i].stmt, i);
}

/* Release everything G holds.  */

void
esc_graph_release (esc_graph *g)
{
  esc_keep_spare (&g->locs, &esc_spare_locs);
  esc_keep_spare (&g->loc_info, &esc_spare_loc_info);
  esc_keep_spare (&g->edges, &esc_spare_edges);
  esc_keep_spare (&g->edge_info, &esc_spare_edge_info);
  esc_keep_spare (&g->ssa_locs, &esc_spare_ssa_locs);
  g->stores.release ();
  g->closure_calls.release ();
  g->tentative_bodies.release ();
  g->exposed.release ();
  delete g->index;
  delete g->loads;
  delete g->objects;
  delete g->site_of;
  delete g->inlined;
  g->inlined_ranges.release ();
  g->site_locs.release ();
  g->rule_objects.release ();
  delete g->capture_of;
  delete g->record_body;
  delete g->bound_params;
  delete g->field_base;
  delete g->cell_names;
  for (unsigned i = 0; i < g->captures.length (); i++)
    g->captures[i].release ();
  g->captures.release ();
  delete g->body_rets;
  delete g->direct_bodies;
  g->pending_bodies.release ();
  g->pending_chains.release ();
  bitmap_obstack_release (&g->obstack);
}

/* Add to G a location of KIND for the tree T (or NULL) living at loop
   depth DEPTH, and return its index.  */

int
esc_new_loc (esc_graph *g, enum esc_loc_kind kind, tree t, int depth)
{
  esc_loc loc;
  memset ((void *) &loc, 0, sizeof loc);
  loc.kind = kind;
  loc.param = -1;
  loc.depth = depth;
  loc.parent = -1;
  loc.in_first = -1;
  loc.pts = NULL;
  esc_loc_info info = { t, -1, -1 };
  g->locs.safe_push (loc);
  g->loc_info.safe_push (info);
  return g->locs.length () - 1;
}

/* Return an SSA name of G equal to NAME, a new SSA name, or NULL_TREE:
   both defined by loads of the same memory in the same state (see
   esc_load_hasher).  Record NAME for the names that come after.  Only
   values that may hold pointers matter.  */

static tree
esc_equal_load (esc_graph *g, tree name)
{
  gimple *def = SSA_NAME_DEF_STMT (name);
  if (SSA_NAME_IS_DEFAULT_DEF (name)
      || !esc_type_has_pointers (TREE_TYPE (name))
      || !gimple_assign_single_p (def)
      || !gimple_vuse (def) || gimple_vdef (def)
      || gimple_has_volatile_ops (def)
      || !REFERENCE_CLASS_P (gimple_assign_rhs1 (def)))
    return NULL_TREE;
  tree *slot = g->loads->find_slot (name, INSERT);
  if (*slot)
    return *slot;
  *slot = name;
  return NULL_TREE;
}

/* Return the location of T in G, a local decl or an SSA name, creating it
   (at loop depth DEPTH) if needed; or -1 if T has none (a global, a
   constant).  The default definition of a parameter is the parameter.  */

int
esc_loc_of (esc_graph *g, tree t, int depth)
{
  if (TREE_CODE (t) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (t)
      && SSA_NAME_VAR (t) && TREE_CODE (SSA_NAME_VAR (t)) == PARM_DECL)
    t = SSA_NAME_VAR (t);
  if (TREE_CODE (t) == RESULT_DECL)
    {
      /* The function's several results, written or read otherwise than
	 by the copy of its results local that makes the per-result roots
	 (stmts.c: esc_build_assign; return <retval> does not ask): a
	 call's result, a store, an address taken.  The roots do not see
	 it.  */
      if (t == DECL_RESULT (g->fun->decl)
	  && esc_results_shape (TREE_TYPE (t)))
	g->results_incomplete = true;
      return g->ret;
    }
  if (TREE_CODE (t) != SSA_NAME && TREE_CODE (t) != PARM_DECL
      && !(VAR_P (t) && !is_global_var (t)))
    return -1;
  /* The function's own SSA names are looked up by version, in the order
     they were made, which keeps a large function's lookups local; the
     rest (decls, the SSA names of inlined bodies) by hash.  A name whose
     version has its location is the function's (the location is read
     anyway); only the others need the function's table of names.  */
  int *slot = NULL;
  bool own = false;
  if (TREE_CODE (t) == SSA_NAME
      && SSA_NAME_VERSION (t) < g->ssa_locs.length ())
    {
      int *v = &g->ssa_locs[SSA_NAME_VERSION (t)];
      if (*v >= 0 && g->loc_info[*v].t == t)
	own = true;
      else
	own = (*g->fun->gimple_df->ssa_names)[SSA_NAME_VERSION (t)] == t;
      if (own && *v >= 0)
	slot = v;
    }
  if (!own)
    slot = g->index->get (t);
  if (slot)
    {
      esc_loc *l = &g->locs[*slot];
      /* A memory variable lives as long as its outermost use.  */
      if (l->kind == ESC_LOC_VAR && depth < l->depth)
	l->depth = depth;
      return *slot;
    }
  int l;
  tree same = TREE_CODE (t) == SSA_NAME ? esc_equal_load (g, t) : NULL_TREE;
  if (same)
    {
      /* One value, one location, at the outer of their depths.  */
      l = esc_loc_of (g, same, depth);
      if (depth < g->locs[l].depth)
	g->locs[l].depth = depth;
    }
  else
    {
      /* A parameter not seen yet belongs to an inlined closure body: its
	 value comes from unknown callers.  */
      enum esc_loc_kind kind = (TREE_CODE (t) == SSA_NAME ? ESC_LOC_SSA
				: TREE_CODE (t) == PARM_DECL ? ESC_LOC_PARAM
				: ESC_LOC_VAR);
      l = esc_new_loc (g, kind, t, kind == ESC_LOC_PARAM ? 0 : depth);
      /* Looked at now, while its definition is at hand: the self-store
	 rule asks for every location, at every pass.  */
      g->locs[l].ssa_once = (own
			     && (SSA_NAME_IS_DEFAULT_DEF (t)
				 || (gimple_code (SSA_NAME_DEF_STMT (t))
				     != GIMPLE_PHI)));
    }
  if (own)
    g->ssa_locs[SSA_NAME_VERSION (t)] = l;
  else
    g->index->put (t, l);
  return l;
}

/* Add the edge DST = SRC with DERFS dereferences, made by the statement at
   LOC for the reason WHY; CONSERVATIVE if it stands for something not
   understood.  */

void
esc_flow (esc_graph *g, int dst, int src, int derefs, const char *why,
	  location_t loc, bool conservative)
{
  if (dst < 0 || src < 0 || (dst == src && derefs == 0))
    return;
  if (derefs > ESC_LEAK_MAX_DEREFS)
    derefs = ESC_LEAK_MAX_DEREFS;
  esc_edge e;
  e.src = src;
  e.dst = dst;
  e.next = -1;
  e.derefs = derefs;
  e.conservative = conservative;
  esc_edge_info info = { why, loc };
  int k = g->edges.length ();
  g->edges.safe_push (e);
  g->edge_info.safe_push (info);
  esc_loc_info *d = &g->loc_info[dst];
  if (d->in_last >= 0)
    g->edges[d->in_last].next = k;
  else
    g->locs[dst].in_first = k;
  d->in_last = k;
  if (conservative)
    g->conservative++;
}

/* Add DST = S for every value S of SRCS, with DEREFS more
   dereferences.  */

void
esc_flow_srcs (esc_graph *g, int dst, vec<esc_src> *srcs, int derefs,
	       const char *why, location_t loc, bool conservative)
{
  unsigned i;
  esc_src *s;
  FOR_EACH_VEC_ELT (*srcs, i, s)
    esc_flow (g, dst, s->loc, s->derefs + derefs, why, loc, conservative);
}

/* Return the points-to set of location L of G, creating it.  */

static bitmap
esc_pts (esc_graph *g, int l)
{
  if (!g->locs[l].pts)
    g->locs[l].pts = BITMAP_ALLOC (&g->obstack);
  return g->locs[l].pts;
}

/* Return true if location L of G may point outside the function's
   memory: parameters, the static chain and the heap.  */

static bool
esc_pts_root_unknown (esc_graph *g, int l)
{
  enum esc_loc_kind k = g->locs[l].kind;
  return k == ESC_LOC_PARAM || k == ESC_LOC_HEAP;
}

/* Merge into location DST of G what the points-to set of SRC holds,
   DEREFS (0 or 1) levels down.  Return true if DST changed.  */

static bool
esc_pts_merge (esc_graph *g, int dst, int src, int derefs)
{
  esc_loc *d = &g->locs[dst];
  if (d->pts_unknown)
    return false;
  esc_loc *s = &g->locs[src];
  if (derefs < 0)
    {
      /* DST = &SRC.  */
      return bitmap_set_bit (esc_pts (g, dst), src);
    }
  if (derefs == 0)
    {
      if (s->pts_unknown || esc_pts_root_unknown (g, src))
	{
	  d->pts_unknown = true;
	  return true;
	}
      return s->pts && bitmap_ior_into (esc_pts (g, dst), s->pts);
    }
  /* DST = *SRC (or deeper: give up).  */
  if (derefs > 1 || s->pts_unknown || esc_pts_root_unknown (g, src))
    {
      d->pts_unknown = true;
      return true;
    }
  if (!s->pts)
    return false;
  bool changed = false;
  bitmap_iterator bi;
  unsigned o;
  EXECUTE_IF_SET_IN_BITMAP (s->pts, 0, o, bi)
    {
      if (g->locs[o].pts_unknown || esc_pts_root_unknown (g, o))
	{
	  g->locs[dst].pts_unknown = true;
	  return true;
	}
      if (g->locs[o].pts)
	changed |= bitmap_ior_into (esc_pts (g, dst), g->locs[o].pts);
    }
  return changed;
}

/* Record that the values SRCS are handed to code that may write through
   them.  */

void
esc_expose (esc_graph *g, vec<esc_src> *srcs)
{
  unsigned i;
  esc_src *s;
  FOR_EACH_VEC_ELT (*srcs, i, s)
    g->exposed.safe_push (*s);
}

/* Add to WORK (and SEEN) the locations the value S of G may point to.  */

static void
esc_expose_value (esc_graph *g, esc_src s, bitmap seen, vec<int> *work)
{
  if (s.derefs < 0)
    {
      if (bitmap_set_bit (seen, s.loc))
	work->safe_push (s.loc);
      return;
    }
  bitmap pts = g->locs[s.loc].pts;
  if (!pts)
    return;
  bitmap_iterator bi;
  unsigned o;
  EXECUTE_IF_SET_IN_BITMAP (pts, 0, o, bi)
    if (bitmap_set_bit (seen, o))
      work->safe_push (o);
}

/* The points-to propagation of one graph, kept across the passes of
   esc_resolve_stores: a pass applies the edges made since the previous
   one, and propagates what changes.  */
struct esc_pts_state
{
  unsigned applied;		/* edges applied so far */
  auto_vec<bitmap> deps;	/* object -> the loads that read it */
  auto_vec<int> work;		/* locations whose set changed */
  sbitmap queued;		/* the locations on WORK */
};

/* Push L on WORK unless it is QUEUED already.  */

static inline void
esc_push_loc (vec<int> *work, sbitmap queued, int l)
{
  if (!bitmap_bit_p (queued, l))
    {
      bitmap_set_bit (queued, l);
      work->safe_push (l);
    }
}

/* Make unknown the points-to set of every location of G that code outside
   the function may write: what the exposed values and the values stored
   into the heap point to, transitively; the sets changed go on ST's work
   list.  Return true if a set changed.  */

static bool
esc_apply_exposure (esc_graph *g, esc_pts_state *st)
{
  auto_bitmap seen (&g->obstack);
  auto_vec<int> work;
  unsigned i;
  esc_src *s;
  FOR_EACH_VEC_ELT (g->exposed, i, s)
    esc_expose_value (g, *s, seen, &work);
  FOR_EACH_IN_EDGE (g, g->heap, k)
    {
      esc_src v = { g->edges[k].src, g->edges[k].derefs };
      esc_expose_value (g, v, seen, &work);
    }
  bool changed = false;
  while (!work.is_empty ())
    {
      int o = work.pop ();
      esc_loc *l = &g->locs[o];
      if (l->kind != ESC_LOC_VAR && l->kind != ESC_LOC_OBJECT)
	continue;
      l->exposed = true;
      if (!l->pts_unknown)
	{
	  changed = l->pts_unknown = true;
	  esc_push_loc (&st->work, st->queued, o);
	}
      esc_src v = { o, 0 };
      esc_expose_value (g, v, seen, &work);
    }
  return changed;
}

/* Origins of self-stores (see the comment at the top): not yet known, and
   none (several, or not a single-valued root).  */
#define ESC_ORIGIN_TOP (-2)
#define ESC_ORIGIN_NONE (-1)

/* Return the meet of the origins A and B.  */

static inline int
esc_origin_meet (int a, int b)
{
  if (a == ESC_ORIGIN_TOP)
    return b;
  if (b == ESC_ORIGIN_TOP || a == b)
    return a;
  return ESC_ORIGIN_NONE;
}

/* Return true if the location L of G holds one value during a call: a
   parameter of the function never assigned, or an SSA name of the
   function (not of a closure body inlined into it, which may run many
   times) defined outside loops by a statement that is not a PHI.  */

static bool
esc_single_valued_p (esc_graph *g, int l)
{
  esc_loc *loc = &g->locs[l];
  if (loc->kind == ESC_LOC_PARAM)
    return loc->param >= 0 && loc->in_first < 0;
  return loc->kind == ESC_LOC_SSA && loc->depth == 0 && loc->ssa_once;
}

/* The edges of a graph indexed by their sources: the edges out of L are
   EDGES[USERS[K]] for K in FIRST[L] .. FIRST[L + 1), in the order of their
   making.  (The propagations that use it reach the same fixpoint in any
   order.)  */
struct esc_users
{
  auto_vec<unsigned> first;
  auto_vec<unsigned> users;
  unsigned nedges;		/* the edges indexed; ~0U before any */
};

/* Bring the index U up to the edges of G: a counting sort by source,
   reading the edges in memory order (a large function's edges do not fit
   in the cache; following each location's chain of incoming edges missed
   it at almost every edge).  */

static void
esc_users_update (esc_graph *g, esc_users *u)
{
  unsigned n = g->locs.length (), m = g->edges.length ();
  if (u->nedges == m)
    return;
  u->nedges = m;
  u->first.truncate (0);
  u->first.safe_grow_cleared (n + 1);
  for (unsigned k = 0; k < m; k++)
    u->first[g->edges[k].src + 1]++;
  for (unsigned l = 0; l < n; l++)
    u->first[l + 1] += u->first[l];
  u->users.truncate (0);
  u->users.safe_grow (m);
  auto_vec<unsigned> fill (n);
  fill.quick_grow (n);
  for (unsigned l = 0; l < n; l++)
    fill[l] = u->first[l];
  for (unsigned k = 0; k < m; k++)
    u->users[fill[g->edges[k].src]++] = k;
}

/* Apply to the location DST of G its incoming edge E: merge into DST's
   points-to set what E's source holds (esc_pts_merge), registering DST
   in DEPS[O] for each object O a load reads, and make a set grown past
   ESC_PTS_LIMIT unknown.  Return true if DST changed.  */

static bool
esc_apply_edge (esc_graph *g, int dst, const esc_edge *e, vec<bitmap> *deps)
{
  esc_loc *s = &g->locs[e->src];
  if (e->derefs == 1 && s->pts && !s->pts_unknown
      && !g->locs[dst].pts_unknown)
    {
      bitmap_iterator bi;
      unsigned o;
      EXECUTE_IF_SET_IN_BITMAP (s->pts, 0, o, bi)
	{
	  if (!(*deps)[o])
	    (*deps)[o] = BITMAP_ALLOC (&g->obstack);
	  bitmap_set_bit ((*deps)[o], dst);
	}
    }
  bool ch = esc_pts_merge (g, dst, e->src, e->derefs);
  /* Only a set that grew can have grown too large.  */
  if (ch && !g->locs[dst].pts_unknown && g->locs[dst].pts
      && bitmap_count_bits (g->locs[dst].pts) > ESC_PTS_LIMIT)
    g->locs[dst].pts_unknown = true;
  return ch;
}

/* Propagate the points-to sets of G along its edges to a fixpoint, by
   differences: every edge not applied yet (see ST) is applied once, then,
   whenever a location changes, only the edges out of it, and the loads
   that read it if it is an object a pointer points to (each load
   registers with the objects it reads, esc_apply_edge).  A hub with
   thousands of incoming edges is so not merged again whole at each change
   of one of them.  Sets only grow, and one that passes ESC_PTS_LIMIT
   becomes unknown, so the work is bounded; past a generous budget every
   set becomes unknown (conservative).  U is G's edges indexed by source,
   brought up to date here.  */

static void
esc_propagate_pts (esc_graph *g, esc_pts_state *st, esc_users *u)
{
  unsigned n = g->locs.length ();
  esc_users_update (g, u);
  vec<unsigned> &first = u->first, &users = u->users;
  vec<bitmap> *deps = &st->deps;

  /* The new edges, in the order they were made (the fixpoint does not
     depend on the order).  */
  for (unsigned k = st->applied; k < g->edges.length (); k++)
    if (esc_apply_edge (g, g->edges[k].dst, &g->edges[k], deps))
      esc_push_loc (&st->work, st->queued, g->edges[k].dst);
  st->applied = g->edges.length ();
  /* Then the differences.  */
  unsigned long budget = 64UL * (n + users.length ()) + 1024;
  while (!st->work.is_empty ())
    {
      if (budget-- == 0)
	{
	  for (unsigned l = 0; l < n; l++)
	    g->locs[l].pts_unknown = true;
	  st->work.truncate (0);
	  bitmap_clear (st->queued);
	  break;
	}
      int s = st->work.pop ();
      bitmap_clear_bit (st->queued, s);
      for (unsigned k = first[s]; k < first[s + 1]; k++)
	{
	  const esc_edge *e = &g->edges[users[k]];
	  if (esc_apply_edge (g, e->dst, e, deps))
	    esc_push_loc (&st->work, st->queued, e->dst);
	}
      if ((*deps)[s])
	{
	  /* Loads that read S: LOAD = *P with S in P's set.  */
	  esc_edge e;
	  memset (&e, 0, sizeof e);
	  e.src = s;
	  e.derefs = 0;
	  bitmap_iterator bi;
	  unsigned d;
	  EXECUTE_IF_SET_IN_BITMAP ((*deps)[s], 0, d, bi)
	    if (esc_apply_edge (g, d, &e, deps))
	      esc_push_loc (&st->work, st->queued, d);
	}
    }
}

/* Meet into RMEET and SMEET what the edge E contributes to the origins
   of its destination (see esc_origins), given the current ROOT and SRC of
   its source.  */

static void
esc_origin_edge (esc_graph *g, const esc_edge *e, int *rmeet, int *smeet,
		 const int *root, const int *src)
{
  if (e->src == g->heap || e->derefs < 0 || e->derefs > 1)
    *smeet = ESC_ORIGIN_NONE;
  else if (e->derefs == 1)
    *smeet = esc_origin_meet (*smeet, root[e->src]);
  else
    {
      *rmeet = esc_origin_meet (*rmeet, root[e->src]);
      *smeet = esc_origin_meet (*smeet, src[e->src]);
    }
}

/* Set ROOT[L] and SRC[L] of the location L of G from RMEET and SMEET, the
   meets over its edges, COPIES_ONLY telling whether all of them are
   copies.  Return true if either changed.  */

static bool
esc_origin_finish (esc_graph *g, unsigned l, int rmeet, int smeet,
		   bool copies_only, int *root, int *src)
{
  esc_loc *loc = &g->locs[l];
  int r = rmeet, s = smeet;
  if (loc->kind == ESC_LOC_PARAM || !copies_only || r == ESC_ORIGIN_NONE)
    r = esc_single_valued_p (g, l) ? (int) l : ESC_ORIGIN_NONE;
  /* Else, without a source (a constant, an offset, the address of static
     data), R stays ESC_ORIGIN_TOP.  */
  if (loc->exposed || loc->kind == ESC_LOC_HEAP || loc->kind == ESC_LOC_PARAM)
    s = ESC_ORIGIN_NONE;
  if (r == root[l] && s == src[l])
    return false;
  root[l] = r;
  src[l] = s;
  return true;
}

/* Compute, for every location L of G, ROOT[L]: the single-valued location
   whose object the address L holds points into; and SRC[L]: the one
   whose object every value L holds was loaded from.  ESC_ORIGIN_NONE
   where there is no such location.  Optimistic (from ESC_ORIGIN_TOP) and
   to a fixpoint, by differences: every edge is met once, then, when a
   location changes, only the edges out of it, so that the work is linear
   in the edges.  (Meeting a changed source into the previous meet, rather
   than recomputing it, can only give ESC_ORIGIN_NONE more often: sound.)
   U is G's edges indexed by source, brought up to date here.  */

static void
esc_origins (esc_graph *g, esc_users *u, int *root, int *src)
{
  unsigned n = g->locs.length ();
  esc_users_update (g, u);
  vec<unsigned> &first = u->first, &users = u->users;
  auto_vec<int> rmeet, smeet;
  rmeet.safe_grow (n);
  smeet.safe_grow (n);
  auto_sbitmap copies_only (n);
  bitmap_ones (copies_only);
  auto_vec<int> work;
  auto_sbitmap queued (n);
  bitmap_clear (queued);
  for (unsigned l = 0; l < n; l++)
    root[l] = src[l] = rmeet[l] = smeet[l] = ESC_ORIGIN_TOP;
  for (unsigned l = 0; l < n; l++)
    {
      FOR_EACH_IN_EDGE (g, l, k)
	{
	  const esc_edge *e = &g->edges[k];
	  if (e->derefs != 0 || e->src == g->heap)
	    bitmap_clear_bit (copies_only, l);
	  esc_origin_edge (g, e, &rmeet[l], &smeet[l], root, src);
	}
      if (esc_origin_finish (g, l, rmeet[l], smeet[l],
			     bitmap_bit_p (copies_only, l), root, src))
	esc_push_loc (&work, queued, l);
    }
  while (!work.is_empty ())
    {
      int x = work.pop ();
      bitmap_clear_bit (queued, x);
      for (unsigned k = first[x]; k < first[x + 1]; k++)
	{
	  const esc_edge *e = &g->edges[users[k]];
	  int u = e->dst;
	  esc_origin_edge (g, e, &rmeet[u], &smeet[u], root, src);
	  if (esc_origin_finish (g, u, rmeet[u], smeet[u],
				 bitmap_bit_p (copies_only, u), root, src))
	    esc_push_loc (&work, queued, u);
	}
    }
}

/* Return true if the store S of G writes into an object only values
   loaded from that object (see the comment at the top), given the origins
   ROOT and SRC.  */

static bool
esc_self_store_p (esc_store *s, const int *root, const int *src)
{
  int x = root[s->ptr];
  if (x < 0)
    return false;
  if (s->derefs == 0)
    return src[s->src] == x;
  return s->derefs == 1 && root[s->src] == x;
}

/* Return true if location L of G may point anywhere: its set is unknown,
   or it is a parameter or the heap.  */

static bool
esc_pts_anywhere_p (esc_graph *g, int l)
{
  return g->locs[l].pts_unknown || esc_pts_root_unknown (g, l);
}

/* Return true if the closure record O of G is private: local memory no
   code outside the function may reach (not exposed: not handed to a
   callee, not reachable from the heap).  */

static bool
esc_private_record_p (esc_graph *g, unsigned o)
{
  esc_loc *r = &g->locs[o];
  return (r->kind == ESC_LOC_VAR || r->kind == ESC_LOC_OBJECT) && !r->exposed;
}

/* Link the call C of G to the closure body B (an index of
   G->pending_bodies): C's arguments flow to B's parameters (those B
   uses), B's returns to C's result.  Return false if B does not take
   C's arguments.  */

static bool
esc_link_closure_call (esc_graph *g, esc_closure_call *c, unsigned b)
{
  tree fn = g->pending_bodies[b];
  if ((unsigned) list_length (DECL_ARGUMENTS (fn)) != c->nargs)
    return false;
  if (!c->linked)
    c->linked = BITMAP_ALLOC (&g->obstack);
  if (!bitmap_set_bit (c->linked, b))
    return true;
  unsigned i = 0;
  for (tree p = DECL_ARGUMENTS (fn); p; p = DECL_CHAIN (p), i++)
    if (int *l = g->index->get (p))
      esc_flow (g, *l, c->first_arg + i, 0, "call parameter", c->loc);
  int *ret = g->body_rets->get (fn);
  if (ret && c->lhs >= 0)
    esc_flow (g, c->lhs, *ret, 0, "call result", c->loc);
  return true;
}

/* Link the unresolved closure calls of G to the closure bodies inlined in
   G whose records their static chains point to (esc_link_closure_call).
   A chain that may point anywhere, or to an object that is no such
   record, sends the call's arguments to the heap and gives its result the
   heap (a conservative call, as gc's through an unknown func value).  Then
   send to the heap the returns of every tentative body (kept in its
   record, stmts.c) whose record is not private, or whose calls cannot all
   be told: those may be called by code that keeps what they return
   without the record escaping.  Monotone, like the stores: called at
   every pass of esc_resolve_stores.  Return true if an edge was added.  */

static bool
esc_resolve_closure_calls (esc_graph *g)
{
  bool changed = false, anywhere = false;
  unsigned nbodies = g->pending_bodies.length ();
  unsigned i;
  esc_closure_call *c;
  FOR_EACH_VEC_ELT (g->closure_calls, i, c)
    {
      bool unknown = esc_pts_anywhere_p (g, c->chain);
      anywhere |= unknown;
      bitmap pts = g->locs[c->chain].pts;
      if (!unknown && pts)
	{
	  bitmap_iterator bi;
	  unsigned o;
	  EXECUTE_IF_SET_IN_BITMAP (pts, 0, o, bi)
	    {
	      bool found = false;
	      for (unsigned b = 0; b < nbodies; b++)
		{
		  int chain = g->pending_chains[2 * b];
		  bitmap records = g->locs[chain].pts;
		  if (esc_pts_anywhere_p (g, chain) || !records
		      || !bitmap_bit_p (records, o))
		    continue;
		  found = true;
		  unsigned before = g->edges.length ();
		  if (!esc_link_closure_call (g, c, b))
		    unknown = true;
		  changed |= g->edges.length () != before;
		}
	      unknown |= !found;
	    }
	}
      if (unknown && !c->to_heap)
	{
	  c->to_heap = true;
	  for (unsigned a = 0; a < c->nargs; a++)
	    esc_flow (g, g->heap, c->first_arg + a, 0,
		      "call through func value", c->loc, true);
	  g->unknown_calls++;
	  if (c->lhs >= 0)
	    esc_flow (g, c->lhs, g->heap, 0, "call result", c->loc);
	  changed = true;
	}
    }

  unsigned k = 0, b;
  FOR_EACH_VEC_ELT (g->tentative_bodies, i, b)
    {
      int chain = g->pending_chains[2 * b];
      bool private_p = !anywhere && !esc_pts_anywhere_p (g, chain);
      if (private_p && g->locs[chain].pts)
	{
	  bitmap_iterator bi;
	  unsigned o;
	  EXECUTE_IF_SET_IN_BITMAP (g->locs[chain].pts, 0, o, bi)
	    private_p &= esc_private_record_p (g, o);
	}
      if (private_p)
	{
	  g->tentative_bodies[k++] = b;
	  continue;
	}
      tree fn = g->pending_bodies[b];
      esc_flow (g, g->heap, *g->body_rets->get (fn), 0,
		"returned by a closure", DECL_SOURCE_LOCATION (fn));
      changed = true;
    }
  g->tentative_bodies.truncate (k);
  return changed;
}

/* Resolve the stores through pointers of G (see the comment at the top):
   compute points-to over the edges, turning each store *P = Y into edges
   O = Y for every location O that P may point to, and into HEAP = Y when P
   may point anywhere else.  Iterates to a fixpoint, since new edges change
   points-to; each pass propagates only what the previous one added
   (esc_pts_state).  */

void
esc_resolve_stores (esc_graph *g)
{
  unsigned nstores = g->stores.length ();
  /* For each store, the targets already given an edge.  */
  auto_vec<bitmap> done (nstores);
  auto_vec<bool> to_heap (nstores);
  for (unsigned i = 0; i < nstores; i++)
    {
      done.quick_push (BITMAP_ALLOC (&g->obstack));
      to_heap.quick_push (false);
    }

  /* The origins of self-stores, computed when a store may go to the
     heap.  */
  auto_vec<int> root, src;

  esc_users users;
  users.nedges = ~0U;
  esc_pts_state st;
  st.applied = 0;
  st.deps.safe_grow_cleared (g->locs.length ());
  st.queued = sbitmap_alloc (g->locs.length ());
  bitmap_clear (st.queued);

  bool changed = true;
  int passes = 0;
  while (changed)
    {
      changed = false;
      if (++passes > ESC_PTS_MAX_PASSES)
	{
	  /* No fixpoint in sight: every store goes to the heap.  */
	  for (unsigned i = 0; i < nstores; i++)
	    if (!g->locs[g->stores[i].ptr].pts_unknown)
	      {
		g->locs[g->stores[i].ptr].pts_unknown = true;
		esc_push_loc (&st.work, st.queued, g->stores[i].ptr);
	      }
	  for (unsigned i = 0; i < g->closure_calls.length (); i++)
	    {
	      int c = g->closure_calls[i].chain;
	      if (!g->locs[c].pts_unknown)
		{
		  g->locs[c].pts_unknown = true;
		  esc_push_loc (&st.work, st.queued, c);
		}
	    }
	}
      /* Propagate points-to along the edges.  */
      esc_propagate_pts (g, &st, &users);
      if (esc_apply_exposure (g, &st))
	changed = true;

      /* Turn the stores into edges.  */
      bool origins = false;
      for (unsigned i = 0; i < nstores; i++)
	{
	  esc_store *s = &g->stores[i];
	  esc_loc *p = &g->locs[s->ptr];
	  if ((p->pts_unknown || esc_pts_root_unknown (g, s->ptr))
	      && !to_heap[i])
	    {
	      if (!origins)
		{
		  root.safe_grow (g->locs.length (), true);
		  src.safe_grow (g->locs.length (), true);
		  esc_origins (g, &users, root.address (), src.address ());
		  origins = true;
		}
	      if (esc_self_store_p (s, root.address (), src.address ()))
		continue;
	      to_heap[i] = true;
	      esc_flow (g, g->heap, s->src, s->derefs, s->why, s->loc);
	      changed = true;
	    }
	  if (!p->pts)
	    continue;
	  bitmap_iterator bi;
	  unsigned o;
	  EXECUTE_IF_AND_COMPL_IN_BITMAP (p->pts, done[i], 0, o, bi)
	    {
	      esc_flow (g, o, s->src, s->derefs, s->why, s->loc);
	      changed = true;
	    }
	  bitmap_ior_into (done[i], p->pts);
	}
      if (esc_resolve_closure_calls (g))
	changed = true;
    }
  sbitmap_free (st.queued);
}

/* Return true if DECL was named by the programmer (not GOTMP.N, $retN,
   D.N or a compiler temporary).  */

static bool
esc_user_decl_p (tree decl)
{
  if (!decl || !DECL_NAME (decl))
    return false;
  const char *n = IDENTIFIER_POINTER (DECL_NAME (decl));
  return !(startswith (n, "GOTMP") || n[0] == '$' || startswith (n, "D.")
	   || startswith (n, "tmp") || startswith (n, "iftmp")
	   || startswith (n, "RESULT") || strchr (n, '.'));
}

/* Return true if DECL is the pointer gccgo keeps to the heap cell of a
   variable it moved to the heap (the cell is the variable the programmer
   knows; the pointer has the same name).  */

static bool
esc_heap_cell_pointer_p (esc_graph *g, tree decl)
{
  if (!POINTER_TYPE_P (TREE_TYPE (decl)))
    return false;
  if (!g->cell_names)
    {
      g->cell_names = new hash_set<nofree_string_hash>;
      for (unsigned i = g->first_site; i < g->last_site; i++)
	{
	  const esc_site *site = &(*g->sites)[i];
	  if ((site->kind == ESC_KIND_VAR || site->kind == ESC_KIND_PARAM)
	      && site->gccgo == ESC_HEAP && site->name)
	    g->cell_names->add (site->name);
	}
    }
  return g->cell_names->contains (IDENTIFIER_POINTER (DECL_NAME (decl)));
}

/* Return the name location L of G is shown with in a flow path, or NULL
   if it is a temporary.  The caller frees it.  */

char *
esc_loc_name (esc_graph *g, int l)
{
  esc_loc *loc = &g->locs[l];
  const esc_loc_info *info = &g->loc_info[l];
  switch (loc->kind)
    {
    case ESC_LOC_HEAP:
      return xstrdup ("{heap}");
    case ESC_LOC_RESULT:
      return xstrdup ("~r0");
    case ESC_LOC_OBJECT:
      if (info->site >= 0)
	{
	  const esc_site *site = &(*g->sites)[info->site];
	  char *what = esc_site_description (site);
	  if (site->kind == ESC_KIND_VAR || site->kind == ESC_KIND_PARAM)
	    return what;
	  char *name = concat ("{storage for ", what, "}", NULL);
	  free (what);
	  return name;
	}
      return xstrdup ("{storage}");
    case ESC_LOC_PARAM:
      if (info->t == g->fun->static_chain_decl)
	return xstrdup ("{closure}");
      /* FALLTHRU */
    default:
      {
	tree t = info->t;
	if (t && TREE_CODE (t) == SSA_NAME)
	  t = SSA_NAME_VAR (t);
	if (info->site >= 0 && (*g->sites)[info->site].kind != ESC_KIND_VAR
	    && (*g->sites)[info->site].kind != ESC_KIND_PARAM)
	  {
	    char *what = esc_site_description (&(*g->sites)[info->site]);
	    char *name = concat ("{storage for ", what, "}", NULL);
	    free (what);
	    return name;
	  }
	if (t && TREE_CODE (t) == PARM_DECL && DECL_NAME (t))
	  return xstrdup (IDENTIFIER_POINTER (DECL_NAME (t)));
	if (!esc_user_decl_p (t) || esc_heap_cell_pointer_p (g, t))
	  return NULL;
	return xstrdup (IDENTIFIER_POINTER (DECL_NAME (t)));
      }
    }
}

/* Unit tests (selftest.c): small graphs built by hand, resolved and
   solved as a function's would be.  */

/* A test graph: G for a function of NPARAMS parameters (locations
   PARAM[0..NPARAMS)), its leak summaries in LEAKS.  */
struct esc_test_graph
{
  esc_graph g;
  vec<esc_site> sites;
  int param[2];
  esc_leak leaks[3];
};

/* Start T, a graph of NPARAMS (at most 2) parameters.  */

static void
esc_test_graph_init (esc_test_graph *t, int nparams)
{
  static function *fun;
  if (!fun)
    {
      /* Only its decl is read.  */
      fun = XCNEW (function);
      fun->decl = build_fn_decl ("escape.selftest",
				 build_function_type_list (void_type_node,
							   NULL_TREE));
    }
  t->sites = vNULL;
  esc_graph_init (&t->g, fun, &t->sites, 0, 0);
  for (int i = 0; i < nparams; i++)
    {
      t->param[i] = esc_new_loc (&t->g, ESC_LOC_PARAM, NULL_TREE, 0);
      t->g.locs[t->param[i]].param = i;
    }
  t->g.nparams = nparams;
}

/* Resolve the stores of T and solve it.  */

static void
esc_test_graph_solve (esc_test_graph *t)
{
  esc_resolve_stores (&t->g);
  esc_solve (&t->g, t->leaks);
}

/* Add to T's graph the edge DST = SRC with DEREFS.  */

static void
esc_test_edge (esc_test_graph *t, int dst, int src, int derefs)
{
  esc_flow (&t->g, dst, src, derefs, "test", UNKNOWN_LOCATION);
}

/* Add to T's graph the store *PTR = SRC with DEREFS.  */

static void
esc_test_store (esc_test_graph *t, int ptr, int src, int derefs)
{
  esc_store s = { ptr, src, derefs, "test", UNKNOWN_LOCATION };
  t->g.stores.safe_push (s);
}

/* Return true if location DST of T has the edge DST = SRC with
   DEREFS.  */

static bool
esc_test_has_edge (esc_test_graph *t, int dst, int src, int derefs)
{
  FOR_EACH_IN_EDGE (&t->g, dst, k)
    if (t->g.edges[k].src == src && t->g.edges[k].derefs == derefs)
      return true;
  return false;
}

/* Return true if location L of T escapes.  */

static bool
esc_test_escapes (esc_test_graph *t, int l)
{
  return t->g.locs[l].escapes;
}

/* Free the graph and the sites of T.  */

static void
esc_test_graph_release (esc_test_graph *t)
{
  esc_graph_release (&t->g);
  t->sites.release ();
}

/* Shorthands for the tests below.  */
#define T_NEW(T, KIND) esc_new_loc (&(T)->g, (KIND), NULL_TREE, 0)
#define T_OBJ(T) T_NEW ((T), ESC_LOC_OBJECT)
#define T_VAR(T) T_NEW ((T), ESC_LOC_VAR)
#define T_SSA(T) T_NEW ((T), ESC_LOC_SSA)

/* heap = a; a = &o1; b = &o2: o1 escapes, o2 does not.  */

static void
esc_test_copy_to_heap (void)
{
  esc_test_begin ("graph: an address copied to the heap escapes");
  esc_test_graph t;
  esc_test_graph_init (&t, 0);
  int o1 = T_OBJ (&t), o2 = T_OBJ (&t), a = T_SSA (&t), b = T_SSA (&t);
  esc_test_edge (&t, a, o1, -1);
  esc_test_edge (&t, t.g.heap, a, 0);
  esc_test_edge (&t, b, o2, -1);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_escapes (&t, o1));
  ESC_CHECK (!esc_test_escapes (&t, o2));
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* p = &v; *p = &o: the store becomes v = &o, and o stays local; loaded
   back and returned (result = *p), o escapes.  */

static void
esc_test_local_store (void)
{
  esc_test_begin ("graph: a store through a local pointer stays local");
  esc_test_graph t;
  esc_test_graph_init (&t, 0);
  int v = T_VAR (&t), o = T_OBJ (&t), p = T_SSA (&t);
  esc_test_edge (&t, p, v, -1);
  esc_test_store (&t, p, o, -1);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_has_edge (&t, v, o, -1));
  ESC_CHECK (!esc_test_has_edge (&t, t.g.heap, o, -1));
  ESC_CHECK (!esc_test_escapes (&t, o));
  esc_test_graph_release (&t);
  esc_test_end ();

  esc_test_begin ("graph: a value stored and loaded back reaches the "
		  "result");
  esc_test_graph_init (&t, 0);
  v = T_VAR (&t), o = T_OBJ (&t), p = T_SSA (&t);
  int q = T_SSA (&t);
  esc_test_edge (&t, p, v, -1);
  esc_test_edge (&t, q, p, 0);
  esc_test_store (&t, p, o, -1);
  esc_test_edge (&t, t.g.result, q, 1);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_escapes (&t, o));
  ESC_CHECK (!esc_test_escapes (&t, v));
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* p = &o; *p = x (x the parameter); *p = &o2.  When Go's rules put o on
   the heap (RULE), x leaks and o2 escapes; otherwise neither.  o itself
   is marked escaping only as a root: its site keeps the rule's verdict
   (analyse.c).  */

static void
esc_test_rule_object (bool rule)
{
  esc_test_begin (rule ? "solve: what is stored into an object on the heap "
		  "by Go's rules escapes"
		  : "solve: what is stored into a local object does not "
		  "escape");
  esc_test_graph t;
  esc_test_graph_init (&t, 1);
  int o = T_OBJ (&t), o2 = T_OBJ (&t), p = T_SSA (&t);
  esc_test_edge (&t, p, o, -1);
  esc_test_store (&t, p, t.param[0], 0);
  esc_test_store (&t, p, o2, -1);
  if (rule)
    t.g.rule_objects.safe_push (o);
  esc_test_graph_solve (&t);
  ESC_CHECK (t.leaks[0].heap == (rule ? 0 : ESC_LEAK_NONE));
  ESC_CHECK (esc_test_escapes (&t, o2) == rule);
  ESC_CHECK (esc_test_escapes (&t, o) == rule);
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* *q = &o, q a parameter: to the heap.  */

static void
esc_test_param_store (void)
{
  esc_test_begin ("graph: a store through a parameter goes to the heap");
  esc_test_graph t;
  esc_test_graph_init (&t, 1);
  int o = T_OBJ (&t), q = T_SSA (&t);
  esc_test_edge (&t, q, t.param[0], 0);
  esc_test_store (&t, q, o, -1);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_has_edge (&t, t.g.heap, o, -1));
  ESC_CHECK (esc_test_escapes (&t, o));
  ESC_CHECK (t.leaks[0].heap == ESC_LEAK_NONE);
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* p = &v1 ... p = &vN; *p = &o: o stays local while N is at most
   ESC_PTS_LIMIT, and escapes past it.  */

static void
esc_test_pts_limit (int n, bool escapes)
{
  esc_test_begin (escapes
		  ? "graph: a points-to set past its limit is unknown"
		  : "graph: a points-to set at its limit is known");
  esc_test_graph t;
  esc_test_graph_init (&t, 0);
  int o = T_OBJ (&t), p = T_SSA (&t);
  for (int i = 0; i < n; i++)
    esc_test_edge (&t, p, T_VAR (&t), -1);
  esc_test_store (&t, p, o, -1);
  esc_test_graph_solve (&t);
  ESC_CHECK (t.g.locs[p].pts_unknown == escapes);
  ESC_CHECK (esc_test_escapes (&t, o) == escapes);
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* p = &v, with &v handed to unknown code; x = *p; *x = &o: x may point
   anywhere, so o escapes.  Without the exposure v holds nothing, and
   the store goes nowhere (a store through nil).  */

static void
esc_test_exposed (bool exposed)
{
  esc_test_begin (exposed
		  ? "graph: memory exposed to unknown code is unknown"
		  : "graph: a store through a pointer to nothing goes "
		    "nowhere");
  esc_test_graph t;
  esc_test_graph_init (&t, 0);
  int v = T_VAR (&t), o = T_OBJ (&t), p = T_SSA (&t), x = T_SSA (&t);
  esc_test_edge (&t, p, v, -1);
  if (exposed)
    {
      auto_vec<esc_src, 1> srcs;
      esc_src s = { v, -1 };
      srcs.safe_push (s);
      esc_expose (&t.g, &srcs);
    }
  esc_test_edge (&t, x, p, 1);
  esc_test_store (&t, x, o, -1);
  esc_test_graph_solve (&t);
  ESC_CHECK (t.g.locs[x].pts_unknown == exposed);
  ESC_CHECK (t.g.locs[v].exposed == exposed);
  ESC_CHECK (esc_test_escapes (&t, o) == exposed);
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* *b = y where y = *b, b a parameter: a self-store, which does not make
   b's content leak; *b = z, z the other parameter, does leak z.  */

static void
esc_test_self_store (void)
{
  esc_test_begin ("graph: a self-store through a parameter stays put");
  esc_test_graph t;
  esc_test_graph_init (&t, 2);
  int b = t.param[0], z = t.param[1], y = T_SSA (&t), c = T_SSA (&t);
  esc_test_edge (&t, y, b, 1);
  esc_test_edge (&t, c, b, 0);
  esc_test_store (&t, c, y, 0);
  esc_test_store (&t, b, z, 0);
  esc_test_graph_solve (&t);
  ESC_CHECK (!esc_test_has_edge (&t, t.g.heap, y, 0));
  ESC_CHECK (esc_test_has_edge (&t, t.g.heap, z, 0));
  ESC_CHECK (t.leaks[0].heap == ESC_LEAK_NONE);
  ESC_CHECK (t.leaks[1].heap == 0);
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* a = &o; b = a; c = b; a = c (a cycle of copies); *c = &o2: o2 is
   stored into o.  Then heap = a makes o escape, and o2 with it (an
   escaping object is a root).  */

static void
esc_test_cycle (void)
{
  esc_test_begin ("graph: points-to through a cycle, and what an escaping "
		  "object holds");
  esc_test_graph t;
  esc_test_graph_init (&t, 0);
  int o = T_OBJ (&t), o2 = T_OBJ (&t);
  int a = T_SSA (&t), b = T_SSA (&t), c = T_SSA (&t);
  esc_test_edge (&t, a, o, -1);
  esc_test_edge (&t, b, a, 0);
  esc_test_edge (&t, c, b, 0);
  esc_test_edge (&t, a, c, 0);
  esc_test_store (&t, c, o2, -1);
  esc_test_edge (&t, t.g.heap, a, 0);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_has_edge (&t, o, o2, -1));
  ESC_CHECK (esc_test_escapes (&t, o));
  ESC_CHECK (esc_test_escapes (&t, o2));
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* v = &o with v outside a loop and o inside it: o escapes (it would be
   overwritten by the next iteration); with both outside, it does not.  */

static void
esc_test_loop (int odepth)
{
  esc_test_begin (odepth
		  ? "solve: an address kept across loop iterations escapes"
		  : "solve: an address kept in the same loop depth does not");
  esc_test_graph t;
  esc_test_graph_init (&t, 0);
  int v = T_VAR (&t);
  int o = esc_new_loc (&t.g, ESC_LOC_OBJECT, NULL_TREE, odepth);
  t.g.max_depth = 1;
  esc_test_edge (&t, v, o, -1);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_escapes (&t, o) == (odepth > 0));
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* result = p, result = *q: p leaks to the result at level 0, q at
   level 1; neither to the heap.  */

static void
esc_test_param_leaks (void)
{
  esc_test_begin ("solve: parameters returned leak to the result with "
		  "their level");
  esc_test_graph t;
  esc_test_graph_init (&t, 2);
  esc_test_edge (&t, t.g.result, t.param[0], 0);
  esc_test_edge (&t, t.g.result, t.param[1], 1);
  esc_test_graph_solve (&t);
  ESC_CHECK (t.leaks[0].result == 0);
  ESC_CHECK (t.leaks[1].result == 1);
  ESC_CHECK (t.leaks[0].heap == ESC_LEAK_NONE);
  ESC_CHECK (t.leaks[1].heap == ESC_LEAK_NONE);
  esc_test_graph_release (&t);
  esc_test_end ();
}

/* A closure body whose record R is made here returns &y; a call through
   a func value whose chain is K returns into L, and *L is returned.
   HOW: 0, K = &R and nothing else (y does not escape); 1, R is also
   handed to a callee (exposed: the body's returns go to the heap); 2, K
   comes from a parameter (the call may reach any body: its result comes
   from the heap, and no record is private); 3, L is also sent to the
   heap.  */

static void
esc_test_closure_call (int how)
{
  static const char *const names[] = {
    "graph: a closure called through its private record returns to the "
    "call",
    "graph: a closure whose record is handed to a callee returns to the "
    "heap",
    "graph: a call through an unknown func value returns the heap",
    "graph: a closure's returns sent to the heap by its caller escape"
  };
  esc_test_begin (names[how]);
  esc_test_graph t;
  esc_test_graph_init (&t, 1);
  int r = T_VAR (&t), chain = T_SSA (&t), y = T_VAR (&t), ret = T_SSA (&t);
  esc_test_edge (&t, chain, r, -1);
  esc_test_edge (&t, ret, y, -1);
  /* The body, as esc_closure_record and esc_route_body_returns leave
     it.  */
  tree body = t.g.fndecl;
  t.g.pending_bodies.safe_push (body);
  t.g.pending_chains.safe_push (chain);
  t.g.pending_chains.safe_push (1);
  t.g.body_rets->put (body, ret);
  esc_test_store (&t, chain, ret, 0);
  t.g.tentative_bodies.safe_push (0);
  /* The call, as esc_build_call leaves it.  */
  int k = T_SSA (&t), lhs = T_SSA (&t), x = T_SSA (&t);
  esc_test_edge (&t, k, how == 2 ? t.param[0] : r, how == 2 ? 0 : -1);
  esc_closure_call c = { lhs, k, 0, 0, UNKNOWN_LOCATION, NULL, false };
  t.g.closure_calls.safe_push (c);
  esc_test_edge (&t, x, lhs, 1);
  esc_test_edge (&t, t.g.result, x, 0);
  if (how == 1)
    {
      esc_src v = { r, -1 };
      t.g.exposed.safe_push (v);
    }
  if (how == 3)
    esc_test_edge (&t, t.g.heap, lhs, 0);
  esc_test_graph_solve (&t);
  ESC_CHECK (esc_test_has_edge (&t, lhs, ret, 0) == (how != 2));
  ESC_CHECK (esc_test_has_edge (&t, lhs, t.g.heap, 0) == (how == 2));
  ESC_CHECK (esc_test_has_edge (&t, t.g.heap, ret, 0) == (how == 1
							  || how == 2));
  ESC_CHECK (esc_test_escapes (&t, y) == (how != 0));
  ESC_CHECK (!esc_test_escapes (&t, r) || how == 1);
  esc_test_graph_release (&t);
  esc_test_end ();
}

#undef T_NEW
#undef T_OBJ
#undef T_VAR
#undef T_SSA

/* Run the tests of graph.c (and of solve.c, which needs graphs).  */

void
esc_graph_selftests (void)
{
  esc_test_copy_to_heap ();
  esc_test_local_store ();
  esc_test_param_store ();
  esc_test_rule_object (true);
  esc_test_rule_object (false);
  esc_test_pts_limit (ESC_PTS_LIMIT, false);
  esc_test_pts_limit (ESC_PTS_LIMIT + 1, true);
  esc_test_exposed (true);
  esc_test_exposed (false);
  esc_test_self_store ();
  esc_test_cycle ();
  esc_test_loop (1);
  esc_test_loop (0);
  esc_test_param_leaks ();
  for (int how = 0; how < 4; how++)
    esc_test_closure_call (how);
}
