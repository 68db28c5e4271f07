/* gccnotes.c: capture gccgo's own escape notes and attach each to its site.

   With -fgo-debug-escape1 the Go front end explains its decisions in notes
   ("moved to heap: x", "F new() does not escape", "(n) escapes to heap"),
   printed through go_debug -> go_be_inform -> inform while the source is
   parsed, long before any pass runs.  GCC has no plugin event for
   diagnostics, so the plugin wraps the diagnostic finalizer: GCC calls it
   for every diagnostic after the message has been formatted into the
   printer's buffer, where it can be read.  This relies on GCC internals
   (diagnostic.cc: diagnostic_report_diagnostic, pretty-print.h), which are
   the same in GCC 11 and 12; the testsuite checks it on both.

   The captured notes are kept, normalised (host-pointer temporaries
   "tmp.123456" become "tmp"; the function-name prefix of "does not escape"
   notes is dropped), and attached to the site at the same position whose
   kind they describe.  Whether they also reach the user is a choice
   (esc_notes_install's PASS_THROUGH).  */

#include "compat.h"
#include "escape.h"

/* One captured note.  */
struct esc_note
{
  location_t loc;
  const char *file;
  int line, col;
  char *text;
};

static vec<esc_note> esc_notes;
static diagnostic_finalizer_fn esc_saved_finalizer;
static bool esc_pass_through;
static bool esc_capturing;

/* Return true if TEXT is one of the notes gccgo's escape analysis prints
   at -fgo-debug-escape1: every format of gofrontend/escape.cc guarded by a
   debug level of 1 or "not 0".  The plugin turns that level on itself, so
   it must recognise all of them to keep them from the user.  */

static bool
esc_escape_note_p (const char *text)
{
  return (strstr (text, " escapes to heap") != NULL
	  || strstr (text, " does not escape") != NULL
	  || strstr (text, " ignoring self-assignment to ") != NULL
	  || startswith (text, "moved to heap: ")
	  || startswith (text, "leaking param")
	  || startswith (text, "leaking closure reference")
	  || startswith (text, "mark escaped content"));
}

/* Return TEXT, a note of gccgo, normalised: "tmp.NNN" becomes "tmp", and
   the leading function name of "F x does not escape" is dropped.  The
   caller frees the result.  */

static char *
esc_normalise_note (const char *text)
{
  size_t len = strlen (text);
  const char *suffix = " does not escape";
  size_t slen = strlen (suffix);
  if (len > slen && strcmp (text + len - slen, suffix) == 0)
    {
      const char *space = strchr (text, ' ');
      if (space && space < text + len - slen)
	text = space + 1;
    }
  char *out = XNEWVEC (char, strlen (text) + 1);
  char *o = out;
  for (const char *p = text; *p;)
    {
      if (startswith (p, "tmp.") && ISDIGIT (p[4])
	  && (p == text || !ISIDNUM (p[-1])))
	{
	  memcpy (o, "tmp", 3);
	  o += 3;
	  p += 4;
	  while (ISDIGIT (*p))
	    p++;
	}
      else
	*o++ = *p++;
    }
  *o = '\0';
  return out;
}

/* The diagnostic finalizer the plugin installs.  CONTEXT, DIAGNOSTIC and
   ORIG_KIND are as for any finalizer.  Records gccgo's escape notes, then
   either hands them on to the saved finalizer or drops them.  */

static void
esc_finalizer (diagnostic_context *context, diagnostic_info *diagnostic,
	       diagnostic_t orig_kind)
{
  if (!esc_capturing || diagnostic->kind != DK_NOTE)
    {
      esc_saved_finalizer (context, diagnostic, orig_kind);
      return;
    }

  /* The message sits in the printer's buffer, after the prefix (text
     format) or alone (JSON format).  */
  obstack *ob = pp_buffer (context->printer)->obstack;
  size_t size = obstack_object_size (ob);
  char *text = XNEWVEC (char, size + 1);
  memcpy (text, obstack_base (ob), size);
  text[size] = '\0';
  const char *prefix = context->printer->prefix;
  const char *msg = text;
  if (prefix && startswith (msg, prefix))
    msg += strlen (prefix);

  if (!esc_escape_note_p (msg))
    {
      free (text);
      esc_saved_finalizer (context, diagnostic, orig_kind);
      return;
    }

  esc_note note;
  note.loc = LOCATION_LOCUS (diagnostic_location (diagnostic));
  expanded_location xloc = expand_location (note.loc);
  note.file = xloc.file ? xloc.file : "";
  note.line = xloc.line;
  note.col = xloc.column;
  note.text = esc_normalise_note (msg);
  esc_notes.safe_push (note);
  free (text);

  if (esc_pass_through)
    esc_saved_finalizer (context, diagnostic, orig_kind);
  else
    pp_clear_output_area (context->printer);
}

/* Start capturing gccgo's escape notes; with PASS_THROUGH they also reach
   the user's output as before.  Called from plugin_init, after the
   diagnostic format has been set up.  */

void
esc_notes_install (bool pass_through)
{
  esc_pass_through = pass_through;
  esc_saved_finalizer = diagnostic_finalizer (global_dc);
  diagnostic_finalizer (global_dc) = esc_finalizer;
  esc_capturing = true;
}

/* Compare the notes A and B by position, then text, for qsort.  */

static int
esc_note_cmp (const void *a, const void *b)
{
  const esc_note *n1 = (const esc_note *) a;
  const esc_note *n2 = (const esc_note *) b;
  if (n1->line != n2->line)
    return n1->line < n2->line ? -1 : 1;
  if (n1->col != n2->col)
    return n1->col < n2->col ? -1 : 1;
  int c = strcmp (n1->file ? n1->file : "", n2->file ? n2->file : "");
  if (c)
    return c;
  return strcmp (n1->text, n2->text);
}

/* Return the text a note of gccgo about a site of KIND starts with or
   contains, so that the right one of several notes at one position is
   chosen; NULL means "only if it is alone".  */

static const char *
esc_note_key (const esc_site *site)
{
  switch (site->kind)
    {
    case ESC_KIND_NEW:
      return "new(";
    case ESC_KIND_COMPOSITE_LITERAL:
      return "&(";
    case ESC_KIND_CLOSURE:
      return "func literal";
    case ESC_KIND_BOX:
      return "(";
    case ESC_KIND_MAKE_SLICE:
      return "makeslice(";
    case ESC_KIND_SLICE_LITERAL:
      return "[]{";
    case ESC_KIND_MAKE_MAP:
      return "makemap(";
    case ESC_KIND_MAP_LITERAL:
      return "{";
    case ESC_KIND_MAKE_CHAN:
      return "makechan(";
    case ESC_KIND_CONCAT:
      return "concat(";
    case ESC_KIND_STRING_CONV:
      return "(";
    default:
      return NULL;
    }
}

/* Return true if the note TEXT is about the variable NAME: "moved to heap:
   NAME", "&(NAME) ...".  */

static bool
esc_note_names_var (const char *text, const char *name)
{
  size_t n = strlen (name);
  if (startswith (text, "moved to heap: "))
    return strcmp (text + strlen ("moved to heap: "), name) == 0;
  return (startswith (text, "&(") && strncmp (text + 2, name, n) == 0
	  && text[2 + n] == ')');
}

/* Return the first note in [FIRST, LAST) that describes SITE, or NULL.  */

static const esc_note *
esc_choose_note (const esc_site *site, unsigned first, unsigned last)
{
  if (site->kind == ESC_KIND_VAR || site->kind == ESC_KIND_PARAM)
    {
      for (unsigned i = first; i < last; i++)
	if (site->name && esc_note_names_var (esc_notes[i].text, site->name))
	  return &esc_notes[i];
      return NULL;
    }
  const char *key = esc_note_key (site);
  if (!key)
    {
      /* Only a lone note about an expression: not one about a variable
	 or a parameter that happens to share the position.  */
      if (last != first + 1)
	return NULL;
      const char *text = esc_notes[first].text;
      if (startswith (text, "leaking") || startswith (text, "moved to heap")
	  || startswith (text, "mark escaped"))
	return NULL;
      return &esc_notes[first];
    }
  /* Of several matching notes take the shortest: the one about the
     site's own expression, "(ptr) escapes to heap", not about a larger
     expression around it, "(mapassign(,m,(&(tmp))))".  */
  const esc_note *best = NULL;
  for (unsigned i = first; i < last; i++)
    {
      const char *text = esc_notes[i].text;
      bool match = (key[0] == '(' || key[0] == '&' || key[0] == '{'
		    || key[0] == '[')
	? startswith (text, key) : strstr (text, key) != NULL;
      /* A box note "(x)" is neither a leak nor about an address taken
	 inside the conversion, "(&(tmp))".  */
      if (match && !startswith (text, "leaking")
	  && !startswith (text, "(&(")
	  && (!best || strlen (text) < strlen (best->text)))
	best = &esc_notes[i];
    }
  return best;
}

/* Return gccgo's reason for the heap site SITE, given its NOTE (or
   NULL).  The vocabulary is fixed and documented in the README.  */

static const char *
esc_heap_reason (const esc_site *site, const char *note)
{
  /* gccgo's size rules (escape.cc, Node::is_big) apply before any flow,
     and its note then still says "escapes to heap": any struct or array
     value over 10 MiB; new(T) of 64 KiB or more; any allocation of zero
     size (new, literals); make with a constant length of 64 Ki elements
     or more.  */
  bool moved = note && startswith (note, "moved to heap");
  /* A make of variable length is no value of known size to gccgo, though
     site->bytes counts its constant capacity for Go 1.19's rule.  */
  if (site->bytes > ESC_MAX_STACK_VAR_SIZE && !moved
      && site->size != ESC_SIZE_VAR)
    return "too-large";
  if (site->kind == ESC_KIND_NEW && site->bytes >= ESC_MAX_IMPLICIT_STACK_SIZE)
    return "too-large";
  bool implicit = (site->kind == ESC_KIND_NEW
		   || site->kind == ESC_KIND_COMPOSITE_LITERAL
		   || site->kind == ESC_KIND_SLICE_LITERAL);
  if (implicit && site->bytes == 0)
    return "zero-size";
  if (site->kind == ESC_KIND_MAKE_SLICE
      && site->length >= ESC_MAX_IMPLICIT_STACK_SIZE)
    return "too-large";
  if (note && startswith (note, "moved to heap"))
    return "moved-to-heap";
  if (note && strstr (note, " escapes to heap"))
    return "escapes";
  if (esc_opts.analysis_off)
    return "analysis-disabled";
  switch (site->kind)
    {
    case ESC_KIND_MAKE_SLICE:
      if (site->size == ESC_SIZE_VAR)
	return "non-constant-size";
      break;
    case ESC_KIND_MAKE_MAP:
    case ESC_KIND_MAP_LITERAL:
      return "map";
    case ESC_KIND_MAKE_CHAN:
      return "channel";
    case ESC_KIND_APPEND:
      return "append-growth";
    case ESC_KIND_GO_ARGS:
      return "go-statement";
    case ESC_KIND_DEFER_ARGS:
      return "defer-in-loop";
    default:
      break;
    }
  /* gccgo noted no escape, yet its lowering allocates on the heap (a map
     key boxed for mapassign, for one).  */
  return note ? "heap-without-escape" : "no-note";
}

/* Set [*FIRST, *LAST) to the range of captured notes at FILE:LINE:COL.  */

static void
esc_notes_at (const char *file, int line, int col, unsigned *first,
	      unsigned *last)
{
  unsigned lo = 0, hi = esc_notes.length ();
  while (lo < hi)
    {
      unsigned mid = (lo + hi) / 2;
      const esc_note *n = &esc_notes[mid];
      if (n->line < line || (n->line == line && n->col < col))
	lo = mid + 1;
      else
	hi = mid;
    }
  /* Notes at one position are sorted by file: skip to FILE's.  */
  while (lo < esc_notes.length () && esc_notes[lo].line == line
	 && esc_notes[lo].col == col
	 && strcmp (esc_notes[lo].file, file) < 0)
    lo++;
  unsigned hi2 = lo;
  while (hi2 < esc_notes.length () && esc_notes[hi2].line == line
	 && esc_notes[hi2].col == col
	 && strcmp (esc_notes[hi2].file, file) == 0)
    hi2++;
  *first = lo;
  *last = hi2;
}

/* Attach to every site of SITES gccgo's note about it, and derive gccgo's
   reason.  */

void
esc_notes_attach (vec<esc_site> *sites)
{
  esc_capturing = false;
  esc_notes.qsort (esc_note_cmp);
  unsigned i;
  esc_site *site;
  FOR_EACH_VEC_ELT (*sites, i, site)
    {
      const esc_note *note = NULL;
      unsigned first, last;
      if (site->file)
	{
	  esc_notes_at (site->file, site->line, site->col, &first, &last);
	  note = esc_choose_note (site, first, last);
	  if (!note && site->alt_line)
	    {
	      esc_notes_at (site->file, site->alt_line, site->alt_col, &first,
			    &last);
	      note = esc_choose_note (site, first, last);
	    }
	}
      site->note = note ? xstrdup (note->text) : NULL;
      switch (site->gccgo)
	{
	case ESC_HEAP:
	  site->reason = esc_heap_reason (site, site->note);
	  break;
	case ESC_STACK:
	  site->reason = (site->note && strstr (site->note, "does not escape")
			  ? "does-not-escape" : "no-note");
	  break;
	default:
	  site->reason = (site->kind == ESC_KIND_CLOSURE
			  ? "no-captures" : "constant");
	  break;
	}
    }
}

/* Free the captured notes.  */

void
esc_notes_release (void)
{
  unsigned i;
  esc_note *note;
  FOR_EACH_VEC_ELT (esc_notes, i, note)
    free (note->text);
  esc_notes.release ();
}
