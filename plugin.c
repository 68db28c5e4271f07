/* escape.so: show, check and recompute the escape-analysis decisions of
   gccgo, GCC's Go compiler.

   Usage:
     gccgo -c f.go -fplugin=/path/to/escape.so [-fplugin-arg-escape-OPT...]
     go build -compiler=gccgo -gccgoflags='-fplugin=/path/to/escape.so' ./...

   Options (-fplugin-arg-escape-KEY[=VALUE]):
     json=FILE          append one JSON record per allocation site to FILE
                        (JSON Lines, schema in the README); - is the
                        standard output
     notes=WHICH        which sites become compiler notes: all (default),
                        heap, stack or none
     gccgo_notes=WHEN   whether gccgo's own -fgo-debug-escape notes reach
                        the output: auto (default: only if you passed
                        -fgo-debug-escape and notes=none), yes or no
     dump[=details]     write the annotated pass dump, FILE.go.NNNi.escape
     params             notes give each parameter's leak summary, worded
                        like gc's ("leaking param: p to result ~r0
                        level=0"); JSON records always have them
     paths              notes show the flow path of every heap verdict,
                        in gc's -m=2 style (JSON records always have it)
     summary            print sites per kind and decision to stderr
     stats              print one line of pass statistics to stderr:
                        functions, GIMPLE statements, sites, function
                        analyses (SCC rounds included), the passes' own
                        CPU time in microseconds and page faults, and how
                        many analyses the early pass made (for
                        benchmarks; the time makes it non-deterministic)
     selftest           run the plugin's unit tests at the start of the
                        pass (one PASS or FAIL line each, on stderr); an
                        error if one fails
     help               print this list
     version            print the plugin's version

   The plugin registers two passes (see passes/pass.c): "escape", a
   SIMPLE_IPA_PASS after build_ssa_passes, which reports, and
   "*escape_early", a GIMPLE_PASS at the end of build_ssa_passes, which
   analyses each function while its statements are in the cache.  They
   read the IL only: the object file is the same with and without the
   plugin.

   The plugin must be built against the GCC it is loaded into (make
   GCCGO=gccgo-11 for GCC 11); the file must be called escape.so, because
   GCC names a plugin after its file and the options above after the
   plugin.  */

#include "passes/compat.h"
#include "plugin-version.h"
#include "passes/escape.h"

int plugin_is_GPL_compatible;

#define ESC_VERSION "0.2"

struct esc_options esc_opts;

static const char esc_help[] =
  "escape.so " ESC_VERSION
  ": show, check and recompute gccgo's escape analysis.\n"
  "Options (-fplugin-arg-escape-KEY[=VALUE]):\n"
  "  json=FILE         append one JSON record per allocation site to FILE\n"
  "                    (- for the standard output)\n"
  "  notes=WHICH       sites reported as notes: all (default), heap, stack, none\n"
  "  gccgo_notes=WHEN  let gccgo's own escape notes through: auto (default), yes, no\n"
  "  dump[=details]    write the annotated pass dump (FILE.go.NNNi.escape)\n"
  "  params            notes give parameters' leak summaries (gc's -m)\n"
  "  paths             notes show why each heap verdict escapes (flow paths)\n"
  "  summary           print sites per kind and decision to stderr\n"
  "  stats             print the pass's statistics (time, statements) to stderr\n"
  "  selftest          run the plugin's unit tests first (results on stderr)\n"
  "  help              print this list\n"
  "  version           print the plugin's version\n";

static struct plugin_info esc_plugin_info = {
  ESC_VERSION,
  esc_help
};

/* Return true if the user passed -fno-go-optimize-allocs, which turns
   gccgo's escape analysis off.  */

static bool
esc_analysis_off_p (void)
{
  bool off = false;
  for (unsigned i = 0; i < save_decoded_options_count; i++)
    {
      const cl_decoded_option *opt = &save_decoded_options[i];
      if (opt->opt_index == OPT_fgo_optimize_ && opt->arg
	  && strcmp (opt->arg, "allocs") == 0)
	off = opt->value == 0;
    }
  return off;
}

/* Parse the argument ARG of the plugin.  Return false after reporting an
   error if it is not valid.  */

static bool
esc_parse_arg (const plugin_argument *arg, int *gccgo_notes, bool *dump,
	       bool *details)
{
  const char *key = arg->key;
  const char *value = arg->value;

  if (strcmp (key, "json") == 0)
    {
      if (!value || !*value)
	{
	  error ("escape plugin: %<-fplugin-arg-escape-json%> needs a file "
		 "name: %<-fplugin-arg-escape-json=FILE%>");
	  return false;
	}
      /* The standard output, as GCC reads -o -, through the same locked
	 appends.  Only gccgo -S -o - writes there too.  */
      if (strcmp (value, "-") == 0)
	value = "/dev/stdout";
      if (!esc_json_check_writable (value))
	{
	  error ("escape plugin: cannot write JSON output %qs: %m", value);
	  return false;
	}
      esc_opts.json = value;
      return true;
    }
  if (strcmp (key, "notes") == 0)
    {
      static const char *const names[] = { "all", "heap", "stack", "none" };
      for (unsigned i = 0; value && i < ARRAY_SIZE (names); i++)
	if (strcmp (value, names[i]) == 0)
	  {
	    esc_opts.notes = (esc_notes_mode) i;
	    return true;
	  }
      error ("escape plugin: bad value %qs for %<-fplugin-arg-escape-notes%>;"
	     " expected all, heap, stack or none", value ? value : "");
      return false;
    }
  if (strcmp (key, "gccgo_notes") == 0)
    {
      if (!value || strcmp (value, "yes") == 0)
	*gccgo_notes = 1;
      else if (strcmp (value, "no") == 0)
	*gccgo_notes = 0;
      else if (strcmp (value, "auto") == 0)
	*gccgo_notes = -1;
      else
	{
	  error ("escape plugin: bad value %qs for "
		 "%<-fplugin-arg-escape-gccgo_notes%>; expected auto, yes or no",
		 value);
	  return false;
	}
      return true;
    }
  if (strcmp (key, "dump") == 0)
    {
      if (value && strcmp (value, "details") != 0)
	{
	  error ("escape plugin: bad value %qs for %<-fplugin-arg-escape-dump%>;"
		 " expected nothing or details", value);
	  return false;
	}
      *dump = true;
      *details = value != NULL;
      return true;
    }
  if (strcmp (key, "summary") == 0 || strcmp (key, "stats") == 0
      || strcmp (key, "paths") == 0 || strcmp (key, "params") == 0
      || strcmp (key, "selftest") == 0 || strcmp (key, "help") == 0
      || strcmp (key, "version") == 0)
    {
      if (value)
	{
	  error ("escape plugin: %<-fplugin-arg-escape-%s%> takes no value",
		 key);
	  return false;
	}
      if (strcmp (key, "summary") == 0)
	esc_opts.summary = true;
      else if (strcmp (key, "stats") == 0)
	esc_opts.stats = true;
      else if (strcmp (key, "paths") == 0)
	esc_opts.paths = true;
      else if (strcmp (key, "params") == 0)
	esc_opts.params = true;
      else if (strcmp (key, "selftest") == 0)
	esc_opts.selftest = true;
      else if (key[0] == 'h')
	fputs (esc_help, stdout);
      else
	printf ("escape.so %s for GCC %s\n", ESC_VERSION, gcc_version.basever);
      return true;
    }
  error ("escape plugin: unknown option %<-fplugin-arg-escape-%s%>; "
	 "%<-fplugin-arg-escape-help%> lists the options", key);
  return false;
}

/* Register PASS for the plugin PLUGIN_NAME, after the first instance of
   the pass named REFERENCE.  */

static void
esc_register_pass (const char *plugin_name, opt_pass *pass,
		   const char *reference)
{
  struct register_pass_info info;
  info.pass = pass;
  info.reference_pass_name = reference;
  info.ref_pass_instance_number = 1;
  info.pos_op = PASS_POS_INSERT_AFTER;
  register_callback (plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &info);
}

/* The plugin's entry point.  PLUGIN_INFO holds its name and arguments,
   VERSION the version of the GCC that loads it.  */

int
plugin_init (struct plugin_name_args *plugin_info,
	     struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      /* Debian names the driver after the major version only.  */
      int major_len = (int) strcspn (version->basever, ".");
      error ("escape plugin: built for GCC %s, but loaded into GCC %s; "
	     "rebuild it against this compiler (%<make GCCGO=gccgo-%.*s%>)",
	     gcc_version.basever, version->basever, major_len,
	     version->basever);
      return 1;
    }

  const char *plugin_name = plugin_info->base_name;
  register_callback (plugin_name, PLUGIN_INFO, NULL, &esc_plugin_info);

  esc_opts.notes = ESC_NOTES_ALL;
  int gccgo_notes = -1;
  bool dump = false, details = false, ok = true;
  for (int i = 0; i < plugin_info->argc; i++)
    ok &= esc_parse_arg (&plugin_info->argv[i], &gccgo_notes, &dump,
			 &details);
  if (!ok)
    return 1;

  if (strcmp (lang_hooks.name, "GNU Go") != 0)
    {
      inform (UNKNOWN_LOCATION, "escape plugin: analyses Go only; "
	      "nothing to do for %s", lang_hooks.name);
      return 0;
    }

  /* gccgo's notes are our record of its reasons: ask for them, and decide
     whether the user sees them.  */
  bool user_debug_escape = go_debug_escape_level != 0;
  esc_opts.analysis_off = esc_analysis_off_p ();
  if (go_debug_escape_level == 0)
    go_debug_escape_level = 1;
  if (gccgo_notes < 0)
    gccgo_notes = user_debug_escape && esc_opts.notes == ESC_NOTES_NONE;
  esc_notes_install (gccgo_notes);

  /* The IPA pass after build_ssa_passes, and the early pass last in it
     (after the first *rebuild_cgraph_edges), which analyses each function
     there when it can (passes/pass.c).  */
  esc_register_pass (plugin_name, make_pass_escape (g), "build_ssa_passes");
  esc_register_pass (plugin_name, make_pass_escape_early (g),
		     "*rebuild_cgraph_edges");
  register_callback (plugin_name, PLUGIN_GGC_MARKING, esc_ggc_mark, NULL);

  if (dump)
    g->get_dumps ()->dump_switch_p (details ? "ipa-escape-details"
				    : "ipa-escape");
  return 0;
}
