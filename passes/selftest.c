/* selftest.c: the plugin's unit tests, run inside the compiler by
   -fplugin-arg-escape-selftest (README, TESTS).

   Design.  As in GCC's own selftests, the tests of a file live at the
   end of that file, so that they can reach its static functions: one
   function per file (esc_graph_selftests ...), listed in
   esc_run_selftests below.  A file's function runs its test cases; each
   case is bracketed by esc_test_begin and esc_test_end and checks its
   conditions with ESC_CHECK.  They test the pieces that are easier to
   test alone than through a Go program: the points-to and the store
   resolution of the escape graph, the solver's walks, the decoding of
   gccgo's export tags and symbol names, and the consistency of the
   runtime tables.

   Each case prints one line to stderr, "escape: selftest: PASS: NAME" or
   "escape: selftest: FAIL: NAME: FILE:LINE: CONDITION" (the first
   condition that failed), which the DejaGnu driver
   (testsuite/escape.unit) turns into one PASS or FAIL each.  The tests
   run at the start of the pass, on trees built for them; the compilation
   then goes on as usual.  */

#include "compat.h"
#include "escape.h"

/* The case being run, and what has happened so far.  */
static const char *esc_test_name;
static const char *esc_test_failure;
static unsigned esc_tests_run, esc_tests_failed;

/* Start the test case NAME.  */

void
esc_test_begin (const char *name)
{
  esc_test_name = name;
  esc_test_failure = NULL;
}

/* Check, for the current case, that OK holds: EXPR is its text, FILE and
   LINE where it is.  The first failure of a case is kept for its
   line.  */

void
esc_test_check (bool ok, const char *expr, const char *file, int line)
{
  if (ok || esc_test_failure)
    return;
  const char *base = strrchr (file, '/');
  char buf[32];
  snprintf (buf, sizeof buf, "%d", line);
  esc_test_failure = concat (base ? base + 1 : file, ":", buf, ": ", expr,
			     NULL);
}

/* End the current case and print its line.  */

void
esc_test_end (void)
{
  esc_tests_run++;
  if (esc_test_failure)
    {
      esc_tests_failed++;
      fprintf (stderr, "escape: selftest: FAIL: %s: %s\n", esc_test_name,
	       esc_test_failure);
      free (CONST_CAST (char *, esc_test_failure));
    }
  else
    fprintf (stderr, "escape: selftest: PASS: %s\n", esc_test_name);
  esc_test_name = esc_test_failure = NULL;
}

/* Run every file's tests.  Return true if they all pass.  */

bool
esc_run_selftests (void)
{
  esc_tests_run = esc_tests_failed = 0;
  esc_graph_selftests ();
  esc_exports_selftests ();
  esc_gonames_selftests ();
  esc_runtime_selftests ();
  esc_report_selftests ();
  fprintf (stderr, "escape: selftest: %u passed, %u failed\n",
	   esc_tests_run - esc_tests_failed, esc_tests_failed);
  return esc_tests_failed == 0;
}
