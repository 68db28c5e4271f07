/* report.c: write the allocation sites out.

   Three outputs, all in the order of esc_sort_sites (file, line, column,
   then kind and name), so that they are stable across runs:

     notes      GCC diagnostics (inform), worded like gc's -m:
		"moved to heap: x", "new(S) escapes to heap",
		"make([]int, n) escapes to heap: non-constant size",
		"func literal does not escape";
     JSON Lines one record per line: a "unit" record, then one "site"
		record per site (README, JSON LINES).  Appended to the file
		in one write under an exclusive lock, so that parallel
		compilations (go build -p N) never tear or interleave records;
     summary    sites per kind and decision.  */

#include "compat.h"
#include "escape.h"
#include <sys/file.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

/* Version of the JSON record schema; bump it when a field changes
   meaning.  */
#define ESC_SCHEMA_VERSION 2

/* Compare two strings that may be NULL.  */

static int
esc_strcmp0 (const char *a, const char *b)
{
  return strcmp (a ? a : "", b ? b : "");
}

/* Compare the sites A and B for qsort: by position, then kind, decision,
   name, type, function and rank in the function.  */

static int
esc_site_cmp (const void *a, const void *b)
{
  const esc_site *s1 = (const esc_site *) a;
  const esc_site *s2 = (const esc_site *) b;
  int c = esc_strcmp0 (s1->file, s2->file);
  if (c)
    return c;
  if (s1->line != s2->line)
    return s1->line < s2->line ? -1 : 1;
  if (s1->col != s2->col)
    return s1->col < s2->col ? -1 : 1;
  if (s1->kind != s2->kind)
    return s1->kind < s2->kind ? -1 : 1;
  if (s1->gccgo != s2->gccgo)
    return s1->gccgo < s2->gccgo ? -1 : 1;
  c = esc_strcmp0 (s1->name, s2->name);
  if (c)
    return c;
  c = esc_strcmp0 (s1->type, s2->type);
  if (c)
    return c;
  c = esc_strcmp0 (s1->function, s2->function);
  if (c)
    return c;
  /* Two sites of one function at one position: statement order, so that
     the order does not depend on the order the functions' sites were
     found in.  */
  if (s1->seq != s2->seq)
    return s1->seq < s2->seq ? -1 : 1;
  return 0;
}

/* Sort SITES into report order.  */

void
esc_sort_sites (vec<esc_site> *sites)
{
  sites->qsort (esc_site_cmp);
}

/* Return the gc-style expression for SITE ("new(S)", "&S{...}",
   "make([]int, n)"), or for variables their name.  The caller frees it.  */

char *
esc_site_description (const esc_site *site)
{
  const char *t = site->type ? site->type : "T";
  switch (site->kind)
    {
    case ESC_KIND_VAR:
    case ESC_KIND_PARAM:
      return xstrdup (site->name ? site->name : "?");
    case ESC_KIND_NEW:
      return concat ("new(", t, ")", NULL);
    case ESC_KIND_COMPOSITE_LITERAL:
      return concat ("&", t, "{...}", NULL);
    case ESC_KIND_CLOSURE:
      return xstrdup ("func literal");
    case ESC_KIND_METHOD_VALUE:
      return xstrdup ("method value");
    case ESC_KIND_BOX:
      return concat ("conversion of ", t, " to interface", NULL);
    case ESC_KIND_MAKE_SLICE:
      {
	char len[64];
	if (site->length >= 0 && site->capacity > site->length)
	  snprintf (len, sizeof len, ", %ld, %ld)", site->length,
		    site->capacity);
	else if (site->length >= 0)
	  snprintf (len, sizeof len, ", %ld)", site->length);
	else if (site->capacity >= 0)
	  snprintf (len, sizeof len, ", _, %ld)", site->capacity);
	else
	  strcpy (len, site->size == ESC_SIZE_VAR ? ", n)" : ", const)");
	return concat ("make(", site->type ? site->type : "[]T", len, NULL);
      }
    case ESC_KIND_SLICE_LITERAL:
      return concat (site->type ? site->type : "[]T", "{...}", NULL);
    case ESC_KIND_APPEND:
      return concat ("append(", site->type ? site->type : "[]T", ")", NULL);
    case ESC_KIND_MAKE_MAP:
      return concat ("make(", site->type ? site->type : "map", ")", NULL);
    case ESC_KIND_MAP_LITERAL:
      return concat (site->type ? site->type : "map", "{...}", NULL);
    case ESC_KIND_MAKE_CHAN:
      return concat ("make(", site->type ? site->type : "chan", ")", NULL);
    case ESC_KIND_STRING_CONV:
      {
	const esc_runtime_fn *rt = esc_runtime_by_name (site->runtime);
	return xstrdup (rt ? rt->what : "string conversion");
      }
    case ESC_KIND_CONCAT:
      return xstrdup ("string concatenation");
    case ESC_KIND_GO_ARGS:
      return xstrdup ("go statement argument block");
    case ESC_KIND_DEFER_ARGS:
      return xstrdup (site->gccgo == ESC_STACK ? "defer record"
		      : "defer argument block");
    default:
      gcc_unreachable ();
    }
}

/* Return the words that explain a heap decision with reason REASON in a
   note, or NULL if "escapes to heap" says it all.  */

static const char *
esc_reason_words (const char *reason)
{
  static const struct { const char *reason, *words; } table[] = {
    { "non-constant-size", "non-constant size" },
    { "too-large", "too large for stack" },
    { "zero-size", "gccgo allocates zero-size objects with the runtime" },
    { "heap-without-escape",
      "gccgo found no escape, but its lowering allocates" },
    { "map", "gccgo allocates every map on the heap" },
    { "channel", "gccgo allocates every channel on the heap" },
    { "defer-in-loop", "defer in a loop" },
    { "append-growth", "append grows slices on the heap" },
    { "analysis-disabled", "escape analysis disabled" },
  };
  for (unsigned i = 0; i < ARRAY_SIZE (table); i++)
    if (strcmp (reason, table[i].reason) == 0)
      return table[i].words;
  return NULL;
}

/* Emit SITE as a compiler note.  */

static void
esc_note_site (const esc_site *site)
{
  char *what = esc_site_description (site);
  bool variable = site->kind == ESC_KIND_VAR || site->kind == ESC_KIND_PARAM;
  switch (site->gccgo)
    {
    case ESC_HEAP:
      {
	const char *words = esc_reason_words (site->reason);
	if (variable && !words)
	  inform (site->loc, "moved to heap: %s", what);
	else if (words)
	  inform (site->loc, "%s escapes to heap: %s", what, words);
	else
	  inform (site->loc, "%s escapes to heap", what);
	break;
      }
    case ESC_STACK:
      inform (site->loc, "%s does not escape", what);
      break;
    default:
      inform (site->loc, "%s does not escape: static data", what);
      break;
    }
  free (what);
}

/* Emit the plugin's verdict on SITE where it differs from gccgo's
   decision, and SITE's flow path if the paths option asks for it.  */

static void
esc_note_verdict (const esc_site *site)
{
  enum esc_class cls = esc_site_class (site);
  char *what = esc_site_description (site);
  if (cls == ESC_CLASS_UNSAFE_STACK)
    warning_at (site->loc, 0, "%s is on the stack, but escapes (%s%s); "
		"gccgo may have miscompiled it", what, site->verdict_reason,
		site->conservative ? ", conservatively" : "");
  else if (cls == ESC_CLASS_STACK_TOO_LARGE)
    inform (site->loc, "%s: gccgo keeps it on the stack, but gc puts "
	    "objects of %ld bytes on the heap", what, site->bytes);
  else if (cls == ESC_CLASS_MISSED_STACK)
    inform (site->loc, "%s: the plugin found no escape; gccgo "
	    "heap-allocates it (%s)", what,
	    site->reason ? site->reason : "no reason given");
  free (what);
  if (site->path_text
      && (cls == ESC_CLASS_UNSAFE_STACK
	  || (esc_opts.paths && site->verdict == ESC_HEAP)))
    {
      /* One note per line, as gc's -m=2 prints them.  */
      char *text = xstrdup (site->path_text);
      for (char *line = strtok (text, "\n"); line;
	   line = strtok (NULL, "\n"))
	inform (site->loc, "  %s", line);
      free (text);
    }
}

/* Emit the leak summary of the parameter P as compiler notes, worded
   like gc's.  HEAP selects the leaking ones, STACK the others.  */

static void
esc_note_param (const esc_param *p, bool heap, bool stack)
{
  if (p->heap == ESC_LEAK_NONE && p->result == ESC_LEAK_NONE)
    {
      if (stack)
	inform (p->loc, "%s does not escape", p->name);
      return;
    }
  if (!heap)
    return;
  if (p->heap == 0)
    inform (p->loc, "leaking param: %s", p->name);
  else if (p->heap > 0)
    inform (p->loc, "leaking param content: %s", p->name);
  if (p->result == ESC_LEAK_NONE)
    return;
  if (p->nresults == 1)
    {
      inform (p->loc, "leaking param: %s to result ~r0 level=%d", p->name,
	      p->result);
      return;
    }
  bool told = false;
  for (int k = 0; k < ESC_MAX_RESULTS; k++)
    if (p->results1[k])
      {
	inform (p->loc, "leaking param: %s to result ~r%d level=%d", p->name,
		k, p->results1[k] - 1);
	told = true;
      }
  if (!told)
    inform (p->loc, "leaking param: %s to a result level=%d", p->name,
	    p->result);
}

/* Compare the positions of a site and a parameter: FILE1:LINE1:COL1 and
   FILE2:LINE2:COL2.  */

static int
esc_pos_cmp (const char *file1, int line1, int col1, const char *file2,
	     int line2, int col2)
{
  int c = esc_strcmp0 (file1, file2);
  if (c)
    return c;
  if (line1 != line2)
    return line1 < line2 ? -1 : 1;
  return col1 < col2 ? -1 : col1 > col2;
}

/* Compare the parameters A and B for qsort: by position, then name,
   function and index, so that the order does not depend on the order
   the functions were analysed in.  */

static int
esc_param_cmp (const void *a, const void *b)
{
  const esc_param *p1 = (const esc_param *) a;
  const esc_param *p2 = (const esc_param *) b;
  int c = esc_pos_cmp (p1->file, p1->line, p1->col, p2->file, p2->line,
		       p2->col);
  if (!c)
    c = esc_strcmp0 (p1->name, p2->name);
  if (!c)
    c = esc_strcmp0 (p1->function, p2->function);
  if (!c && p1->index != p2->index)
    c = p1->index < p2->index ? -1 : 1;
  return c;
}

/* Sort PARAMS into report order.  */

void
esc_sort_params (vec<esc_param> *params)
{
  params->qsort (esc_param_cmp);
}

/* Emit the sites of SITES and the parameters of PARAMS that the notes
   option selects as compiler notes, in source order.  */

void
esc_report_notes (vec<esc_site> *sites, vec<esc_param> *params)
{
  if (esc_opts.notes == ESC_NOTES_NONE)
    return;
  bool want_heap = esc_opts.notes != ESC_NOTES_STACK;
  bool want_stack = esc_opts.notes != ESC_NOTES_HEAP;
  unsigned i = 0, j = 0;
  while (i < sites->length () || j < params->length ())
    {
      if (j < params->length ()
	  && (i == sites->length ()
	      || esc_pos_cmp ((*params)[j].file, (*params)[j].line,
			      (*params)[j].col, (*sites)[i].file,
			      (*sites)[i].line, (*sites)[i].col) < 0))
	{
	  if (esc_opts.params)
	    esc_note_param (&(*params)[j], want_heap, want_stack);
	  j++;
	  continue;
	}
      esc_site *site = &(*sites)[i++];
      bool heap = site->gccgo == ESC_HEAP;
      if ((heap && want_heap) || (!heap && want_stack))
	esc_note_site (site);
      if (esc_site_class (site) == ESC_CLASS_UNSAFE_STACK
	  || (heap && want_heap) || (!heap && want_stack))
	esc_note_verdict (site);
    }
}

/* Append to OB the JSON string literal for S, or null.  */

static void
esc_json_string (obstack *ob, const char *s)
{
  if (!s)
    {
      obstack_grow (ob, "null", 4);
      return;
    }
  obstack_1grow (ob, '"');
  while (*s)
    {
      /* The run of characters that need no escape, at once.  */
      size_t n = 0;
      while (s[n] && s[n] != '"' && s[n] != '\\'
	     && (unsigned char) s[n] >= 0x20)
	n++;
      obstack_grow (ob, s, n);
      s += n;
      if (!*s)
	break;
      unsigned char c = *s++;
      if (c == '"' || c == '\\')
	{
	  obstack_1grow (ob, '\\');
	  obstack_1grow (ob, c);
	}
      else
	{
	  char buf[8];
	  snprintf (buf, sizeof buf, "\\u%04x", c);
	  obstack_grow (ob, buf, 6);
	}
    }
  obstack_1grow (ob, '"');
}

/* Append to OB the JSON member "KEY": VALUE (a string or null), preceded
   by a comma unless FIRST.  */

static void
esc_json_member (obstack *ob, const char *key, const char *value,
		 bool first = false)
{
  if (!first)
    obstack_1grow (ob, ',');
  esc_json_string (ob, key);
  obstack_1grow (ob, ':');
  esc_json_string (ob, value);
}

/* Append to OB the JSON member "KEY": N.  */

static void
esc_json_int (obstack *ob, const char *key, long n)
{
  char buf[32];
  obstack_1grow (ob, ',');
  esc_json_string (ob, key);
  snprintf (buf, sizeof buf, ":%ld", n);
  obstack_grow (ob, buf, strlen (buf));
}

/* Append to OB the JSON member "KEY": N, or "KEY": null if N < 0.  */

static void
esc_json_count (obstack *ob, const char *key, long n)
{
  if (n >= 0)
    esc_json_int (ob, key, n);
  else
    esc_json_member (ob, key, NULL);
}

/* Append to OB the JSON member "KEY": true or false.  */

static void
esc_json_bool (obstack *ob, const char *key, bool value)
{
  obstack_1grow (ob, ',');
  esc_json_string (ob, key);
  obstack_grow (ob, value ? ":true" : ":false", value ? 5 : 6);
}

/* Append to OB the JSON member "KEY": RAW, RAW being JSON text already,
   or null.  */

static void
esc_json_raw (obstack *ob, const char *key, const char *raw)
{
  obstack_1grow (ob, ',');
  esc_json_string (ob, key);
  obstack_1grow (ob, ':');
  if (raw)
    obstack_grow (ob, raw, strlen (raw));
  else
    obstack_grow (ob, "null", 4);
}

/* Append to OB the unit record for a unit of NSITES sites and NPARAMS
   parameter summaries.  */

static void
esc_json_unit (obstack *ob, unsigned nsites, unsigned nparams)
{
  obstack_1grow (ob, '{');
  esc_json_member (ob, "record", "unit", true);
  esc_json_int (ob, "schema", ESC_SCHEMA_VERSION);
  esc_json_member (ob, "compiler", lang_hooks.name);
  esc_json_member (ob, "compiler_version", version_string);
  esc_json_member (ob, "unit", main_input_filename);
  esc_json_int (ob, "optimize", optimize);
  esc_json_int (ob, "sites", nsites);
  esc_json_int (ob, "params", nparams);
  obstack_grow (ob, "}\n", 2);
}

/* Open on OB a record of kind RECORD at FILE:LINE:COL in FUNCTION: the
   members every site and parameter record starts with.  */

static void
esc_json_open (obstack *ob, const char *record, const char *file, int line,
	       int col, const char *function)
{
  obstack_1grow (ob, '{');
  esc_json_member (ob, "record", record, true);
  esc_json_member (ob, "file", file);
  esc_json_int (ob, "line", line);
  esc_json_int (ob, "col", col);
  esc_json_member (ob, "function", function);
}

/* Append to OB the site record of SITE.  */

static void
esc_json_site (obstack *ob, const esc_site *site)
{
  esc_json_open (ob, "site", site->file, site->line, site->col,
		 site->function);
  esc_json_int (ob, "function_line", site->function_line);
  esc_json_member (ob, "kind", esc_kind_name (site->kind));
  esc_json_member (ob, "type", site->type);
  esc_json_member (ob, "size", (site->size == ESC_SIZE_CONST ? "const"
				: site->size == ESC_SIZE_VAR ? "var" : NULL));
  /* Schema 2: a make's length, capacity and bytes are given only when
     the make is constant, though the size rule (analyse.c) also reads a
     constant capacity of a make whose length is not.  */
  bool var_make = site->size == ESC_SIZE_VAR;
  esc_json_count (ob, "length", var_make ? -1 : site->length);
  esc_json_count (ob, "capacity", var_make ? -1 : site->capacity);
  esc_json_count (ob, "bytes", var_make ? -1 : site->bytes);
  esc_json_count (ob, "elem_bytes", site->elem_bytes);
  esc_json_member (ob, "name", site->name);
  esc_json_member (ob, "gccgo", esc_decision_name (site->gccgo));
  esc_json_member (ob, "gccgo_reason", site->reason);
  esc_json_member (ob, "gccgo_note", site->note);
  esc_json_member (ob, "runtime", site->runtime);
  if (site->analysed)
    {
      esc_json_member (ob, "verdict", esc_decision_name (site->verdict));
      esc_json_member (ob, "verdict_reason", site->verdict_reason);
      esc_json_bool (ob, "escapes", site->escapes);
      esc_json_bool (ob, "conservative", site->conservative);
    }
  else
    {
      esc_json_member (ob, "verdict", NULL);
      esc_json_member (ob, "verdict_reason", NULL);
      esc_json_member (ob, "escapes", NULL);
      esc_json_member (ob, "conservative", NULL);
    }
  enum esc_class cls = esc_site_class (site);
  esc_json_member (ob, "class",
		   cls == ESC_CLASS_NONE ? NULL : esc_class_name (cls));
  esc_json_raw (ob, "path", site->path_json);
  obstack_grow (ob, "}\n", 2);
}

/* Append to OB the parameter record of P.  */

static void
esc_json_param (obstack *ob, const esc_param *p)
{
  esc_json_open (ob, "param", p->file, p->line, p->col, p->function);
  esc_json_member (ob, "name", p->name);
  esc_json_int (ob, "index", p->index);
  esc_json_count (ob, "leak_heap", p->heap);
  esc_json_count (ob, "leak_result", p->result);
  obstack_grow (ob, ",\"leak_results\":[", 17);
  for (int k = 0; k < p->nresults && k < ESC_MAX_RESULTS; k++)
    {
      char buf[16];
      if (k)
	obstack_1grow (ob, ',');
      if (p->results1[k])
	snprintf (buf, sizeof buf, "%d", p->results1[k] - 1);
      else
	strcpy (buf, "null");
      obstack_grow (ob, buf, strlen (buf));
    }
  obstack_1grow (ob, ']');
  obstack_grow (ob, "}\n", 2);
}

/* Return true if PATH can be appended to (or created), else false with
   errno set.  Checked when the options are read, so that a bad path is
   an error before anything is compiled and no file is left behind.  */

bool
esc_json_check_writable (const char *path)
{
  struct stat st;
  if (stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
	{
	  errno = EISDIR;
	  return false;
	}
      return access (path, W_OK) == 0;
    }
  if (errno != ENOENT)
    return false;
  char *dir = xstrdup (path);
  char *slash = strrchr (dir, '/');
  const char *d = ".";
  if (slash == dir)
    d = "/";
  else if (slash)
    {
      *slash = '\0';
      d = dir;
    }
  bool ok = access (d, W_OK | X_OK) == 0;
  free (dir);
  return ok;
}

/* The unit's records are appended to the JSON output file under an
   exclusive lock, so that the records of compilations running in
   parallel do not mix, and written in chunks of about ESC_JSON_CHUNK
   bytes: a large unit's text (megabytes) is never held whole, whose
   pages would be fresh memory for the kernel to map at every unit.  */
#define ESC_JSON_CHUNK 65536

struct esc_json_out
{
  obstack ob;			/* the text not written yet */
  const char *path;
  int fd;			/* -1 once failed */
  off_t before;			/* the file's size before the unit */
};

/* Open and lock PATH for OUT.  Return false, after reporting an error,
   if it cannot be.  */

static bool
esc_json_begin (esc_json_out *out, const char *path)
{
  out->path = path;
  out->fd = open (path, O_WRONLY | O_APPEND | O_CREAT, 0666);
  if (out->fd < 0)
    {
      error ("escape plugin: cannot open JSON output %qs: %m", path);
      return false;
    }
  if (flock (out->fd, LOCK_EX) != 0)
    {
      error ("escape plugin: cannot lock JSON output %qs: %m", path);
      close (out->fd);
      out->fd = -1;
      return false;
    }
  struct stat st;
  out->before = fstat (out->fd, &st) == 0 ? st.st_size : -1;
  obstack_init (&out->ob);
  return true;
}

/* Write the text of OUT, if it has reached ESC_JSON_CHUNK bytes or LAST.
   On failure, report an error, restore the file as it was before the
   unit and write nothing more.  */

static void
esc_json_flush (esc_json_out *out, bool last)
{
  size_t len = obstack_object_size (&out->ob);
  if (out->fd < 0 || (len < ESC_JSON_CHUNK && !last))
    return;
  char *buf = XOBFINISH (&out->ob, char *);
  size_t done = 0;
  while (done < len)
    {
      ssize_t n = write (out->fd, buf + done, len - done);
      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	{
	  error ("escape plugin: cannot write JSON output %qs: %m",
		 out->path);
	  if (out->before >= 0 && ftruncate (out->fd, out->before) != 0)
	    error ("escape plugin: cannot restore %qs: %m", out->path);
	  flock (out->fd, LOCK_UN);
	  close (out->fd);
	  out->fd = -1;
	  break;
	}
      done += n;
    }
  /* The chunk of the obstack stays for the next text.  */
  obstack_free (&out->ob, buf);
}

/* Write what is left of OUT's text, unlock and close its file.  */

static void
esc_json_end (esc_json_out *out)
{
  esc_json_flush (out, true);
  if (out->fd >= 0)
    {
      flock (out->fd, LOCK_UN);
      close (out->fd);
    }
  obstack_free (&out->ob, NULL);
}

/* Append the unit's records for SITES and PARAMS to the JSON output
   file.  */

void
esc_report_json (vec<esc_site> *sites, vec<esc_param> *params)
{
  esc_json_out out;
  if (!esc_json_begin (&out, esc_opts.json))
    return;
  esc_json_unit (&out.ob, sites->length (), params->length ());
  unsigned i;
  esc_site *site;
  FOR_EACH_VEC_ELT (*sites, i, site)
    {
      esc_json_site (&out.ob, site);
      esc_json_flush (&out, false);
    }
  esc_param *p;
  FOR_EACH_VEC_ELT (*params, i, p)
    {
      esc_json_param (&out.ob, p);
      esc_json_flush (&out, false);
    }
  esc_json_end (&out);
}

/* Print the number of SITES per kind and decision to OUT.  */

void
esc_report_summary (vec<esc_site> *sites, FILE *out)
{
  unsigned counts[ESC_KIND_LAST][ESC_DECISION_LAST];
  unsigned totals[ESC_DECISION_LAST];
  memset (counts, 0, sizeof counts);
  memset (totals, 0, sizeof totals);
  unsigned i;
  esc_site *site;
  FOR_EACH_VEC_ELT (*sites, i, site)
    {
      counts[site->kind][site->gccgo]++;
      totals[site->gccgo]++;
    }
  fprintf (out, "escape: %s: %u allocation sites\n", main_input_filename,
	   sites->length ());
  fprintf (out, "  %-18s %6s %6s %6s\n", "kind", "heap", "stack", "static");
  for (int k = 0; k < ESC_KIND_LAST; k++)
    {
      unsigned *c = counts[k];
      if (c[ESC_HEAP] + c[ESC_STACK] + c[ESC_STATIC] == 0)
	continue;
      fprintf (out, "  %-18s %6u %6u %6u\n", esc_kind_name ((esc_kind) k),
	       c[ESC_HEAP], c[ESC_STACK], c[ESC_STATIC]);
    }
  fprintf (out, "  %-18s %6u %6u %6u\n", "total", totals[ESC_HEAP],
	   totals[ESC_STACK], totals[ESC_STATIC]);
  unsigned classes[ESC_CLASS_NONE + 1];
  memset (classes, 0, sizeof classes);
  unsigned conservative = 0;
  FOR_EACH_VEC_ELT (*sites, i, site)
    {
      classes[esc_site_class (site)]++;
      conservative += site->conservative;
    }
  fprintf (out, "  the plugin's verdicts:");
  for (int c = 0; c < ESC_CLASS_NONE; c++)
    if (classes[c])
      fprintf (out, " %s %u", esc_class_name ((esc_class) c), classes[c]);
  unsigned edges, calls, analyses;
  esc_analysis_counts (&edges, &calls, &analyses);
  fprintf (out, "; conservative %u (%u edges, %u calls without a "
	   "summary)\n", conservative, edges, calls);
}

/* Unit tests (passes/selftest.c).  */

/* Return true if appending S with esc_json_string gives EXPECTED.  */

static bool
esc_test_json_string (const char *s, const char *expected)
{
  obstack ob;
  obstack_init (&ob);
  esc_json_string (&ob, s);
  obstack_1grow (&ob, '\0');
  bool ok = strcmp (XOBFINISH (&ob, char *), expected) == 0;
  obstack_free (&ob, NULL);
  return ok;
}

/* Run the tests of report.c.  */

void
esc_report_selftests (void)
{
  esc_test_begin ("report: JSON strings are escaped");
  ESC_CHECK (esc_test_json_string (NULL, "null"));
  ESC_CHECK (esc_test_json_string ("", "\"\""));
  ESC_CHECK (esc_test_json_string ("new(T)", "\"new(T)\""));
  ESC_CHECK (esc_test_json_string ("a\"b\\c", "\"a\\\"b\\\\c\""));
  ESC_CHECK (esc_test_json_string ("flow:\n\tx", "\"flow:\\u000a\\u0009x\""));
  ESC_CHECK (esc_test_json_string ("\"", "\"\\\"\""));
  ESC_CHECK (esc_test_json_string ("\xc3\xa9t\xc3\xa9",
				   "\"\xc3\xa9t\xc3\xa9\""));
  esc_test_end ();

  esc_test_begin ("report: JSON text written in chunks keeps its bytes");
  /* (libiberty's make_temp_file is not among the symbols go1 exports.)  */
  const char *tmpdir = getenv ("TMPDIR");
  char *path = concat (tmpdir && *tmpdir ? tmpdir : "/tmp",
		       "/escape-selftest-XXXXXX", NULL);
  int fd = mkstemp (path);
  ESC_CHECK (fd >= 0);
  if (fd >= 0)
    {
      ESC_CHECK (write (fd, "old\n", 4) == 4);
      close (fd);
      /* 20,000 records of 11 bytes: several chunks, the last partial.  */
      esc_json_out out;
      bool opened = esc_json_begin (&out, path);
      ESC_CHECK (opened);
      for (int i = 0; opened && i < 20000; i++)
	{
	  char c = 'a' + i % 26;
	  obstack_1grow (&out.ob, c);
	  obstack_grow (&out.ob, "0123456789", 10);
	  esc_json_flush (&out, false);
	  if (i == 10000)
	    /* Whole chunks only, so far.  */
	    ESC_CHECK (obstack_object_size (&out.ob) < ESC_JSON_CHUNK);
	}
      if (opened)
	esc_json_end (&out);
      FILE *f = fopen (path, "r");
      ESC_CHECK (f != NULL);
      if (f)
	{
	  char line[16];
	  ESC_CHECK (fread (line, 1, 4, f) == 4
		     && memcmp (line, "old\n", 4) == 0);
	  bool same = true;
	  for (int i = 0; i < 20000 && same; i++)
	    same = (fread (line, 1, 11, f) == 11 && line[0] == 'a' + i % 26
		    && memcmp (line + 1, "0123456789", 10) == 0);
	  ESC_CHECK (same && fgetc (f) == EOF);
	  fclose (f);
	}
      unlink (path);
    }
  free (path);
  esc_test_end ();
}
