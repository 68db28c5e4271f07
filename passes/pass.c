/* pass.c: the escape passes.

   "escape", a SIMPLE_IPA_PASS placed after build_ssa_passes: there every
   function with a body is in SSA form and still holds exactly the
   allocations the Go front end decided on (nothing is inlined, folded or
   removed yet), at -O0 as at -O2.  It finishes the analysis of the unit
   (analyse.c), attaches gccgo's notes to the sites (gccnotes.c), dumps
   the annotated functions (dump.c), sorts the sites and reports them
   (report.c).

   "*escape_early", a GIMPLE_PASS placed last in build_ssa_passes, where
   each function goes into SSA form in turn and is not changed again
   before the IPA pass.  It analyses each function as soon as it and the
   functions its analysis needs are in SSA form (analyse.c,
   esc_unit_built), while its statements are in the cache: read later,
   from the IPA pass, a unit's GIMPLE comes from memory, and in a unit of
   a million statements that read costs several times the analysis
   itself.  Functions whose dependencies form a cycle through addresses,
   and all functions when the IPA pass's dump is on (its graphs go to
   that dump), are analysed by the IPA pass.  The verdicts are the same
   either way.

   Both passes read the IL and never change it.  */

#include "compat.h"
#include "escape.h"

/* Compare two function ranges by source line, then name, for qsort: the
   order of the dump.  */

static int
esc_range_cmp (const void *a, const void *b)
{
  const esc_fn_range *r1 = (const esc_fn_range *) a;
  const esc_fn_range *r2 = (const esc_fn_range *) b;
  if (r1->line != r2->line)
    return r1->line < r2->line ? -1 : 1;
  return strcmp (r1->node->name (), r2->node->name ());
}

/* Free the strings of every site of SITES.  */

static void
esc_free_sites (vec<esc_site> *sites)
{
  unsigned i;
  esc_site *site;
  FOR_EACH_VEC_ELT (*sites, i, site)
    {
      free (site->function);
      free (site->type);
      free (site->name);
      free (site->note);
      free (site->path_text);
      free (site->path_json);
    }
}

/* Free the strings of every parameter summary of PARAMS.  */

static void
esc_free_params (vec<esc_param> *params)
{
  unsigned i;
  esc_param *p;
  FOR_EACH_VEC_ELT (*params, i, p)
    {
      free (p->function);
      free (p->name);
    }
}

const pass_data pass_data_escape = {
  SIMPLE_IPA_PASS,		/* type */
  "escape",			/* name */
  OPTGROUP_NONE,		/* optinfo_flags */
  TV_PLUGIN_RUN,		/* tv_id */
  0,				/* properties_required */
  0,				/* properties_provided */
  0,				/* properties_destroyed */
  0,				/* todo_flags_start */
  0,				/* todo_flags_finish */
};

class pass_escape : public simple_ipa_opt_pass
{
public:
  pass_escape (gcc::context *ctxt)
    : simple_ipa_opt_pass (pass_data_escape, ctxt)
  {}

  virtual bool gate (function *) { return !seen_error (); }
  virtual unsigned int execute (function *);
};

/* Return the CPU time the compiler has used, in microseconds.  The
   pass's own time is measured in CPU time, not wall time, so that other
   work on the machine does not count.  */

long
esc_cpu_usec (void)
{
  struct timespec t;
  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
    return 0;
  return t.tv_sec * 1000000L + t.tv_nsec / 1000;
}

/* Return the page faults the compiler has taken so far (minor and major),
   or 0 if unknown.  On a virtual machine a fault can cost microseconds,
   so the stats line reports the pass's own.  */

static long
esc_page_faults (void)
{
  struct rusage ru;
  if (getrusage (RUSAGE_SELF, &ru) != 0)
    return 0;
  return ru.ru_minflt + ru.ru_majflt;
}

/* The unit: its functions, its sites and its parameter summaries, from
   the first pass that runs (esc_unit_start) to the end of the IPA pass;
   and the CPU time and page faults of the early pass.  */
static vec<esc_fn_range> esc_ranges;
static vec<esc_site> esc_sites;
static vec<esc_param> esc_params;
static long esc_early_usec, esc_early_faults;

/* The IPA pass, whose dump decides where the analysis runs.  */
static opt_pass *esc_ipa_pass;

/* Collect the unit's functions and begin its analysis (analyse.c); EARLY
   if they are not in SSA form yet.  */

static void
esc_unit_start (bool early)
{
  cgraph_node *node;
  FOR_EACH_FUNCTION_WITH_GIMPLE_BODY (node)
    {
      function *fun = node->get_fun ();
      if (!fun || !fun->cfg)
	continue;
      esc_fn_range range;
      range.node = node;
      range.first = range.last = 0;
      range.line = LOCATION_LINE (DECL_SOURCE_LOCATION (node->decl));
      range.found = false;
      range.statements = 0;
      esc_ranges.safe_push (range);
    }
  esc_unit_begin (&esc_sites, &esc_ranges, &esc_params, early);
}

/* Mark for GCC's garbage collector the trees and statements the unit's
   sites hold (PLUGIN_GGC_MARKING, which may come between two functions
   of the early pass).  They belong to function bodies that nothing
   changes before the IPA pass, so they are reachable anyway; this keeps
   it so if that ever changes.  */

void
esc_ggc_mark (void *, void *)
{
  unsigned i;
  esc_site *site;
  FOR_EACH_VEC_ELT (esc_sites, i, site)
    {
      gt_ggc_m_6gimple (site->stmt);
      gt_ggc_m_9tree_node (site->decl);
    }
}

/* Return true if the IPA pass's dump is on.  */

static bool
esc_ipa_dump_p (void)
{
  dump_file_info *dfi
    = g->get_dumps ()->get_dump_file_info (esc_ipa_pass->static_pass_number);
  return dfi && (dfi->pstate != 0 || dfi->alt_state != 0);
}

const pass_data pass_data_escape_early = {
  GIMPLE_PASS,			/* type */
  "*escape_early",		/* name */
  OPTGROUP_NONE,		/* optinfo_flags */
  TV_PLUGIN_RUN,		/* tv_id */
  0,				/* properties_required */
  0,				/* properties_provided */
  0,				/* properties_destroyed */
  0,				/* todo_flags_start */
  0,				/* todo_flags_finish */
};

class pass_escape_early : public gimple_opt_pass
{
public:
  pass_escape_early (gcc::context *ctxt)
    : gimple_opt_pass (pass_data_escape_early, ctxt)
  {}

  virtual bool gate (function *)
  {
    return !seen_error () && !esc_ipa_dump_p ();
  }
  virtual unsigned int execute (function *);
};

/* FUN is in SSA form: analyse what that makes ready.  */

unsigned int
pass_escape_early::execute (function *fun)
{
  if (!fun->cfg || !gimple_in_ssa_p (fun))
    return 0;
  /* Two system calls each: only for the stats line.  */
  long start = esc_opts.stats ? esc_cpu_usec () : 0;
  long start_faults = esc_opts.stats ? esc_page_faults () : 0;
  if (!esc_unit_begun_p ())
    esc_unit_start (true);
  if (cgraph_node *node = cgraph_node::get (fun->decl))
    esc_unit_built (node);
  if (esc_opts.stats)
    {
      esc_early_usec += esc_cpu_usec () - start;
      esc_early_faults += esc_page_faults () - start_faults;
    }
  return 0;
}

/* Run the pass over the unit.  */

unsigned int
pass_escape::execute (function *)
{
  long start = esc_cpu_usec ();
  long start_faults = esc_page_faults ();

  if (esc_opts.selftest && !esc_run_selftests ())
    error ("escape plugin: unit tests failed (see the FAIL lines above)");

  if (!esc_unit_begun_p ())
    esc_unit_start (false);
  vec<esc_fn_range> &ranges = esc_ranges;
  vec<esc_site> &sites = esc_sites;
  vec<esc_param> &params = esc_params;

  /* The analysis finds each function's sites when it comes to it.  */
  esc_unit_finish ();
  long notes_start = esc_cpu_usec ();
  esc_notes_attach (&sites);
  long find_usec = esc_sites_usec () + esc_cpu_usec () - notes_start;
  long analyse_usec = (esc_early_usec + notes_start - start
		       - esc_sites_usec ());

  if (dump_file)
    {
      ranges.qsort (esc_range_cmp);
      unsigned i;
      esc_fn_range *range;
      FOR_EACH_VEC_ELT (ranges, i, range)
	{
	  push_cfun (range->node->get_fun ());
	  esc_dump_function (cfun, &sites, range->first, range->last);
	  pop_cfun ();
	}
    }

  esc_sort_sites (&sites);
  esc_sort_params (&params);
  esc_report_notes (&sites, &params);
  if (esc_opts.json)
    esc_report_json (&sites, &params);
  if (esc_opts.summary)
    esc_report_summary (&sites, stderr);
  if (dump_file)
    esc_report_summary (&sites, dump_file);

  esc_free_sites (&sites);
  esc_free_params (&params);
  params.release ();
  esc_notes_release ();
  esc_exports_release ();
  esc_source_release ();

  /* Last, so that the time includes the whole pass, and a benchmark may
     stop the compiler at this line (testsuite/bench).  */
  if (esc_opts.stats)
    {
      long usec = esc_early_usec + esc_cpu_usec () - start;
      long faults = esc_early_faults + esc_page_faults () - start_faults;
      unsigned long statements = 0;
      unsigned i;
      esc_fn_range *range;
      FOR_EACH_VEC_ELT (ranges, i, range)
	statements += range->statements;
      unsigned edges, calls, analyses;
      esc_analysis_counts (&edges, &calls, &analyses);
      fprintf (stderr, "escape: stats: %s: functions=%u statements=%lu "
	       "sites=%u analyses=%u pass_usec=%ld (sites %ld, analysis %ld, "
	       "report %ld) page_faults=%ld early_analyses=%u\n",
	       main_input_filename, ranges.length (), statements,
	       sites.length (), analyses, usec, find_usec, analyse_usec,
	       usec - find_usec - analyse_usec, faults, esc_early_analyses ());
    }
  ranges.release ();
  sites.release ();
  return 0;
}

/* Return a new instance of the escape pass for the context CTXT.  */

opt_pass *
make_pass_escape (gcc::context *ctxt)
{
  esc_ipa_pass = new pass_escape (ctxt);
  return esc_ipa_pass;
}

/* Return a new instance of the early pass for the context CTXT.  */

opt_pass *
make_pass_escape_early (gcc::context *ctxt)
{
  return new pass_escape_early (ctxt);
}
