/* analyse.c: the driver of the recomputed escape analysis, and the rules
   that turn "escapes or not" into a verdict.

   The unit's functions are analysed bottom-up over the strongly connected
   components of the call graph (ipa_reduced_postorder), so that a callee's
   leak summary is known at its callers' calls.  Inside a component of more
   than one function, or a recursive one, summaries start optimistic (no
   leaks) and the component is solved again until they no longer change
   (they only grow, and are bounded); after ESC_MAX_ROUNDS rounds every
   summary of the component becomes "leaks to the heap", which is always
   sound.  The rounds go forwards and backwards over the component in
   turn: the function analysed last, whose statements are still in the
   cache, is analysed again first.

   When it runs (pass.c): esc_unit_begin sets the components up, from the
   early pass at the first function in SSA form, or from the IPA pass.
   Begun early, a component is analysed as soon as its functions are in
   SSA form (esc_unit_built) and the components it depends on
   (esc_walk_dependencies) are analysed, while its statements are still
   in the cache.  esc_unit_finish, from the IPA pass, analyses the rest
   in the same order as if nothing had been analysed early: components
   that depend on each other through addresses, which never become
   ready, or all of them.

   For each function: find its allocation sites (sites.c) the first time,
   build the graph (stmts.c, calls.c), solve it (solve.c), store the
   parameters' summary (summary.c), and give each allocation site its
   verdict:

     heap   its address escapes (to the heap, to a result, out of a loop
            iteration), or it does not but Go's rules put it on the heap
            anyway: too large for the stack (ESC_MAX_IMPLICIT_STACK_SIZE
            for new, literals and constant makes, ESC_MAX_STACK_VAR_SIZE for
            variables), a make with a non-constant capacity (Go 1.19), a
            channel, append's growth, a go statement's arguments;
     stack  it does not escape;
     static gccgo made it static data: not analysed.

   An object gccgo heap-allocates by those rules is a heap object all the
   same: what is stored into it escapes, since a heap object must not
   point to the stack (gc's first invariant; esc_add_rule_objects,
   solve.c).  */

#include "compat.h"
#include "escape.h"
#include "graph.h"
#include "ipa-utils.h"

/* Rounds of a recursive component before giving up on precision.  */
#define ESC_MAX_ROUNDS 8

/* The unit's ranges, and the function each belongs to, from
   esc_unit_begin to esc_unit_finish: esc_claim_closure_sites needs
   them.  */
static vec<esc_fn_range> *esc_unit_ranges;
static vec<esc_site> *esc_unit_sites;
static hash_map<tree, int> *esc_range_of_decl;
static hash_set<int_hash<int, -1, -2> > *esc_claimed;

/* What the unit's final analyses had to be conservative about.  */
static unsigned esc_unit_conservative_edges, esc_unit_unknown_calls;

/* Functions analysed, counting every round of recursive components, and
   how many of those analyses the early pass made (esc_unit_built).  */
static unsigned esc_unit_analyses, esc_unit_early_analyses;

/* CPU time spent finding the unit's sites, in microseconds.  */
static long esc_unit_sites_usec;

/* Set *EDGES and *CALLS to the conservative edges and the calls of
   functions without a summary of the unit's analysis, and *ANALYSES to
   the function analyses it took (a recursive component's functions once
   per round).  */

void
esc_analysis_counts (unsigned *edges, unsigned *calls, unsigned *analyses)
{
  *edges = esc_unit_conservative_edges;
  *calls = esc_unit_unknown_calls;
  *analyses = esc_unit_analyses;
}

/* Return how many of the function analyses esc_analysis_counts counts
   the early pass made, as each function went into SSA form.  */

unsigned
esc_early_analyses (void)
{
  return esc_unit_early_analyses;
}

/* Return the CPU time spent finding the unit's sites (esc_ensure_sites),
   in microseconds.  */

long
esc_sites_usec (void)
{
  return esc_unit_sites_usec;
}

/* Find the sites of the function of RANGE, unless they are found already.
   Done just before the function's first analysis, or when a function
   that inlines it as a closure body claims them: the function's
   statements, which the graph is built from next, are then in the
   cache, where finding the sites of the whole unit first would leave
   only the last functions' there.  */

static void
esc_ensure_sites (esc_fn_range *range)
{
  if (range->found)
    return;
  long start = esc_cpu_usec ();
  function *fun = range->node->get_fun ();
  range->found = true;
  range->first = esc_unit_sites->length ();
  push_cfun (fun);
  /* devirt.c's facts about the function's locals come from the same
     walk as the index of its locals.  */
  esc_devirt_begin (fun);
  range->statements = esc_find_sites (fun, esc_unit_sites, esc_devirt_note);
  pop_cfun ();
  range->last = esc_unit_sites->length ();
  for (unsigned i = range->first; i < range->last; i++)
    (*esc_unit_sites)[i].seq = i - range->first;
  esc_unit_sites_usec += esc_cpu_usec () - start;
}

static void esc_reset_site (esc_site *site);

/* Tie the site I of the unit (SITE) to the graph G before it is built:
   a heap site by its allocating statement, a stack site by the location
   of its variable, made now at an unknown depth (INT_MAX, settled where
   its declaration is met; esc_analyse_function makes it 0 otherwise).  */

static void
esc_graph_add_site (esc_graph *g, esc_site *site, unsigned i)
{
  if (site->gccgo == ESC_HEAP && site->stmt)
    g->site_of->put (site->stmt, i);
  else if (site->gccgo == ESC_STACK && site->decl)
    {
      int l = esc_loc_of (g, site->decl, INT_MAX);
      if (l >= 0)
	{
	  g->loc_info[l].site = i;
	  g->site_locs.safe_push (l);
	}
    }
}

/* FN, a closure body, is being inlined into the graph G (stmts.c): its
   allocation sites get their verdicts from G, the function that makes its
   record, as in gc.  The first function of the unit to inline FN resets
   the verdicts FN's own analysis gave them; each later one (a thunk made
   in several places) can only add escapes.  */

void
esc_claim_closure_sites (esc_graph *g, tree fn)
{
  int *r = esc_range_of_decl ? esc_range_of_decl->get (fn) : NULL;
  if (!r)
    return;
  esc_fn_range *range = &(*esc_unit_ranges)[*r];
  esc_ensure_sites (range);
  bool first = !esc_claimed->add (*r);
  for (unsigned i = range->first; i < range->last; i++)
    {
      esc_site *site = &(*esc_unit_sites)[i];
      if (first)
	esc_reset_site (site);
      esc_graph_add_site (g, site, i);
    }
  g->inlined_ranges.safe_push (*r);
}

/* Reset the analysis fields of SITE.  */

static void
esc_reset_site (esc_site *site)
{
  site->analysed = false;
  site->escapes = false;
  site->conservative = false;
  site->verdict_reason = NULL;
  free (site->path_text);
  free (site->path_json);
  site->path_text = site->path_json = NULL;
}

/* Return the reason Go's rules put the object of SITE on the heap
   whatever its flows (a code of the JSON records' verdict_reason), or
   NULL if they do not.  */

static const char *
esc_rule_reason (const esc_site *site)
{
  switch (site->kind)
    {
    case ESC_KIND_MAKE_SLICE:
      /* Go 1.19's rule asks for a constant capacity (the length is
	 checked against it at run time): make([]T, n, 8) may stay on the
	 stack, which gccgo's lowering does not allow.  A make gccgo put
	 on the stack is constant, whatever its array type tells.  */
      if (site->size == ESC_SIZE_VAR && site->capacity < 0)
	return "non-constant-size";
      return site->bytes >= ESC_MAX_IMPLICIT_STACK_SIZE ? "too-large" : NULL;
    case ESC_KIND_VAR:
    case ESC_KIND_PARAM:
      return site->bytes > ESC_MAX_STACK_VAR_SIZE ? "too-large" : NULL;
    case ESC_KIND_MAKE_CHAN:
      return "channel";
    case ESC_KIND_APPEND:
      return "append-growth";
    case ESC_KIND_GO_ARGS:
      return "go-statement";
    default:
      return site->bytes >= ESC_MAX_IMPLICIT_STACK_SIZE ? "too-large" : NULL;
    }
}

/* Record in G the objects of the sites SITES[FIRST..LAST) that gccgo
   heap-allocates and Go's rules put on the heap (esc_rule_reason).  A
   heap object must not point to the stack (gc's first invariant,
   escape.go), so what is stored into one must escape, as gc makes it
   escape for HeapAllocReason (batch.walkAll): the solver makes these
   objects roots of the heap (solve.c).  Their sites keep their verdicts
   and reasons.  Not the sites gccgo keeps on the stack against the rules
   (gccgo-stack-too-large): their objects are not on the heap, and what
   is stored into them does not escape.  */

static void
esc_add_rule_objects (esc_graph *g, vec<esc_site> *sites, unsigned first,
		      unsigned last)
{
  for (unsigned i = first; i < last; i++)
    {
      esc_site *site = &(*sites)[i];
      if (site->gccgo != ESC_HEAP || !site->stmt || !esc_rule_reason (site))
	continue;
      if (int *l = g->objects->get (site->stmt))
	g->rule_objects.safe_push (*l);
    }
}

/* Give SITE its verdict, its object having been found escaping or not.  */

static void
esc_site_verdict (esc_site *site)
{
  site->analysed = true;
  if (site->gccgo == ESC_STATIC)
    {
      site->verdict = ESC_STATIC;
      site->verdict_reason = "static";
      return;
    }
  if (site->escapes)
    {
      site->verdict = ESC_HEAP;
      return;
    }
  if (const char *why = esc_rule_reason (site))
    {
      /* No escape, but on the heap under Go's rules.  */
      site->verdict = ESC_HEAP;
      site->verdict_reason = why;
      return;
    }
  site->verdict = ESC_STACK;
  site->verdict_reason = "does-not-escape";
}

/* Return the number of Go results of FNDECL: 0, 1, or the fields of the
   struct gccgo returns several in (fields UNNAMED; a slice or a string,
   also an unnamed struct, is one result).  */

static int
esc_nresults (tree fndecl)
{
  tree type = TREE_TYPE (TREE_TYPE (fndecl));
  if (!type || VOID_TYPE_P (type))
    return 0;
  int n = esc_unnamed_fields (type, false);
  return n ? n : 1;
}

/* Return the local copy of the value receiver of the method FNDECL, or
   NULL_TREE.  gccgo passes a value receiver as an unnamed pointer,
   "pointer", and copies *pointer into a local named as the receiver, on
   the line of the method's declaration.  */

static tree
esc_value_receiver (tree fndecl)
{
  tree p = DECL_ARGUMENTS (fndecl);
  if (!p || !DECL_NAME (p) || !POINTER_TYPE_P (TREE_TYPE (p))
      || strcmp (IDENTIFIER_POINTER (DECL_NAME (p)), "pointer") != 0)
    return NULL_TREE;
  tree type = TYPE_MAIN_VARIANT (TREE_TYPE (TREE_TYPE (p)));
  int line = LOCATION_LINE (DECL_SOURCE_LOCATION (fndecl));
  unsigned ix;
  tree var;
  FOR_EACH_LOCAL_DECL (DECL_STRUCT_FUNCTION (fndecl), ix, var)
    if (VAR_P (var) && DECL_NAME (var) && !DECL_ARTIFICIAL (var)
	&& TYPE_MAIN_VARIANT (TREE_TYPE (var)) == type
	&& LOCATION_LINE (DECL_SOURCE_LOCATION (var)) == line)
      return var;
  return NULL_TREE;
}

/* Return LEAK, the summary of a pointer, as the summary of what it points
   to: one dereference less.  A leak of the pointer itself stays a leak
   (sound, and gccgo's copy of a value receiver never lets it happen).  */

static esc_leak
esc_leak_pointee (esc_leak leak)
{
  if (leak.heap > 0)
    leak.heap--;
  if (leak.result > 0)
    leak.result--;
  for (int k = 0; k < ESC_MAX_RESULTS; k++)
    if (leak.results1[k] > 1)
      leak.results1[k]--;
  return leak;
}

/* Append to PARAMS the parameter record of P, the INDEXth parameter of
   FNDECL, named NAME with the summary LEAK.  *FNAME caches FNDECL's Go
   name, made on the first record.  */

static void
esc_push_param (vec<esc_param> *params, tree fndecl, char **fname,
		tree p, const char *name, int index, const esc_leak *leak)
{
  esc_param rec;
  memset (&rec, 0, sizeof rec);
  rec.loc = LOCATION_LOCUS (DECL_SOURCE_LOCATION (p));
  expanded_location x = expand_location (rec.loc);
  if (!x.file || x.line == 0 || strcmp (x.file, "<built-in>") == 0)
    return;
  rec.file = x.file;
  rec.line = x.line;
  rec.col = x.column;
  if (!*fname)
    *fname = esc_go_function_name (fndecl);
  rec.function = xstrdup (*fname);
  rec.name = xstrdup (name);
  rec.index = index;
  rec.heap = leak->heap;
  rec.result = leak->result;
  memcpy (rec.results1, leak->results1, sizeof rec.results1);
  rec.nresults = esc_nresults (fndecl);
  params->safe_push (rec);
}

/* Append to PARAMS the leak summaries LEAKS of the parameters of the
   function of RANGE that the programmer named and that may hold
   pointers; a value receiver is named by its local copy and summarised
   as what gccgo's pointer to it points to.  */

static void
esc_record_params (esc_fn_range *range, const esc_leak *leaks,
		   vec<esc_site> *sites, vec<esc_param> *params)
{
  tree fndecl = range->node->decl;
  char *fname = NULL;
  int i = 0;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p), i++)
    {
      if (!DECL_NAME (p) || DECL_ARTIFICIAL (p)
	  || !esc_type_has_pointers (TREE_TYPE (p)))
	continue;
      const char *name = IDENTIFIER_POINTER (DECL_NAME (p));
      if (i == 0 && strcmp (name, "pointer") == 0)
	{
	  tree recv = esc_value_receiver (fndecl);
	  if (recv && esc_type_has_pointers (TREE_TYPE (recv)))
	    {
	      esc_leak leak = esc_leak_pointee (leaks[0]);
	      esc_push_param (params, fndecl, &fname, recv,
			      IDENTIFIER_POINTER (DECL_NAME (recv)), 0, &leak);
	    }
	  continue;
	}
      if (name[0] == '$' || name[0] == '_' || strcmp (name, "pointer") == 0
	  || strcmp (name, "param") == 0 || strchr (name, '.'))
	continue;
      esc_push_param (params, fndecl, &fname, p, name, i, &leaks[i]);
    }
  free (fname);
  (void) sites;
}

/* Print the graph G to the dump file: every location, whether it
   escapes, and its incoming edges.  */

static void
esc_dump_graph (esc_graph *g)
{
  static const char *const kinds[] = {
    "heap", "param", "result", "var", "ssa", "object"
  };
  fprintf (dump_file, "\n;; Escape graph of %s: %u locations\n",
	   function_name (g->fun), g->locs.length ());
  for (unsigned l = 0; l < g->locs.length (); l++)
    {
      esc_loc *loc = &g->locs[l];
      fprintf (dump_file, ";;   L%u %s ", l, kinds[loc->kind]);
      if (g->loc_info[l].t)
	print_generic_expr (dump_file, g->loc_info[l].t, TDF_SLIM);
      fprintf (dump_file, " depth %d%s%s\n", loc->depth,
	       loc->escapes ? " ESCAPES" : "",
	       loc->pts_unknown ? " pts-unknown" : "");
      FOR_EACH_IN_EDGE (g, l, j)
	{
	  esc_edge *e = &g->edges[j];
	  esc_edge_info *info = &g->edge_info[j];
	  expanded_location x = expand_location (info->loc);
	  fprintf (dump_file, ";;     <- L%d derefs %d (%s%s) line %d\n",
		   e->src, e->derefs, info->why,
		   e->conservative ? ", conservative" : "", x.line);
	}
    }
}

/* Analyse the function of RANGE: build and solve its graph, store its
   summary, give its sites of SITES their verdicts, and append its
   parameter summaries to PARAMS.  Return true if its summary changed.  */

static bool
esc_analyse_function (esc_fn_range *range, vec<esc_site> *sites,
		      vec<esc_param> *params)
{
  esc_ensure_sites (range);
  function *fun = range->node->get_fun ();
  push_cfun (fun);
  esc_unit_analyses++;
  esc_graph g;
  esc_graph_init (&g, fun, sites, range->first, range->last);
  for (unsigned i = range->first; i < range->last; i++)
    {
      esc_site *site = &(*sites)[i];
      esc_reset_site (site);
      esc_graph_add_site (&g, site, i);
    }

  esc_build_graph (&g);
  /* A stack variable whose declaration the graph did not meet.  */
  unsigned k;
  int l, r;
  FOR_EACH_VEC_ELT (g.site_locs, k, l)
    if (g.locs[l].depth == INT_MAX)
      g.locs[l].depth = 0;

  esc_add_rule_objects (&g, sites, range->first, range->last);
  FOR_EACH_VEC_ELT (g.inlined_ranges, k, r)
    esc_add_rule_objects (&g, sites, (*esc_unit_ranges)[r].first,
			  (*esc_unit_ranges)[r].last);

  esc_leak *leaks = XNEWVEC (esc_leak, g.nparams + 1);
  esc_solve (&g, leaks);
  if (dump_file && (dump_flags & TDF_DETAILS))
    esc_dump_graph (&g);

  for (unsigned i = range->first; i < range->last; i++)
    esc_site_verdict (&(*sites)[i]);
  FOR_EACH_VEC_ELT (g.inlined_ranges, k, r)
    for (unsigned i = (*esc_unit_ranges)[r].first;
	 i < (*esc_unit_ranges)[r].last; i++)
      esc_site_verdict (&(*sites)[i]);

  unsigned n = esc_summary_nparams (fun->decl);
  if (n > (unsigned) g.nparams)
    /* The static chain's summary is in slot NPARAMS already.  */
    gcc_checking_assert (n == (unsigned) g.nparams + 1);
  bool changed = esc_set_summary (fun->decl, leaks, n);
  esc_record_params (range, leaks, sites, params);
  esc_unit_conservative_edges += g.conservative;
  esc_unit_unknown_calls += g.unknown_calls;

  free (leaks);
  esc_graph_release (&g);
  pop_cfun ();
  return changed;
}

/* Forget what a round of a recursive component recorded that a later
   round will record again: the parameter summaries PARAMS[MARK..], and
   the counters back to EDGES and CALLS.  */

static void
esc_undo_round (vec<esc_param> *params, unsigned mark, unsigned edges,
		unsigned calls)
{
  for (unsigned i = mark; i < params->length (); i++)
    {
      free ((*params)[i].function);
      free ((*params)[i].name);
    }
  params->truncate (mark);
  esc_unit_conservative_edges = edges;
  esc_unit_unknown_calls = calls;
}

/* Analyse the functions RANGES[MEMBERS[...]] of one strongly connected
   component: once if it is a single non-recursive function, otherwise
   until their summaries are stable.  A round that changes no summary is
   the last: each of its analyses used the summaries it produced, so it
   gives the verdicts, and is not run again.  */

static void
esc_analyse_component (vec<esc_fn_range> *ranges, vec<int> *members,
		       vec<esc_site> *sites, vec<esc_param> *params)
{
  unsigned i;
  int m;
  bool recursive = members->length () > 1;
  if (!recursive)
    {
      cgraph_node *node = (*ranges)[(*members)[0]].node;
      for (cgraph_edge *e = node->callees; e; e = e->next_callee)
	if (e->callee->ultimate_alias_target () == node)
	  recursive = true;
    }
  if (!recursive)
    {
      esc_analyse_function (&(*ranges)[(*members)[0]], sites, params);
      return;
    }

  /* Optimistic start: nothing leaks.  */
  FOR_EACH_VEC_ELT (*members, i, m)
    {
      tree decl = (*ranges)[m].node->decl;
      unsigned n = esc_summary_nparams (decl);
      esc_leak *none = XCNEWVEC (esc_leak, n + 1);
      for (unsigned k = 0; k < n; k++)
	none[k].heap = none[k].result = ESC_LEAK_NONE;
      esc_set_summary (decl, none, n);
      free (none);
    }
  bool stable = false;
  for (int round = 0; round < ESC_MAX_ROUNDS && !stable; round++)
    {
      unsigned mark = params->length ();
      unsigned edges = esc_unit_conservative_edges;
      unsigned calls = esc_unit_unknown_calls;
      stable = true;
      /* Every other round backwards: the function analysed last, whose
	 statements are still in the cache, is analysed again first, and
	 summaries flow both ways along a chain of calls.  */
      for (unsigned j = 0; j < members->length (); j++)
	{
	  m = (*members)[round % 2 ? members->length () - 1 - j : j];
	  if (esc_analyse_function (&(*ranges)[m], sites, params))
	    stable = false;
	}
      if (!stable)
	esc_undo_round (params, mark, edges, calls);
    }
  if (stable)
    return;
  FOR_EACH_VEC_ELT (*members, i, m)
    {
      /* No fixpoint: everything leaks to the heap.  */
      tree decl = (*ranges)[m].node->decl;
      unsigned n = esc_summary_nparams (decl);
      esc_leak *all = XCNEWVEC (esc_leak, n + 1);
      for (unsigned k = 0; k < n; k++)
	{
	  all[k].heap = 0;
	  all[k].result = ESC_LEAK_NONE;
	  all[k].conservative = true;
	}
      esc_set_summary (decl, all, n);
      free (all);
    }
  /* A last round, with these summaries, gives the verdicts.  */
  FOR_EACH_VEC_ELT (*members, i, m)
    esc_analyse_function (&(*ranges)[m], sites, params);
}

/* The unit's components, from esc_unit_begin to esc_unit_finish.  */

struct esc_components
{
  vec<esc_fn_range> *ranges;
  vec<esc_site> *sites;
  vec<esc_param> *params;
  auto_vec<vec<int> > members;	/* range indexes per component */
  hash_map<cgraph_node *, int> comp_of;
  auto_vec<char> state;		/* 0 new, 1 in progress, 2 done */

  /* Early analysis only (esc_unit_built): per component, its members
     not in SSA form yet plus its dependencies not analysed yet, and the
     components that wait for it.  */
  auto_vec<int> pending;
  auto_vec<vec<int> > dependents;
  auto_vec<bool> built;		/* per range */
};

static esc_components *esc_unit;

/* Call FN (NODE, DATA) for every function NODE that the analysis of
   MEMBER wants analysed first: the functions it calls, and those it takes
   the address of (closure bodies and go/defer thunks are not called
   directly, but their summaries are needed where their closures are
   made), directly or through a func value's descriptor or a method
   table (devirt.c).  These are also every function whose body the
   analysis of MEMBER reads (closure bodies and thunks it inlines).  */

static void
esc_walk_dependencies (cgraph_node *member,
		       void (*fn) (cgraph_node *, void *), void *data)
{
  for (cgraph_edge *e = member->callees; e; e = e->next_callee)
    fn (e->callee, data);
  ipa_ref *ref;
  for (unsigned k = 0; member->iterate_reference (k, ref); k++)
    if (ref->use == IPA_REF_ADDR)
      {
	if (cgraph_node *target = dyn_cast <cgraph_node *> (ref->referred))
	  fn (target, data);
	else if (varpool_node *var = dyn_cast <varpool_node *> (ref->referred))
	  {
	    /* A func value's descriptor or a method table: the functions
	       devirt.c may find in it.  */
	    ipa_ref *vref;
	    for (unsigned j = 0; var->iterate_reference (j, vref); j++)
	      if (cgraph_node *target
		  = dyn_cast <cgraph_node *> (vref->referred))
		fn (target, data);
	  }
      }
}

static void esc_ensure_analysed (esc_components *c, cgraph_node *node);

/* esc_walk_dependencies callback of esc_ensure_analysed: analyse NODE
   for the components DATA.  */

static void
esc_ensure_dependency (cgraph_node *node, void *data)
{
  esc_ensure_analysed ((esc_components *) data, node);
}

/* Analyse the component of the function NODE, if it is one of C's and
   not analysed yet, after the components of its dependencies
   (esc_walk_dependencies).  */

static void
esc_ensure_analysed (esc_components *c, cgraph_node *node)
{
  int *slot = c->comp_of.get (node->ultimate_alias_target ());
  if (!slot || c->state[*slot] != 0)
    return;
  int comp = *slot;
  c->state[comp] = 1;
  unsigned i;
  int m;
  FOR_EACH_VEC_ELT (c->members[comp], i, m)
    esc_walk_dependencies ((*c->ranges)[m].node, esc_ensure_dependency, c);
  esc_analyse_component (c->ranges, &c->members[comp], c->sites, c->params);
  c->state[comp] = 2;
}

/* What esc_count_dependency needs: the components, the one whose
   dependencies are counted, and a stamp per component (the last
   component that counted it) so that each is counted once.  */

struct esc_dep_count
{
  esc_components *c;
  int comp;
  int *stamp;
};

/* esc_walk_dependencies callback of esc_schedule: count the component of
   NODE as one that DATA's component waits for.  */

static void
esc_count_dependency (cgraph_node *node, void *data)
{
  esc_dep_count *d = (esc_dep_count *) data;
  int *slot = d->c->comp_of.get (node->ultimate_alias_target ());
  if (!slot || *slot == d->comp || d->stamp[*slot] == d->comp)
    return;
  d->stamp[*slot] = d->comp;
  d->c->pending[d->comp]++;
  d->c->dependents[*slot].safe_push (d->comp);
}

/* Set up C for early analysis: each component waits for its members to
   be in SSA form and for its dependencies to be analysed.  Components
   that depend on each other (through addresses, which the call graph's
   components do not follow) never stop waiting: esc_unit_finish
   analyses them.  */

static void
esc_schedule (esc_components *c)
{
  unsigned n = c->members.length ();
  c->pending.safe_grow_cleared (n);
  c->dependents.safe_grow_cleared (n);
  c->built.safe_grow_cleared (c->ranges->length ());
  int *stamp = XNEWVEC (int, n);
  for (unsigned i = 0; i < n; i++)
    stamp[i] = -1;
  for (unsigned i = 0; i < n; i++)
    {
      esc_dep_count d = { c, (int) i, stamp };
      unsigned j;
      int m;
      c->pending[i] += c->members[i].length ();
      FOR_EACH_VEC_ELT (c->members[i], j, m)
	esc_walk_dependencies ((*c->ranges)[m].node, esc_count_dependency,
			       &d);
    }
  free (stamp);
}

/* Start the analysis of the unit: its functions are RANGES, whose sites
   go to SITES and parameter summaries to PARAMS as they are analysed.
   If EARLY, the functions are not in SSA form yet, and esc_unit_built
   will be told as each one is.  */

void
esc_unit_begin (vec<esc_site> *sites, vec<esc_fn_range> *ranges,
		vec<esc_param> *params, bool early)
{
  gcc_checking_assert (!esc_unit);
  esc_unit_ranges = ranges;
  esc_unit_sites = sites;
  esc_unit_conservative_edges = esc_unit_unknown_calls = 0;
  esc_unit_analyses = esc_unit_early_analyses = 0;
  esc_unit_sites_usec = 0;
  esc_range_of_decl = new hash_map<tree, int>;
  esc_claimed = new hash_set<int_hash<int, -1, -2> >;
  for (unsigned i = 0; i < ranges->length (); i++)
    esc_range_of_decl->put ((*ranges)[i].node->decl, i);

  esc_components *c = esc_unit = new esc_components;
  c->ranges = ranges;
  c->sites = sites;
  c->params = params;
  hash_map<cgraph_node *, int> range_of;
  for (unsigned i = 0; i < ranges->length (); i++)
    range_of.put ((*ranges)[i].node, i);
  auto_vec<bool> placed (ranges->length ());
  placed.safe_grow_cleared (ranges->length ());

  /* The components, callees first.  */
  cgraph_node **order = XCNEWVEC (cgraph_node *, symtab->cgraph_count);
  int n = ipa_reduced_postorder (order, true, NULL);
  for (int i = 0; i < n; i++)
    {
      vec<cgraph_node *> cycle = ipa_get_nodes_in_cycle (order[i]);
      vec<int> members = vNULL;
      unsigned j;
      cgraph_node *node;
      FOR_EACH_VEC_ELT (cycle, j, node)
	{
	  int *r = range_of.get (node);
	  if (r && !placed[*r])
	    {
	      members.safe_push (*r);
	      placed[*r] = true;
	      c->comp_of.put (node, c->members.length ());
	    }
	}
      cycle.release ();
      if (members.is_empty ())
	continue;
      c->members.safe_push (members);
    }
  ipa_free_postorder_info ();
  free (order);
  /* Functions the call graph walk did not reach: one component each.  */
  for (unsigned i = 0; i < ranges->length (); i++)
    if (!placed[i])
      {
	vec<int> members = vNULL;
	members.safe_push (i);
	c->comp_of.put ((*ranges)[i].node, c->members.length ());
	c->members.safe_push (members);
      }
  c->state.safe_grow_cleared (c->members.length ());
  if (early)
    esc_schedule (c);
}

/* Return true between esc_unit_begin and esc_unit_finish.  */

bool
esc_unit_begun_p (void)
{
  return esc_unit != NULL;
}

/* NODE, a function of the unit begun early, is now in SSA form, and will
   not change before the IPA pass: analyse every component that no longer
   waits for anything, NODE's first, while its statements are in the
   cache.  */

void
esc_unit_built (cgraph_node *node)
{
  esc_components *c = esc_unit;
  if (!c || c->pending.is_empty ())
    return;
  int *r = esc_range_of_decl->get (node->decl);
  if (!r || c->built[*r])
    return;
  c->built[*r] = true;
  int *slot = c->comp_of.get ((*c->ranges)[*r].node);
  if (!slot || --c->pending[*slot] != 0)
    return;
  unsigned analyses = esc_unit_analyses;
  auto_vec<int> ready;
  ready.safe_push (*slot);
  while (!ready.is_empty ())
    {
      int comp = ready.pop ();
      esc_ensure_analysed (c, (*c->ranges)[c->members[comp][0]].node);
      unsigned i;
      int d;
      FOR_EACH_VEC_ELT (c->dependents[comp], i, d)
	if (--c->pending[d] == 0)
	  ready.safe_push (d);
    }
  esc_unit_early_analyses += esc_unit_analyses - analyses;
}

/* Analyse every function of the unit not analysed yet, and release what
   the analysis kept.  */

void
esc_unit_finish (void)
{
  esc_components *c = esc_unit;
  vec<esc_fn_range> *ranges = c->ranges;
  for (unsigned i = 0; i < c->members.length (); i++)
    if (c->state[i] == 0)
      esc_ensure_analysed (c, (*ranges)[c->members[i][0]].node);
  /* Every function is in a component, and so analysed; but a function
     whose sites were not found would silently have none.  */
  for (unsigned i = 0; i < ranges->length (); i++)
    esc_ensure_sites (&(*ranges)[i]);
  for (unsigned i = 0; i < c->members.length (); i++)
    c->members[i].release ();
  for (unsigned i = 0; i < c->dependents.length (); i++)
    c->dependents[i].release ();
  delete c;
  esc_unit = NULL;
  esc_summaries_release ();
  esc_devirt_release ();
  esc_graph_spares_release ();
  delete esc_range_of_decl;
  delete esc_claimed;
  esc_range_of_decl = NULL;
  esc_claimed = NULL;
  esc_unit_ranges = NULL;
  esc_unit_sites = NULL;
}

/* Return the comparison class of SITE.  */

enum esc_class
esc_site_class (const esc_site *site)
{
  if (!site->analysed)
    return ESC_CLASS_NONE;
  if (site->gccgo == ESC_STATIC)
    return ESC_CLASS_STATIC;
  if (site->gccgo == ESC_HEAP)
    return (site->verdict == ESC_HEAP ? ESC_CLASS_BOTH_HEAP
	    : ESC_CLASS_MISSED_STACK);
  if (site->escapes)
    return ESC_CLASS_UNSAFE_STACK;
  return (site->verdict == ESC_HEAP ? ESC_CLASS_STACK_TOO_LARGE
	  : ESC_CLASS_BOTH_STACK);
}

/* Return the name of the class CLS in the JSON records and the README.  */

const char *
esc_class_name (enum esc_class cls)
{
  static const char *const names[] = {
    "both-heap", "both-stack", "gccgo-heap-no-escape",
    "gccgo-stack-escapes", "gccgo-stack-too-large", "static", NULL
  };
  return names[cls];
}
