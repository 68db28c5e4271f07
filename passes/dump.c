/* dump.c: the annotated pass dump (-fplugin-arg-escape-dump[=details]).

   -fdump-ipa-escape cannot work for a plugin pass: -fdump-* options are
   decoded before plugins are loaded.  plugin.c enables the pass's dump
   through the dump manager instead; then dump_file and dump_flags work as
   for any pass.  Each function's GIMPLE is printed with every allocation
   statement followed by its site and the plugin's verdict; with details,
   by gccgo's note and the flow path too.  */

#include "compat.h"
#include "escape.h"

/* Print the annotation of SITE to the dump file.  */

static void
esc_dump_site (const esc_site *site)
{
  char *what = esc_site_description (site);
  fprintf (dump_file, "      ;; escape: %s %s %s [%s] at %s:%d:%d\n",
	   esc_decision_name (site->gccgo), esc_kind_name (site->kind), what,
	   site->reason ? site->reason : "", site->file ? site->file : "?",
	   site->line, site->col);
  if (site->analysed)
    fprintf (dump_file, "      ;;   verdict: %s [%s]%s, class %s\n",
	     esc_decision_name (site->verdict), site->verdict_reason,
	     site->conservative ? " (conservative)" : "",
	     esc_class_name (esc_site_class (site)));
  if ((dump_flags & TDF_DETAILS) && site->note)
    fprintf (dump_file, "      ;;   gccgo: %s\n", site->note);
  if ((dump_flags & TDF_DETAILS) && site->path_text)
    {
      /* The flow path, one ";;     " line each.  */
      const char *p = site->path_text;
      while (*p)
	{
	  const char *nl = strchr (p, '\n');
	  int len = nl ? (int) (nl - p) : (int) strlen (p);
	  fprintf (dump_file, "      ;;     %.*s\n", len, p);
	  p += len + (nl != NULL);
	}
    }
  free (what);
}

/* Dump FUN, which must be cfun, with the sites SITES[FIRST..LAST) (its
   own) printed after their statements.  */

void
esc_dump_function (function *fun, vec<esc_site> *sites, unsigned first,
		   unsigned last)
{
  char *name = esc_go_function_name (fun->decl);
  fprintf (dump_file, "\n;; Function %s (%s): %u allocation sites\n\n",
	   function_name (fun), name, last - first);
  free (name);

  hash_map<gimple *, unsigned> site_of;
  for (unsigned i = first; i < last; i++)
    if (!site_of.get ((*sites)[i].stmt))
      site_of.put ((*sites)[i].stmt, i);

  dump_flags_t flags = (dump_flags & TDF_DETAILS) ? TDF_LINENO : TDF_NONE;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    {
      fprintf (dump_file, "  <bb %d>:\n", bb->index);
      for (gphi_iterator psi = gsi_start_phis (bb); !gsi_end_p (psi);
	   gsi_next (&psi))
	{
	  fprintf (dump_file, "    ");
	  print_gimple_stmt (dump_file, psi.phi (), 4, flags);
	}
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  fprintf (dump_file, "    ");
	  print_gimple_stmt (dump_file, stmt, 4, flags);
	  if (!site_of.get (stmt))
	    continue;
	  /* Several sites may share a statement; they are adjacent.  */
	  for (unsigned i = *site_of.get (stmt);
	       i < last && (*sites)[i].stmt == stmt; i++)
	    esc_dump_site (&(*sites)[i]);
	}
    }
}
