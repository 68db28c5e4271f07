/* gonames.c: Go spellings of what gccgo's GIMPLE names in its own way.

   Functions are spelled from their assembler names, which gccgo builds as
   PKGPATH.NAME, PKGPATH.TYPE.METHOD and PKGPATH.NAME..funcN with every
   component encoded by go_encode_id (gofrontend/go-encode-id.cc): "_0" is
   '.', "_1" '/', "_6" '[' and so on, so the first '.' always ends the
   package path.  Without -fgo-pkgpath the path is "go.PKG" ("go" is the
   default -fgo-prefix); the go tool always passes -fgo-pkgpath.

   Types are spelled from the type descriptor passed to the allocating call
   (PKGPATH.NAME..d, NAME..d for predeclared types, type..TYPELIT for type
   literals, and ..p for the pointer type), or, for stack objects, from the
   GCC type of the local.  Named types are spelled without their package
   on both paths: the GCC type of a stack object names only the type, and a
   site keeps the same spelling whichever way gccgo decides.  */

#include "compat.h"
#include "escape.h"

/* Append to OB the code point CP in UTF-8.  */

void
esc_grow_utf8 (obstack *ob, unsigned long cp)
{
  if (cp < 0x80)
    obstack_1grow (ob, cp);
  else if (cp < 0x800)
    {
      obstack_1grow (ob, 0xc0 | (cp >> 6));
      obstack_1grow (ob, 0x80 | (cp & 0x3f));
    }
  else if (cp < 0x10000)
    {
      obstack_1grow (ob, 0xe0 | (cp >> 12));
      obstack_1grow (ob, 0x80 | ((cp >> 6) & 0x3f));
      obstack_1grow (ob, 0x80 | (cp & 0x3f));
    }
  else
    {
      obstack_1grow (ob, 0xf0 | (cp >> 18));
      obstack_1grow (ob, 0x80 | ((cp >> 12) & 0x3f));
      obstack_1grow (ob, 0x80 | ((cp >> 6) & 0x3f));
      obstack_1grow (ob, 0x80 | (cp & 0x3f));
    }
}

/* Append to OB the decoding of S[0..LEN), an identifier or a package
   path in gccgo's encoding for symbols (go_encode_id).  Return true if S
   is well formed: every "_" starts an escape, and every character an
   escape gives is one (not 0, not past U+10FFFF).  What is not well
   formed is copied as it is.  An _xNN escape stands for a byte: RAW
   appends it as it is, the exact inverse of the encoding (a byte that
   is not UTF-8 becomes _xNN); otherwise as the character U+00NN, so that
   a name to show stays UTF-8.  */

bool
esc_decode_id (obstack *ob, const char *s, size_t len, bool raw)
{
  static const char codes[] = "_0123456789abc";
  static const char chars[] = "_./*,{}[]()\" ;";
  const char *end = s + len;
  bool ok = true;
  while (s < end)
    {
      if (*s != '_' || s + 1 >= end)
	{
	  ok &= *s != '_';
	  obstack_1grow (ob, *s++);
	  continue;
	}
      const char *code = strchr (codes, s[1]);
      if (code && *code)
	{
	  obstack_1grow (ob, chars[code - codes]);
	  s += 2;
	  continue;
	}
      int digits = s[1] == 'x' ? 2 : s[1] == 'u' ? 4 : s[1] == 'U' ? 8 : 0;
      unsigned long cp = 0;
      bool hex = digits && s + 2 + digits <= end;
      for (int i = 0; hex && i < digits; i++)
	if (ISXDIGIT (s[2 + i]))
	  cp = cp * 16 + (ISDIGIT (s[2 + i]) ? s[2 + i] - '0'
			  : TOLOWER (s[2 + i]) - 'a' + 10);
	else
	  hex = false;
      if (!hex || cp == 0 || cp > 0x10ffff)
	{
	  /* Not an escape: kept as it is.  */
	  ok = false;
	  obstack_grow (ob, s, 2);
	  s += 2;
	  continue;
	}
      if (digits == 2 && raw)
	obstack_1grow (ob, (char) cp);
      else
	esc_grow_utf8 (ob, cp);
      s += 2 + digits;
    }
  return ok;
}

/* Return the package name to show for the encoded package path PKG of
   length LEN: the last element of the decoded path, without gccgo's
   default "go." prefix.  The result is an obstack string in OB.  */

static char *
esc_package_name (obstack *ob, const char *pkg, size_t len)
{
  esc_decode_id (ob, pkg, len, false);
  obstack_1grow (ob, '\0');
  char *path = XOBFINISH (ob, char *);
  const char *slash = strrchr (path, '/');
  if (slash)
    return (char *) slash + 1;
  if (startswith (path, "go."))
    return path + 3;
  return path;
}

/* Return the name gccgo gave DECL in assembler code if it has one, else its
   DECL_NAME, else NULL.  Never computes an assembler name.  */

const char *
esc_decl_symbol (tree decl)
{
  if (HAS_DECL_ASSEMBLER_NAME_P (decl) && DECL_ASSEMBLER_NAME_SET_P (decl))
    return IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME_RAW (decl));
  if (DECL_NAME (decl))
    return IDENTIFIER_POINTER (DECL_NAME (decl));
  return NULL;
}

/* Return true if FNDECL, a method, has a pointer receiver.  Value-receiver
   methods also take their receiver by pointer, in a parameter gccgo names
   "pointer" (gccgo-gimple-idioms.md, section 4).  */

static bool
esc_pointer_receiver_p (tree fndecl)
{
  tree parm = DECL_ARGUMENTS (fndecl);
  if (!parm || !POINTER_TYPE_P (TREE_TYPE (parm)))
    return false;
  return !(DECL_NAME (parm)
	   && strcmp (IDENTIFIER_POINTER (DECL_NAME (parm)), "pointer") == 0);
}

/* Return the Go spelling of the function FNDECL, as gc spells it in its
   diagnostics: p.F, p.T.M, p.(*T).M, p.F.func1.  The caller frees it.  */

char *
esc_go_function_name (tree fndecl)
{
  const char *sym = esc_decl_symbol (fndecl);
  if (!sym)
    return xstrdup ("<anonymous>");
  const char *dot = strchr (sym, '.');
  if (!dot || dot == sym)
    return xstrdup (sym);

  obstack ob;
  obstack_init (&ob);
  char *pkg = esc_package_name (&ob, sym, dot - sym);

  /* The rest: NAME or TYPE.METHOD, then optional ..funcN / ..thunkN.  */
  const char *rest = dot + 1;
  const char *dots = strstr (rest, "..");
  size_t base_len = dots ? (size_t) (dots - rest) : strlen (rest);
  const char *method = (const char *) memchr (rest, '.', base_len);

  /* A closure (PKG.T.M..funcN) has the receiver of its method.  */
  tree method_decl = fndecl;
  if (method && dots)
    {
      char *prefix = xstrndup (sym, dots - sym);
      symtab_node *node
	= symtab_node::get_for_asmname (get_identifier (prefix));
      method_decl = node ? node->decl : NULL_TREE;
      free (prefix);
    }

  obstack_grow (&ob, pkg, strlen (pkg));
  obstack_1grow (&ob, '.');
  if (method && method_decl && TREE_CODE (method_decl) == FUNCTION_DECL
      && esc_pointer_receiver_p (method_decl))
    {
      obstack_grow (&ob, "(*", 2);
      esc_decode_id (&ob, rest, method - rest, false);
      obstack_1grow (&ob, ')');
      esc_decode_id (&ob, method, base_len - (method - rest), false);
    }
  else
    esc_decode_id (&ob, rest, base_len, false);
  if (dots)
    {
      /* gc spells closures p.F.func1; keep gccgo's other suffixes.  */
      if (startswith (dots, "..func"))
	obstack_grow (&ob, dots + 1, strlen (dots + 1));
      else
	obstack_grow (&ob, dots, strlen (dots));
    }
  obstack_1grow (&ob, '\0');
  char *result = xstrdup (XOBFINISH (&ob, char *));
  obstack_free (&ob, NULL);
  return result;
}

/* Return the ')' that closes the '(' at P, before END, or END.  */

static const char *
esc_group_end (const char *p, const char *end)
{
  int depth = 0;
  for (; p < end; p++)
    if (*p == '(')
      depth++;
    else if (*p == ')' && --depth == 0)
      return p;
  return end;
}

static void esc_spell_typelit_1 (obstack *, const char *, const char *);

/* Append to OB the Go spelling of the results of a function type, the
   decoded type literal between LIT and END ("(" RESULTS ")" without its
   parentheses): nothing, " T", or " (T1, T2)".  */

static void
esc_spell_results (obstack *ob, const char *lit, const char *end)
{
  if (lit == end)
    return;
  bool several = false;
  for (const char *p = lit; p < end; p++)
    if (*p == '(')
      p = esc_group_end (p, end);
    else if (*p == ',')
      several = true;
  obstack_grow (ob, several ? " (" : " ", several ? 2 : 1);
  esc_spell_typelit_1 (ob, lit, end);
  if (several)
    obstack_1grow (ob, ')');
}

/* Append to OB the Go spelling of the decoded type literal between LIT
   and END, as Type::mangled_name wrote it (see esc_spell_typelit).  */

static void
esc_spell_typelit_1 (obstack *ob, const char *lit, const char *end)
{
  for (const char *p = lit; p < end;)
    {
      if (*p == 'x' && p + 1 < end && p[1] == ']' && p > lit
	  && ISDIGIT (p[-1]))
	{
	  /* [Nx]: an incomparable array.  */
	  p++;
	  continue;
	}
      if (ISIDST (*p))
	{
	  /* A name, possibly qualified by a package path.  */
	  const char *start = p, *last = p;
	  while (p < end && (ISIDNUM (*p) || *p == '.' || *p == '/'))
	    {
	      if ((*p == '.' || *p == '/') && p + 1 < end && ISIDST (p[1]))
		last = p + 1;
	      p++;
	    }
	  if (p - start == 6 && strncmp (start, "struct", 6) == 0
	      && p < end && *p == '{')
	    {
	      obstack_grow (ob, "struct { ", 9);
	      p++;
	      continue;
	    }
	  obstack_grow (ob, last, p - last);
	  if (p - start == 4 && strncmp (start, "func", 4) == 0
	      && p < end && *p == '(')
	    {
	      /* func(PARAMS)(RESULTS).  */
	      const char *close = esc_group_end (p, end);
	      obstack_1grow (ob, '(');
	      esc_spell_typelit_1 (ob, p + 1, close);
	      obstack_1grow (ob, ')');
	      p = close < end ? close + 1 : end;
	      if (p < end && *p == '(')
		{
		  close = esc_group_end (p, end);
		  esc_spell_results (ob, p + 1, close);
		  p = close < end ? close + 1 : end;
		}
	    }
	  continue;
	}
      if (*p == ';' || *p == ',')
	{
	  obstack_1grow (ob, *p++);
	  obstack_1grow (ob, ' ');
	}
      else if (*p == '}' && p > lit && p[-1] != '{')
	{
	  obstack_grow (ob, " }", 2);
	  p++;
	}
      else
	obstack_1grow (ob, *p++);
    }
}

/* Append to OB the Go spelling of the decoded type literal LIT, as
   Type::mangled_name wrote it: qualified names (go.p.T, go.p.field)
   lose their package, as named types do everywhere in the plugin; struct
   fields and parameters are separated as Go prints them
   ("struct { a int; b int }", "func(int, string) (bool, error)"); the
   'x' that marks incomparable arrays after their length is dropped, and
   so are the parentheses of a function's single result and the empty
   ones of a function without results.  */

static void
esc_spell_typelit (obstack *ob, const char *lit)
{
  esc_spell_typelit_1 (ob, lit, lit + strlen (lit));
}

/* Return the Go spelling of the type whose descriptor ARG (an argument of
   an allocating runtime call, normally &DESCRIPTOR) is, or NULL if it
   cannot be recovered.  The caller frees it.  */

char *
esc_go_type_from_descriptor (tree arg)
{
  STRIP_NOPS (arg);
  if (TREE_CODE (arg) != ADDR_EXPR || !VAR_P (TREE_OPERAND (arg, 0)))
    return NULL;
  const char *sym = esc_decl_symbol (TREE_OPERAND (arg, 0));
  if (!sym)
    return NULL;
  if (startswith (sym, "g.type.."))
    sym += 2;

  obstack ob;
  obstack_init (&ob);
  if (startswith (sym, "type.."))
    {
      /* A type literal, spelled by Type::mangled_name: as Go, except
	 that incomparable arrays (backing arrays of literals) carry an
	 'x' after their length.  */
      const char *lit = sym + 6;
      obstack ob2;
      obstack_init (&ob2);
      esc_decode_id (&ob2, lit, strlen (lit), false);
      obstack_1grow (&ob2, '\0');
      const char *decoded = XOBFINISH (&ob2, const char *);
      esc_spell_typelit (&ob, decoded);
      obstack_free (&ob2, NULL);
    }
  else
    {
      size_t len = strlen (sym);
      bool pointer;
      if (len > 3 && strcmp (sym + len - 3, "..d") == 0)
	pointer = false;
      else if (len > 3 && strcmp (sym + len - 3, "..p") == 0)
	pointer = true;
      else
	{
	  obstack_free (&ob, NULL);
	  return NULL;
	}
      len -= 3;
      if (pointer)
	obstack_1grow (&ob, '*');
      /* PKGPATH.NAME: named types are spelled without their package,
	 as the GCC types of stack objects only know NAME.  */
      const char *dot = (const char *) memchr (sym, '.', len);
      if (dot)
	esc_decode_id (&ob, dot + 1, len - (dot + 1 - sym), false);
      else
	esc_decode_id (&ob, sym, len, false);
    }
  obstack_1grow (&ob, '\0');
  char *result = xstrdup (XOBFINISH (&ob, char *));
  obstack_free (&ob, NULL);
  return result;
}

/* Return the name of the field FIELD, or "" if it has none.  */

static const char *
esc_field_name (tree field)
{
  return (field && DECL_NAME (field)
	  ? IDENTIFIER_POINTER (DECL_NAME (field)) : "");
}

/* Append to OB the Go spelling of the GCC type TYPE, as far as gccgo's
   lowering allows it to be recovered (named types lose their package).
   DEPTH bounds the recursion.  */

static void
esc_spell_type (obstack *ob, tree type, int depth)
{
  if (depth > 8)
    {
      obstack_grow (ob, "...", 3);
      return;
    }
  tree name = TYPE_NAME (type);
  if (name && TREE_CODE (name) == TYPE_DECL)
    name = DECL_NAME (name);
  if (name && TREE_CODE (name) == IDENTIFIER_NODE
      && IDENTIFIER_POINTER (name)[0] != '\0')
    {
      const char *s = IDENTIFIER_POINTER (name);
      obstack_grow (ob, s, strlen (s));
      return;
    }
  switch (TREE_CODE (type))
    {
    case POINTER_TYPE:
      if (VOID_TYPE_P (TREE_TYPE (type)))
	obstack_grow (ob, "unsafe.Pointer", 14);
      else
	{
	  obstack_1grow (ob, '*');
	  esc_spell_type (ob, TREE_TYPE (type), depth + 1);
	}
      return;
    case ARRAY_TYPE:
      {
	tree domain = TYPE_DOMAIN (type);
	char buf[32];
	if (domain && TYPE_MAX_VALUE (domain)
	    && tree_fits_shwi_p (TYPE_MAX_VALUE (domain)))
	  snprintf (buf, sizeof buf, "[%ld]",
		    (long) tree_to_shwi (TYPE_MAX_VALUE (domain)) + 1);
	else
	  snprintf (buf, sizeof buf, "[0]");
	obstack_grow (ob, buf, strlen (buf));
	esc_spell_type (ob, TREE_TYPE (type), depth + 1);
	return;
      }
    case RECORD_TYPE:
      {
	tree f = TYPE_FIELDS (type);
	while (f && TREE_CODE (f) != FIELD_DECL)
	  f = DECL_CHAIN (f);
	const char *first = esc_field_name (f);
	if (strcmp (first, "__values") == 0)
	  {
	    obstack_grow (ob, "[]", 2);
	    esc_spell_type (ob, TREE_TYPE (TREE_TYPE (f)), depth + 1);
	  }
	else if (strcmp (first, "__data") == 0)
	  obstack_grow (ob, "string", 6);
	else if (strcmp (first, "__type_descriptor") == 0)
	  obstack_grow (ob, "interface {}", 12);
	else if (strcmp (first, "__methods") == 0)
	  obstack_grow (ob, "interface", 9);
	else
	  obstack_grow (ob, "struct {...}", 12);
	return;
      }
    default:
      obstack_grow (ob, "?", 1);
      return;
    }
}

/* Return the Go spelling of the GCC type TYPE of a stack object, or NULL.
   The caller frees it.  */

char *
esc_go_type_from_tree (tree type)
{
  if (!type)
    return NULL;
  obstack ob;
  obstack_init (&ob);
  esc_spell_type (&ob, type, 0);
  obstack_1grow (&ob, '\0');
  char *result = xstrdup (XOBFINISH (&ob, char *));
  obstack_free (&ob, NULL);
  return result;
}

/* A source file read whole, with the offset of each line's start: GCC's
   own line cache (location_get_source_line) keeps a sparse index, so that
   lines asked for out of order, as sites are found function by function,
   cost a scan of the file each.  */

struct esc_source_file
{
  char *text;			/* the file, or NULL if unreadable */
  size_t size;
  vec<size_t> starts;		/* offset of line N + 1 */
};

static hash_map<nofree_string_hash, esc_source_file *> *esc_sources;

/* Return the source file FILE, read on first use.  */

static esc_source_file *
esc_source_file_get (const char *file)
{
  if (!esc_sources)
    esc_sources = new hash_map<nofree_string_hash, esc_source_file *>;
  if (esc_source_file **slot = esc_sources->get (file))
    return *slot;
  esc_source_file *f = XCNEW (esc_source_file);
  f->starts = vNULL;
  if (FILE *in = fopen (file, "rb"))
    {
      size_t cap = 1 << 16;
      f->text = XNEWVEC (char, cap);
      size_t n;
      while ((n = fread (f->text + f->size, 1, cap - f->size, in)) > 0)
	{
	  f->size += n;
	  if (f->size == cap)
	    f->text = XRESIZEVEC (char, f->text, cap *= 2);
	}
      fclose (in);
      f->starts.safe_push (0);
      for (size_t i = 0; i < f->size; i++)
	if (f->text[i] == '\n')
	  f->starts.safe_push (i + 1);
    }
  esc_sources->put (xstrdup (file), f);
  return f;
}

/* Set *LEN to the length of line LINE (1-based) of FILE, without its
   newline, and return its text; NULL if it cannot be read.  */

static const char *
esc_source_line (const char *file, int line, size_t *len)
{
  esc_source_file *f = esc_source_file_get (file);
  if (!f->text || line < 1 || (unsigned) line > f->starts.length ())
    return NULL;
  size_t start = f->starts[line - 1];
  size_t end = ((unsigned) line < f->starts.length ()
		? f->starts[line] - 1 : f->size);
  if (end > start && f->text[end - 1] == '\r')
    end--;
  *len = end - start;
  return f->text + start;
}

/* Free the source files read.  */

void
esc_source_release (void)
{
  if (!esc_sources)
    return;
  for (hash_map<nofree_string_hash, esc_source_file *>::iterator it
	 = esc_sources->begin (); it != esc_sources->end (); ++it)
    {
      free (const_cast<char *> ((*it).first));
      free ((*it).second->text);
      (*it).second->starts.release ();
      free ((*it).second);
    }
  delete esc_sources;
  esc_sources = NULL;
}

/* Return the source token that starts at LOC: an identifier or keyword, or
   a single punctuation character; "" if the source cannot be read.  The
   result lives in a static buffer until the next call.  */

const char *
esc_source_token (location_t loc)
{
  static char token[32];
  token[0] = '\0';
  expanded_location xloc = expand_location (loc);
  if (!xloc.file || xloc.line <= 0 || xloc.column <= 0)
    return token;
  size_t len;
  const char *text = esc_source_line (xloc.file, xloc.line, &len);
  if (!text || (size_t) xloc.column > len)
    return token;
  const char *p = text + xloc.column - 1;
  const char *end = text + len;
  size_t n = 0;
  if (ISIDST (*p))
    while (p + n < end && ISIDNUM (p[n]) && n < sizeof token - 1)
      n++;
  else
    n = 1;
  memcpy (token, p, n);
  token[n] = '\0';
  return token;
}

/* Return the size in bytes of a value of the Go type SPELLED (a
   predeclared type, a pointer, slice, map, chan, func, string or
   interface), or -1.  */

static long
esc_go_type_size (const char *spelled)
{
  static const struct { const char *name; long size; } basic[] = {
    { "bool", 1 }, { "int8", 1 }, { "uint8", 1 }, { "byte", 1 },
    { "int16", 2 }, { "uint16", 2 }, { "int32", 4 }, { "uint32", 4 },
    { "rune", 4 }, { "float32", 4 }, { "int", 8 }, { "uint", 8 },
    { "int64", 8 }, { "uint64", 8 }, { "uintptr", 8 }, { "float64", 8 },
    { "complex64", 8 }, { "complex128", 16 }, { "string", 16 },
    { "error", 16 }, { "any", 16 }, { "unsafe.Pointer", 8 },
  };
  if (!spelled)
    return -1;
  for (unsigned i = 0; i < ARRAY_SIZE (basic); i++)
    if (strcmp (spelled, basic[i].name) == 0)
      return basic[i].size;
  if (spelled[0] == '*' || startswith (spelled, "map[")
      || startswith (spelled, "chan ") || startswith (spelled, "func("))
    return 8;
  if (startswith (spelled, "[]"))
    return 24;
  if (startswith (spelled, "interface"))
    return 16;
  return -1;
}

/* Return the size in bytes of the type whose descriptor ARG points to
   (&T..d): the descriptor's own size field when the unit defines it,
   otherwise from the type's spelling; or -1.  */

long
esc_descriptor_size (tree arg)
{
  if (!arg || TREE_CODE (arg) != ADDR_EXPR)
    return -1;
  tree var = TREE_OPERAND (arg, 0);
  if (VAR_P (var) && DECL_INITIAL (var)
      && TREE_CODE (DECL_INITIAL (var)) == CONSTRUCTOR
      && CONSTRUCTOR_NELTS (DECL_INITIAL (var)) > 0)
    {
      /* gccgo's descriptors start with struct _type's size field.  */
      tree first = CONSTRUCTOR_ELT (DECL_INITIAL (var), 0)->value;
      if (TREE_CODE (first) == CONSTRUCTOR && CONSTRUCTOR_NELTS (first) > 0)
	first = CONSTRUCTOR_ELT (first, 0)->value;
      if (TREE_CODE (first) == INTEGER_CST && tree_fits_shwi_p (first))
	return tree_to_shwi (first);
    }
  char *spelled = esc_go_type_from_descriptor (arg);
  long size = esc_go_type_size (spelled);
  free (spelled);
  return size;
}

/* Return true if the declaration of FNDECL, a function without a body in
   this unit, is preceded by the pragma //go:noescape (among the comment
   lines just above it): then none of its pointer arguments escapes or
   reaches its results.  */

bool
esc_go_noescape_p (tree fndecl)
{
  expanded_location x = expand_location (DECL_SOURCE_LOCATION (fndecl));
  if (!x.file || x.line <= 1)
    return false;
  for (int line = x.line - 1; line >= 1 && line >= x.line - 8; line--)
    {
      size_t len;
      const char *text = esc_source_line (x.file, line, &len);
      if (!text)
	return false;
      size_t i = 0;
      while (i < len && ISSPACE (text[i]))
	i++;
      if (i == len)
	continue;
      if (len - i < 2 || text[i] != '/' || text[i + 1] != '/')
	return false;
      static const char pragma[] = "//go:noescape";
      size_t n = sizeof pragma - 1;
      if (len - i >= n && strncmp (text + i, pragma, n) == 0)
	return true;
    }
  return false;
}

/* Unit tests (selftest.c).  */

/* Return true if esc_decode_id of ENCODED, with RAW, is DECODED and
   tells whether ENCODED is WELL_FORMED.  */

static bool
esc_test_decode_id (const char *encoded, const char *decoded,
		    bool well_formed = true, bool raw = false)
{
  obstack ob;
  obstack_init (&ob);
  bool wf = esc_decode_id (&ob, encoded, strlen (encoded), raw);
  obstack_1grow (&ob, '\0');
  bool ok = (strcmp (XOBFINISH (&ob, char *), decoded) == 0
	     && wf == well_formed);
  obstack_free (&ob, NULL);
  return ok;
}

/* Return true if esc_spell_typelit of LIT is SPELLED.  */

static bool
esc_test_spell_typelit (const char *lit, const char *spelled)
{
  obstack ob;
  obstack_init (&ob);
  esc_spell_typelit (&ob, lit);
  obstack_1grow (&ob, '\0');
  bool ok = strcmp (XOBFINISH (&ob, char *), spelled) == 0;
  obstack_free (&ob, NULL);
  return ok;
}

/* Run the tests of gonames.c.  The encodings are gofrontend's
   (go-encode-id.cc: "_" then 0-9, a, b, c for . / * , { } [ ] ( ) " and
   space and ;, "__" for "_", _xNN, _uNNNN, _UNNNNNNNN for other
   characters).  */

void
esc_gonames_selftests (void)
{
  esc_test_begin ("gonames: symbol names decode as gccgo encodes them");
  ESC_CHECK (esc_test_decode_id ("github_0com_1google_1go_x2dcmp",
				 "github.com/google/go-cmp"));
  ESC_CHECK (esc_test_decode_id ("a__b_2_3_4_5_6_7_8_9_a_b_c",
				 "a_b*,{}[]()\" ;"));
  ESC_CHECK (esc_test_decode_id ("caf_u00e9_U0001f600",
				 "caf\xc3\xa9\xf0\x9f\x98\x80"));
  ESC_CHECK (esc_test_decode_id ("_x39p", "9p"));
  /* Malformed escapes are kept as they are.  */
  ESC_CHECK (esc_test_decode_id ("a_z_u12", "a_z_u12", false));
  ESC_CHECK (esc_test_decode_id ("a_", "a_", false));
  ESC_CHECK (esc_test_decode_id ("a_x00", "a_x00", false));
  ESC_CHECK (esc_test_decode_id ("_x+1", "_x+1", false));
  /* A byte that is not UTF-8: as it is, or as a character to show.  */
  ESC_CHECK (esc_test_decode_id ("a_xe9", "a\xe9", true, true));
  ESC_CHECK (esc_test_decode_id ("a_xe9", "a\xc3\xa9"));
  esc_test_end ();

  esc_test_begin ("gonames: type literals are spelled as Go prints them");
  ESC_CHECK (esc_test_spell_typelit ("struct{go.p.a int;go.p.b *go.p.T}",
				     "struct { a int; b *T }"));
  ESC_CHECK (esc_test_spell_typelit ("struct{}", "struct { }"));
  ESC_CHECK (esc_test_spell_typelit ("[4x]func()", "[4]func()"));
  ESC_CHECK (esc_test_spell_typelit ("map[string]github.com/x/y.T",
				     "map[string]T"));
  ESC_CHECK (esc_test_spell_typelit ("[]int", "[]int"));
  ESC_CHECK (esc_test_spell_typelit ("[]func()()", "[]func()"));
  ESC_CHECK (esc_test_spell_typelit ("func(int,string)(bool)",
				     "func(int, string) bool"));
  ESC_CHECK (esc_test_spell_typelit ("func(...int)(int,error)",
				     "func(...int) (int, error)"));
  ESC_CHECK (esc_test_spell_typelit ("map[string]func(func()(int))()",
				     "map[string]func(func() int)"));
  esc_test_end ();

  esc_test_begin ("gonames: sizes of the types spelled without a "
		  "descriptor");
  ESC_CHECK (esc_go_type_size ("int") == 8);
  ESC_CHECK (esc_go_type_size ("byte") == 1);
  ESC_CHECK (esc_go_type_size ("string") == 16);
  ESC_CHECK (esc_go_type_size ("*T") == 8);
  ESC_CHECK (esc_go_type_size ("[]byte") == 24);
  ESC_CHECK (esc_go_type_size ("map[int]int") == 8);
  ESC_CHECK (esc_go_type_size ("interface { M() }") == 16);
  ESC_CHECK (esc_go_type_size ("[4]int") == -1);
  ESC_CHECK (esc_go_type_size ("T") == -1);
  ESC_CHECK (esc_go_type_size (NULL) == -1);
  esc_test_end ();
}
