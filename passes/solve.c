/* solve.c: which locations escape, and the leak summary of each
   parameter (after gc's escape/solve.go).

   A walk starts from a set of root locations and goes backwards along the
   edges, computing for every location reached the least number of
   dereferences with which its value reaches a root (Bellman-Ford over
   the small range -1 .. ESC_LEAK_MAX_DEREFS, so each location is updated
   a bounded number of times: the walk is linear in the edges).  A
   location reached with -1 has its address reach the root; past it the
   count is clamped to 0, since "root = &l; l = x" makes x's value, not
   x's address, reach the root.  An object whose address reaches a root
   that outlives it escapes, and from then on is a root itself: whatever
   is stored in it reaches the heap.

   The walks, in order:
     results  the function's results outlive all of its locals; a
              parameter reached leaks to the result;
     loops    for each loop depth K, every location living at depth K or
              less is a root, and outlives the objects of deeper loops
              whose address it receives (a pointer kept across iterations);
     heap     the heap outlives everything; its roots are the heap and the
              objects found escaping so far; a parameter reached leaks to
              the heap.
     rules    from the objects gccgo heap-allocates because Go's rules
              put them there (too large, a make of non-constant size,
              append's growth ...) and that nothing made escape: what is
              stored into them reaches the heap (a heap object must not
              point to the stack: gc's first invariant).
   That is 3 + (loop depth) walks per function at most, not gc's one walk
   per location; the last one only from the rules' objects.

   When an allocation site's object escapes, the path from it to the root
   is written down at once (the walk's parent pointers are overwritten by
   the next walk), in gc's -m=2 style: one "flow: DST = SRC" step per
   named location, with the statements it went through.  */

#include "compat.h"
#include "escape.h"
#include "graph.h"

enum esc_root
{
  ESC_ROOT_RESULT,
  ESC_ROOT_LOOP,
  ESC_ROOT_HEAP
};

/* Steps of a path shown at most; the rest is elided.  */
#define ESC_PATH_MAX_STEPS 16

/* Return true if location L can have its address taken: a variable kept
   in memory, an allocated object, a parameter.  */

static bool
esc_object_p (const esc_loc *l)
{
  return (l->kind == ESC_LOC_VAR || l->kind == ESC_LOC_OBJECT
	  || l->kind == ESC_LOC_PARAM);
}

/* Return true if a root of kind ROOT at loop depth DEPTH outlives the
   location L.  */

static bool
esc_outlives (enum esc_root root, int depth, const esc_loc *l)
{
  if (root == ESC_ROOT_LOOP)
    return l->depth > depth && l->kind != ESC_LOC_PARAM;
  return true;
}

/* Write into BUF (of SIZE bytes) the position LOC as BASENAME:LINE:COL.  */

static void
esc_format_pos (char *buf, size_t size, location_t loc)
{
  expanded_location x = expand_location (loc);
  const char *file = x.file ? x.file : "?";
  const char *base = strrchr (file, '/');
  snprintf (buf, size, "%s:%d:%d", base ? base + 1 : file, x.line, x.column);
}

/* Append to OB the string S, escaped for JSON.  */

static void
esc_grow_json (obstack *ob, const char *s)
{
  for (; *s; s++)
    {
      if (*s == '"' || *s == '\\')
	obstack_1grow (ob, '\\');
      if ((unsigned char) *s >= 0x20)
	obstack_1grow (ob, *s);
    }
}

/* Append to TEXT and JSON one step of a path: DST = SRC with DEREFS
   dereferences.  */

static void
esc_grow_step (obstack *text, obstack *json, const char *dst,
	       const char *src, int derefs, bool first)
{
  char flow[512];
  const char *prefix = derefs < 0 ? "&" : "";
  char stars[ESC_LEAK_MAX_DEREFS + 1];
  int n = derefs > 0 ? MIN (derefs, ESC_LEAK_MAX_DEREFS) : 0;
  memset (stars, '*', n);
  stars[n] = '\0';
  snprintf (flow, sizeof flow, "%s = %s%s%s", dst, prefix, stars, src);
  obstack_grow (text, "flow: ", 6);
  obstack_grow (text, flow, strlen (flow));
  obstack_grow (text, ":\n", 2);
  if (!first)
    obstack_1grow (json, ',');
  obstack_grow (json, "{\"flow\":\"", 9);
  esc_grow_json (json, flow);
  obstack_grow (json, "\",\"from\":[", 10);
}

/* Append to TEXT and JSON that the edge K of G is part of the current
   step.  */

static void
esc_grow_from (obstack *text, obstack *json, esc_graph *g, int k, bool first)
{
  const esc_edge_info *info = &g->edge_info[k];
  obstack_grow (text, "  from ", 7);
  obstack_grow (text, info->why, strlen (info->why));
  if (g->edges[k].conservative)
    obstack_grow (text, " (conservative)", 15);
  char pos[256];
  esc_format_pos (pos, sizeof pos, info->loc);
  obstack_grow (text, " at ", 4);
  obstack_grow (text, pos, strlen (pos));
  obstack_1grow (text, '\n');
  if (!first)
    obstack_1grow (json, ',');
  obstack_grow (json, "{\"why\":\"", 8);
  esc_grow_json (json, info->why);
  obstack_grow (json, "\",\"at\":\"", 8);
  esc_grow_json (json, pos);
  obstack_grow (json, "\"}", 2);
}

/* Write down in SITE the path by which location L of G reached the root
   of the current walk, and whether it went through a conservative
   edge.  */

static void
esc_record_path (esc_graph *g, int l, esc_site *site)
{
  obstack text, json;
  obstack_init (&text);
  obstack_init (&json);
  obstack_1grow (&json, '[');

  char *src = esc_loc_name (g, l);
  if (!src)
    src = xstrdup ("?");
  int derefs = 0;
  int steps = 0;
  auto_vec<int, 8> pending;	/* edges of the current step */
  /* Parent pointers may loop once a location's count was lowered after
     its parent was reached through it (gc's explainPath guards against
     the same): stop at a location seen before.  */
  hash_set<int_hash<int, -1, -2> > seen;
  seen.add (l);
  int cur = l;
  while (g->locs[cur].parent >= 0 && steps < ESC_PATH_MAX_STEPS)
    {
      int dst = g->locs[cur].parent;
      bool loop = seen.add (dst);
      int k = g->locs[cur].parent_edge;
      const esc_edge *e = &g->edges[k];
      derefs += e->derefs;
      if (e->conservative)
	site->conservative = true;
      pending.safe_push (k);
      cur = dst;
      bool last = loop || g->locs[dst].parent < 0;
      char *name = esc_loc_name (g, dst);
      if (!name && !last)
	continue;
      if (!name)
	name = xstrdup ("{heap}");
      if (strcmp (name, src) == 0 && derefs == 0 && !last)
	{
	  /* The same variable again (another SSA version): one step.  */
	  free (name);
	  continue;
	}
      esc_grow_step (&text, &json, name, src, derefs, steps == 0);
      unsigned i;
      int pk;
      bool first_from = true;
      FOR_EACH_VEC_ELT (pending, i, pk)
	{
	  const esc_edge_info *info = &g->edge_info[pk];
	  if (i > 0 && g->edge_info[pending[i - 1]].loc == info->loc
	      && strcmp (g->edge_info[pending[i - 1]].why, info->why) == 0)
	    continue;
	  esc_grow_from (&text, &json, g, pk, first_from);
	  first_from = false;
	}
      obstack_grow (&json, "]}", 2);
      pending.truncate (0);
      free (src);
      src = name;
      derefs = 0;
      steps++;
      if (loop)
	break;
    }
  free (src);
  obstack_grow0 (&json, "]", 1);
  obstack_1grow (&text, '\0');
  free (site->path_text);
  free (site->path_json);
  site->path_text = xstrdup ((char *) obstack_finish (&text));
  site->path_json = xstrdup ((char *) obstack_finish (&json));
  obstack_free (&text, NULL);
  obstack_free (&json, NULL);
}

/* Mark location L of G as escaping because of a root of kind ROOT, and
   write down its path if it is an allocation site.  */

static void
esc_mark_escape (esc_graph *g, int l, enum esc_root root)
{
  esc_loc *loc = &g->locs[l];
  loc->escapes = true;
  if (dump_file && (dump_flags & TDF_DETAILS))
    fprintf (dump_file, ";; L%d escapes: %s walk, reached from L%d\n", l,
	     root == ESC_ROOT_RESULT ? "result"
	     : root == ESC_ROOT_LOOP ? "loop" : "heap", loc->parent);
  if (dump_file && (dump_flags & TDF_DETAILS))
    {
      fprintf (dump_file, ";;   via");
      int n = 0;
      for (int c = l; c >= 0 && n < 24; c = g->locs[c].parent, n++)
	fprintf (dump_file, " L%d(%d)", c, g->locs[c].derefs);
      fprintf (dump_file, "\n");
    }
  int s = g->loc_info[l].site;
  if (s < 0)
    return;
  esc_site *site = &(*g->sites)[s];
  site->escapes = true;
  site->verdict_reason = (root == ESC_ROOT_RESULT ? "returned"
			  : root == ESC_ROOT_LOOP ? "loop" : "escapes");
  esc_record_path (g, l, site);
}

/* Walk G backwards from the locations ROOTS, of kind ROOT (at loop depth
   DEPTH for loop roots).  Objects found escaping are appended to
   ESCAPED; parameter leaks are merged into LEAKS.  */

static void
esc_walk (esc_graph *g, vec<int> *roots, enum esc_root root, int depth,
	  esc_leak *leaks, vec<int> *escaped)
{
  static int walkgen;
  int gen = ++walkgen;
  auto_vec<int, 64> queue;
  unsigned i;
  int r;
  FOR_EACH_VEC_ELT (*roots, i, r)
    {
      esc_loc *l = &g->locs[r];
      l->walkgen = gen;
      l->derefs = 0;
      l->parent = -1;
      l->cons = false;
      queue.safe_push (r);
    }

  for (unsigned head = 0; head < queue.length (); head++)
    {
      int cur = queue[head];
      esc_loc *l = &g->locs[cur];
      int derefs = l->derefs;
      if (derefs < 0)
	{
	  if (esc_object_p (l) && !l->escapes
	      && esc_outlives (root, depth, l))
	    {
	      esc_mark_escape (g, cur, root);
	      escaped->safe_push (cur);
	    }
	  derefs = 0;
	}
      if (l->kind == ESC_LOC_PARAM && l->param >= 0 && root != ESC_ROOT_LOOP)
	{
	  esc_leak *leak = &leaks[l->param];
	  signed char *slot = (root == ESC_ROOT_HEAP ? &leak->heap
			       : &leak->result);
	  if (*slot == ESC_LEAK_NONE || derefs < *slot)
	    {
	      *slot = derefs;
	      leak->conservative = l->cons;
	    }
	  else if (derefs == *slot)
	    leak->conservative &= l->cons;
	}
      FOR_EACH_IN_EDGE (g, cur, j)
	{
	  const esc_edge *e = &g->edges[j];
	  if (e->src == g->heap)
	    continue;
	  int d = derefs + e->derefs;
	  if (d > ESC_LEAK_MAX_DEREFS)
	    d = ESC_LEAK_MAX_DEREFS;
	  esc_loc *s = &g->locs[e->src];
	  if (s->walkgen != gen || d < s->derefs)
	    {
	      s->walkgen = gen;
	      s->derefs = d;
	      s->parent = cur;
	      s->parent_edge = j;
	      s->cons = l->cons || e->conservative;
	      queue.safe_push (e->src);
	    }
	}
    }
}

/* Solve the graph G: mark the locations that escape, and fill LEAKS
   (G->nparams + 1 entries, the static chain last) with the parameters'
   leak summaries.  */

void
esc_solve (esc_graph *g, esc_leak *leaks)
{
  for (int i = 0; i <= g->nparams; i++)
    {
      leaks[i].heap = leaks[i].result = ESC_LEAK_NONE;
      leaks[i].conservative = false;
      memset (leaks[i].results1, 0, sizeof leaks[i].results1);
    }

  auto_vec<int, 16> escaped;
  auto_vec<int, 16> roots;
  roots.safe_push (g->result);
  esc_walk (g, &roots, ESC_ROOT_RESULT, 0, leaks, &escaped);
  /* A function with several results: which result each parameter reaches
     (gc's "to result ~r1").  The walks above have marked the escapes.  */
  for (int k = 0; k < ESC_MAX_RESULTS && !g->results_incomplete; k++)
    if (g->results[k] >= 0)
      {
	auto_vec<esc_leak, 8> per (g->nparams + 1);
	per.quick_grow_cleared (g->nparams + 1);
	for (int i = 0; i <= g->nparams; i++)
	  per[i].heap = per[i].result = ESC_LEAK_NONE;
	roots.truncate (0);
	roots.safe_push (g->results[k]);
	esc_walk (g, &roots, ESC_ROOT_RESULT, 0, per.address (), &escaped);
	for (int i = 0; i <= g->nparams; i++)
	  if (per[i].result != ESC_LEAK_NONE)
	    leaks[i].results1[k] = per[i].result + 1;
      }

  /* The roots of the loop walks, the locations above the deepest loop
     with their depths, in the order of the locations: one sweep of the
     locations, not one per depth (a large function's do not fit in the
     cache).  */
  auto_vec<int> above, above_depth;
  if (g->max_depth > 0)
    for (unsigned l = 0; l < g->locs.length (); l++)
      if (g->locs[l].depth < g->max_depth && (int) l != g->heap)
	{
	  above.safe_push (l);
	  above_depth.safe_push (g->locs[l].depth);
	}
  for (int k = 0; k < g->max_depth; k++)
    {
      roots.truncate (0);
      for (unsigned i = 0; i < above.length (); i++)
	if (above_depth[i] <= k)
	  roots.safe_push (above[i]);
      esc_walk (g, &roots, ESC_ROOT_LOOP, k, leaks, &escaped);
    }

  roots.truncate (0);
  roots.safe_push (g->heap);
  roots.safe_splice (escaped);
  esc_walk (g, &roots, ESC_ROOT_HEAP, 0, leaks, &escaped);

  /* The objects on the heap by Go's rules that nothing made escape are
     heap roots too, so that what is stored into them reaches the heap.
     After the heap walk, not as edges from the heap before it: their
     sites keep "does not escape" (their verdict is the rule's), and a
     path through one ends at it, as at any escaped object.  */
  roots.truncate (0);
  unsigned i;
  int o;
  FOR_EACH_VEC_ELT (g->rule_objects, i, o)
    if (!g->locs[o].escapes)
      {
	if (dump_file && (dump_flags & TDF_DETAILS))
	  fprintf (dump_file, ";; L%d is on the heap by Go's rules: a root "
		   "of the heap\n", o);
	g->locs[o].escapes = true;
	roots.safe_push (o);
      }
  if (!roots.is_empty ())
    esc_walk (g, &roots, ESC_ROOT_HEAP, 0, leaks, &escaped);
}
