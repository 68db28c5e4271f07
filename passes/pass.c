/* pass.c: the escape IPA pass.

   A SIMPLE_IPA_PASS placed after build_ssa_passes: there every function
   with a body is in SSA form and still holds exactly the allocations the Go
   front end decided on (nothing is inlined, folded or removed yet), at -O0
   as at -O2.  It reads the IL and never changes it.

   The pass analyses the unit (analyse.c), which finds each function's
   sites (sites.c) just before it builds the function's graph from the
   same statements, then attaches gccgo's notes to the sites
   (gccnotes.c), dumps the annotated functions (dump.c), sorts the sites
   and reports them (report.c).  */

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

/* Run the pass over the unit.  */

unsigned int
pass_escape::execute (function *)
{
  auto_vec<esc_site> sites;
  auto_vec<esc_fn_range> ranges;
  cgraph_node *node;
  long start = esc_cpu_usec ();
  long start_faults = esc_page_faults ();

  if (esc_opts.selftest && !esc_run_selftests ())
    error ("escape plugin: unit tests failed (see the FAIL lines above)");

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
      ranges.safe_push (range);
    }

  /* The analysis finds each function's sites when it comes to it.  */
  auto_vec<esc_param> params;
  esc_analyse_unit (&sites, &ranges, &params);
  long notes_start = esc_cpu_usec ();
  esc_notes_attach (&sites);
  long find_usec = esc_sites_usec () + esc_cpu_usec () - notes_start;
  long analyse_usec = notes_start - start - esc_sites_usec ();

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
  esc_notes_release ();
  esc_exports_release ();
  esc_source_release ();

  /* Last, so that the time includes the whole pass, and a benchmark may
     stop the compiler at this line (testsuite/bench).  */
  if (esc_opts.stats)
    {
      long usec = esc_cpu_usec () - start;
      long faults = esc_page_faults () - start_faults;
      unsigned long statements = 0;
      unsigned i;
      esc_fn_range *range;
      FOR_EACH_VEC_ELT (ranges, i, range)
	statements += range->statements;
      unsigned edges, calls, analyses;
      esc_analysis_counts (&edges, &calls, &analyses);
      fprintf (stderr, "escape: stats: %s: functions=%u statements=%lu "
	       "sites=%u analyses=%u pass_usec=%ld (sites %ld, analysis %ld, "
	       "report %ld) page_faults=%ld\n", main_input_filename,
	       ranges.length (), statements, sites.length (), analyses, usec,
	       find_usec, analyse_usec, usec - find_usec - analyse_usec,
	       faults);
    }
  return 0;
}

/* Return a new instance of the escape pass for the context CTXT.  */

opt_pass *
make_pass_escape (gcc::context *ctxt)
{
  return new pass_escape (ctxt);
}
