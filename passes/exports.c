/* exports.c: the leak summaries gccgo exported for functions of other
   packages, read from their export data.

   The API, to be copied into escape.h, is the #if 0 block after this
   comment.

   Where the export data is (gofrontend/import.cc, Import::open_package,
   try_package_in_directory, try_suffixes; go-lang.cc, handling of -I and
   -L).  gccgo searches, in order: every -I directory and, for every -L
   directory D, D/go/VERSION and D/go/VERSION/MACHINE (in command-line
   order, if they are directories), then every -L directory itself, and
   last the current directory.  In each directory DIR it takes the first
   of DIR/PATH, DIR/PATH.gox, DIR/D/libB.so, DIR/D/libB.a and DIR/PATH.o
   that exists (PATH being D/B); if that file holds no export data for
   the package, gccgo fails and so do we.  VERSION is the GCC
   version as the directory names it (the major number alone when GCC was
   configured --with-gcc-major-version-only, as Debian does), MACHINE the
   target alias; both are read from configargs.h, because the compiler
   macros gccgo uses (DEFAULT_TARGET_VERSION, DEFAULT_TARGET_MACHINE) are
   not in the plugin headers.  The driver passes the -L directories of the
   compiler's library path (the standard library is found through
   -L/usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu, i.e.
   /usr/lib/x86_64-linux-gnu/go/12/x86_64-linux-gnu/fmt.gox on Debian); if
   the command line had no -L (go1 run by hand), the Debian and the
   plain GNU layouts under /usr/lib are tried instead.  `go build
   -compiler=gccgo' (go 1.19, with GCC 11 or 12, which lack
   -fgo-importcfg) passes one -I $WORK/bNNN/_importcfgroot_ holding
   symlinks PATH_DIR/libBASE.a to each dependency's _pkg_.a archive.

   Export data is the .go_export section of an ELF object (.gox files are
   objects with nothing else, .o files compiled by gccgo, members of a
   .a archive, GNU or thin), or a file that is export data alone (it starts
   with the magic "v3;").  Sections may hold several blocks one after the
   other (objects merged by ld -r); the block whose package symbol is the
   callee's is used.  Only the "v3" format is read; GCC 11 and 12 write
   it.

   Export format v3 (gofrontend/export.cc, gogo.cc export_func_with_type):
     v3;
     package NAME
     pkgpath PATH             (or "prefix P" without -fgo-pkgpath)
     package/import/indirectimport/init/init_graph lines
     types MAXP1 EXPORTEDP1 SIZE1 ... SIZE(MAXP1-1)
     TYPE DATA: type 1 "T" <type 8>\n METHODS..., type 4 *<type 2>\n ...
     const/var/func records, one line each, a func line ending in
       " <inl:N>" followed by N bytes of inline body
     checksum HEX
   A function is "func [NOINTERFACE ][ASM ][(RECV) ][<pK>]NAME (PARAMS)
   RESULTS", NOINTERFACE and ASM being the C comments "nointerface" and
   "asm SYM" that gccgo writes there; each parameter is
   "NAME[ <esc:0xHEX>] [...]<type N>" (NAME "?" if unnamed, "..." before
   the element type of a variadic parameter).  Methods are listed under
   the type definition they belong to, one space in; a type is exported
   only by its own package as "T" (exported) or ".PKGPATH.t"
   (unexported), types of other packages as "PATH.T".  Unexported
   functions and methods are written ".name".  <pK> marks a function of
   another package, the K-th of the import and indirectimport lines
   (1-based), whose body an inlinable function of this one calls: gccgo
   writes its tags there too, and they are the only ones a unit can read
   for a package whose own export data is not installed (Debian installs
   none for internal/...; bytes.gox holds internal/bytealg.IndexByte's).
   Such foreign records of top-level functions are indexed under their
   own package's symbol, and so are the methods listed under another
   package's type ("PATH.T"), which gccgo writes for every type an
   exported declaration refers to; they are used when that package's
   export data is missing (the go tool gives gccgo the direct imports
   only): then the export data of every package the unit refers to is
   read once.  ASM marks a function whose symbol is not PKGSYM.NAME: it is
   not indexed.

   Symbols (gofrontend/names.cc, go-encode-id.cc; the same in gccgo-11 and
   gccgo-12: encoding/json.Marshal is "encoding_1json.Marshal") are
   PKGSYM.NAME and PKGSYM.TYPE.METHOD, PKGSYM being go_encode_id (PKGPATH)
   and TYPE and METHOD go_encode_id of the names; pointer and value
   methods are not told apart.  The symbol's package is decoded to find the
   files, and checked by encoding the pkgpath line back; functions are
   indexed under go_encode_id of their names, so that lookups compare
   symbols exactly.  esc_go_function_name (gonames.c) cannot be used: it
   keeps only the last element of the package path.

   Tags (gofrontend/escape.cc: Escape_note::make_tag, parse_tag,
   Escape_analysis_tag::tag, assign_from_note, Node::note_inout_flows;
   escape.h, the encoding): bits 0-2 are the Escapement_encoding
   (0 unknown, 1 none, 2 return, 3 heap, 4 never), bit 3 is "content
   escapes" (one dereference of the parameter reaches the heap), and from
   bit 4 each result I has 3 bits holding LEVEL + 1 (LEVEL being the
   dereferences with which the parameter reaches that result, at most 6).
   Parameters that leak to the heap are left untagged, as are those gccgo
   could not encode (a flow to the tenth result and beyond); an untagged
   parameter is "unknown", which the importer assigns to the heap sink.
   So:
     no tag, or bits 0-2 not none/return   heap = 0, result = 0
     content bit                           heap = 1
     result bits                           result = least LEVEL
     esc:0x1                               heap = result = none
   (result = 0 for an unknown parameter: its flow to the results is not
   known either).  Checked against gccgo's own -fgo-debug-escape1 notes,
   the same with gccgo-11 and gccgo-12: "leaking param: p" is untagged,
   "p does not escape" 0x1, "leaking param content: pp" 0x9, "leaking
   param: p to result $ret1 level=0" 0x12, "level=1" 0x22, level=0 to the
   second result 0x82, to the ninth 0x10000002, to the tenth untagged.

   Receivers: a value receiver that is not pointer-shaped is passed by
   address (Function_type::get_backend_fntype), so the GIMPLE parameter is
   one dereference above the Go value the tag describes: its levels are
   shifted by one (an untagged value receiver becomes heap = 1, the callee
   only ever copies *pointer).  A pointer-shaped ("direct interface") value
   receiver is passed as a void *: no shift.

   Cost: each package's export data is read and indexed once per
   compilation (a hash_map from encoded name to the offset of the
   function's record); a function's record is decoded the first time it is
   asked for.  Everything is read with stdio; no process is run.  Any
   unexpected input makes the lookup fail (return false), never abort.

   Not handled (the lookup fails): packages compiled without -fgo-pkgpath
   (their symbol "PREFIX.NAME" has a dot of its own; the go tool always
   passes -fgo-pkgpath), relative imports (-fgo-relative-import-path),
   the v1 and v2 formats, AIX big archives, nested thin archives,
   compressed sections, methods with an asm name, method wrappers for
   promoted methods (not in the export data), and calls into the unit's
   own package (its export data, if any is found, would be stale).  */

#include "compat.h"
#include "escape.h"
#include "configargs.h"

#if 0
/* exports.c */
/* Fill LEAKS[0..NPARAMS) with the leak summaries gccgo exported for the
   external function FNDECL (a FUNCTION_DECL with DECL_EXTERNAL, e.g. the
   callee of a call to fmt.Println or to the method (*bytes.Buffer).Write),
   parameter I being the I-th GIMPLE parameter of FNDECL's type (the
   receiver first for methods; a variadic ...T is the one slice parameter).
   Return true and set *SOURCE to the .gox (or .o/.a) file the summaries
   came from (a string owned by exports.c) if the export data of FNDECL's
   package was found and names the function with NPARAMS parameters; return
   false otherwise (the caller then stays conservative). */
bool esc_export_leaks (tree fndecl, unsigned nparams, esc_leak *leaks,
		       const char **source);
/* Free everything cached; called once at the end of the unit. */
void esc_exports_release (void);
#endif

/* Bound on the export data of one package that is read.  */
#define ESC_EXPORT_MAX_BYTES (256u * 1024 * 1024)

/* gccgo's Escapement_encoding values and tag layout (escape.h).  */
#define ESC_TAG_MASK 7
#define ESC_TAG_NONE 1
#define ESC_TAG_RETURN 2
#define ESC_TAG_CONTENT 8
#define ESC_TAG_RETURN_SHIFT 4
#define ESC_TAG_BITS_PER_RESULT 3

/* One function or method of a package's export data.  */
struct esc_export_fn
{
  unsigned offset;		/* of the record, after "func " */
  bool decoded;			/* the fields below are set */
  bool ok;			/* the record could be decoded */
  bool method;			/* the first parameter is a receiver */
  bool value_receiver;		/* ... of a non-pointer type */
  unsigned nparams;		/* receiver and parameters */
  esc_leak *leaks;		/* NPARAMS Go-level summaries */
};

typedef hash_map<nofree_string_hash, esc_export_fn> esc_fn_map;

/* The export data of one package, found or not.  */
struct esc_package
{
  char *sym;			/* package symbol (the map's key) */
  char *source;			/* file of the data, or NULL */
  char *data;			/* section holding the block, or NULL */
  size_t len;
  char *pkgpath;		/* the block's package path */
  vec<unsigned> types;		/* offset of type I's text in DATA */
  vec<char *> imports;		/* symbols of the import and
				   indirectimport lines, in order */
  esc_fn_map *fns;		/* encoded NAME, TYPE.METHOD -> record */
  obstack ob;			/* keys and leak arrays */
};

typedef hash_map<nofree_string_hash, esc_package *> esc_package_map;

static esc_package_map *esc_packages;

/* A function of another package found in a package's export data (a
   <pK> record), and that package.  */
struct esc_foreign_fn
{
  esc_package *host;
  esc_export_fn fn;
};

typedef hash_map<nofree_string_hash, esc_foreign_fn> esc_foreign_map;

/* Foreign records by the function's full symbol, PKGSYM.NAME, and the
   records of C functions (//extern, "asm SYM") by SYM, which has no dot
   and so never meets a Go symbol.  */
static esc_foreign_map *esc_foreign;

/* Whether the export data of every package the unit refers to was
   read, for the foreign records.  */
static bool esc_foreign_ready;

/* The directories gccgo searches, in order.  */
static vec<char *> esc_search_dirs;
static bool esc_search_ready;

/* go_encode_id of the -fgo-pkgpath of the unit, or NULL.  */
static char *esc_own_pkgsym;

/* Return the LEN bytes at S read as an unsigned decimal, or -1 if they
   are not one (blanks after the digits are allowed).  */

static long
esc_parse_decimal (const char *s, size_t len)
{
  long v = 0;
  size_t i = 0;
  if (len == 0 || !ISDIGIT (s[0]))
    return -1;
  for (; i < len && ISDIGIT (s[i]); i++)
    {
      if (v > (LONG_MAX - 9) / 10)
	return -1;
      v = v * 10 + (s[i] - '0');
    }
  for (; i < len; i++)
    if (s[i] != ' ')
      return -1;
  return v;
}

/* Append to OB the encoding of the identifier or package path S[0..LEN)
   that gccgo uses in symbols (gofrontend/go-encode-id.cc, go_encode_id).  */

static void
esc_encode_id (obstack *ob, const char *s, size_t len)
{
  static const char specials[] = "_./*,{}[]()\" ;";
  static const char codes[] = "_0123456789abc";
  const unsigned char *p = (const unsigned char *) s;
  const unsigned char *end = p + len;
  char buf[16];
  if (p < end && ISDIGIT (*p))
    {
      snprintf (buf, sizeof buf, "_x%02x", *p);
      obstack_grow (ob, buf, strlen (buf));
      p++;
    }
  while (p < end)
    {
      unsigned c = *p;
      if (c < 0x80)
	{
	  const char *sp = c ? strchr (specials, c) : NULL;
	  if (ISALNUM (c))
	    obstack_1grow (ob, c);
	  else if (sp)
	    {
	      obstack_1grow (ob, '_');
	      obstack_1grow (ob, codes[sp - specials]);
	    }
	  else
	    {
	      snprintf (buf, sizeof buf, "_x%02x", c);
	      obstack_grow (ob, buf, strlen (buf));
	    }
	  p++;
	  continue;
	}
      /* A UTF-8 sequence, decoded as fetch_utf8_char does.  */
      size_t n = 0;
      unsigned lead = c;
      while ((lead & 0x80) != 0 && n < 8)
	{
	  n++;
	  lead = (lead << 1) & 0xff;
	}
      if (n < 2 || n > 4 || p + n > end)
	{
	  /* Not UTF-8: gccgo would not have produced such a name.  */
	  snprintf (buf, sizeof buf, "_x%02x", c);
	  obstack_grow (ob, buf, strlen (buf));
	  p++;
	  continue;
	}
      unsigned cp = c & ((1u << (7 - n)) - 1);
      for (size_t i = 1; i < n; i++)
	cp = (cp << 6) | (p[i] & 0x3f);
      if (cp < 0x10000)
	snprintf (buf, sizeof buf, "_u%04x", cp);
      else
	snprintf (buf, sizeof buf, "_U%08x", cp);
      obstack_grow (ob, buf, strlen (buf));
      p += n;
    }
}

/* Return go_encode_id of S[0..LEN) as a new string; the caller frees
   it.  */

static char *
esc_encode_string (const char *s, size_t len)
{
  obstack ob;
  obstack_init (&ob);
  esc_encode_id (&ob, s, len);
  obstack_1grow (&ob, '\0');
  char *result = xstrdup (XOBFINISH (&ob, char *));
  obstack_free (&ob, NULL);
  return result;
}

/* Return the package path whose symbol is SYM (go_decode_id), or NULL if
   SYM is not the encoding of any path.  The caller frees the result.  */

static char *
esc_decode_pkgsym (const char *sym)
{
  obstack ob;
  obstack_init (&ob);
  bool ok = esc_decode_id (&ob, sym, strlen (sym), true) && *sym;
  obstack_1grow (&ob, '\0');
  char *path = XOBFINISH (&ob, char *);
  char *result = NULL;
  if (ok)
    {
      /* The encoding is not one to one on malformed input: keep only a
	 path that encodes back to SYM.  */
      char *back = esc_encode_string (path, strlen (path));
      if (strcmp (back, sym) == 0)
	result = xstrdup (path);
      free (back);
    }
  obstack_free (&ob, NULL);
  return result;
}

/* Return true if PATH names a directory.  */

static bool
esc_dir_p (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

/* Return true if PATH names a regular file (after symbolic links).  */

static bool
esc_file_p (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && S_ISREG (st.st_mode);
}

/* Return the value of the configure option OPT ("--target=") given to
   the compiler's configure, or NULL; the caller frees it.  */

static char *
esc_configure_value (const char *opt)
{
  const char *args = configuration_arguments;
  size_t len = strlen (opt);
  for (const char *p = strstr (args, opt); p; p = strstr (p + 1, opt))
    {
      if (p != args && p[-1] != ' ')
	continue;
      const char *v = p + len;
      size_t n = strcspn (v, " '\"");
      if (n > 0)
	return xstrndup (v, n);
    }
  return NULL;
}

/* Return the directory name gccgo gives its version under a library
   directory (DEFAULT_TARGET_VERSION, the build's $(version)); the caller
   frees it.  */

static char *
esc_go_version_dir (void)
{
  char buf[48];
  if (strstr (configuration_arguments, "--with-gcc-major-version-only"))
    snprintf (buf, sizeof buf, "%d", BUILDING_GCC_MAJOR);
  else
    snprintf (buf, sizeof buf, "%d.%d.%d", BUILDING_GCC_MAJOR,
	      BUILDING_GCC_MINOR, BUILDING_GCC_PATCHLEVEL);
  return xstrdup (buf);
}

/* Return the target alias (DEFAULT_TARGET_MACHINE, the build's
   $(target_noncanonical)), or NULL; the caller frees it.  */

static char *
esc_go_machine (void)
{
  char *m = esc_configure_value ("--target=");
  if (!m)
    m = esc_configure_value ("--host=");
  if (!m)
    m = esc_configure_value ("--build=");
  return m;
}

/* Add to the search path the directories gccgo derives from the library
   directory DIR: DIR/go/VERSION and DIR/go/VERSION/MACHINE, if they are
   directories (go-lang.cc, OPT_L).  MACHINE may be NULL.  */

static void
esc_add_go_dirs (const char *dir, const char *version, const char *machine)
{
  size_t len = strlen (dir);
  const char *sep = len > 0 && dir[len - 1] == '/' ? "" : "/";
  char *p = concat (dir, sep, "go/", version, NULL);
  if (esc_dir_p (p))
    {
      esc_search_dirs.safe_push (p);
      if (machine)
	{
	  char *q = concat (p, "/", machine, NULL);
	  if (esc_dir_p (q))
	    esc_search_dirs.safe_push (q);
	  else
	    free (q);
	}
    }
  else
    free (p);
}

/* Compute the directories gccgo searches for imports, from the options
   of the command line, once.  Also note the unit's own package.  */

static void
esc_init_search_path (void)
{
  if (esc_search_ready)
    return;
  esc_search_ready = true;

  char *version = esc_go_version_dir ();
  char *machine = esc_go_machine ();
  auto_vec<const char *> libdirs;
  const char *pkgpath = NULL;
  for (unsigned i = 0; i < save_decoded_options_count; i++)
    {
      const cl_decoded_option *opt = &save_decoded_options[i];
      if (!opt->arg)
	continue;
      if (opt->opt_index == OPT_I)
	esc_search_dirs.safe_push (xstrdup (opt->arg));
      else if (opt->opt_index == OPT_L)
	{
	  esc_add_go_dirs (opt->arg, version, machine);
	  libdirs.safe_push (opt->arg);
	}
      else if (opt->opt_index == OPT_fgo_pkgpath_)
	pkgpath = opt->arg;
    }
  unsigned i;
  const char *dir;
  FOR_EACH_VEC_ELT (libdirs, i, dir)
    esc_search_dirs.safe_push (xstrdup (dir));

  if (libdirs.is_empty ())
    {
      /* go1 run without the driver: the usual installed layouts.  */
      if (machine)
	{
	  char *d = concat ("/usr/lib/", machine, NULL);
	  esc_add_go_dirs (d, version, machine);
	  free (d);
	}
      esc_add_go_dirs ("/usr/lib64", version, machine);
      esc_add_go_dirs ("/usr/lib", version, machine);
    }

  if (pkgpath && *pkgpath)
    esc_own_pkgsym = esc_encode_string (pkgpath, strlen (pkgpath));
  free (version);
  free (machine);
}

/* Read LEN bytes at offset OFF of the file F into BUF.  Return false if
   they cannot all be read.  */

static bool
esc_read_at (FILE *f, off_t off, void *buf, size_t len)
{
  if (off < 0 || fseeko (f, off, SEEK_SET) != 0)
    return false;
  return fread (buf, 1, len, f) == len;
}

/* Return the LEN-byte (2, 4 or 8) unsigned integer at P, of byte order
   MSB (big-endian) or not.  */

static unsigned long long
esc_get_uint (const unsigned char *p, int len, bool msb)
{
  unsigned long long v = 0;
  for (int i = 0; i < len; i++)
    v = (v << 8) | p[msb ? i : len - 1 - i];
  return v;
}

/* Return a new buffer holding LEN bytes at offset OFF of F followed by a
   NUL, or NULL.  */

static char *
esc_read_buffer (FILE *f, off_t off, size_t len)
{
  if (len > ESC_EXPORT_MAX_BYTES)
    return NULL;
  char *buf = XNEWVEC (char, len + 1);
  if (!esc_read_at (f, off, buf, len))
    {
      free (buf);
      return NULL;
    }
  buf[len] = '\0';
  return buf;
}

/* Results of esc_elf_export.  */
enum esc_elf_result
{
  ESC_ELF_NOT,			/* not an ELF object */
  ESC_ELF_NONE,			/* no (readable) .go_export section */
  ESC_ELF_FOUND
};

/* Look for the .go_export section of the ELF object of SIZE bytes at
   offset BASE of F.  If there is one, set *DATA to a new NUL-terminated
   copy of it and *LEN to its size.  Both ELF classes and byte orders are
   read, as gccgo's simple-object does.  */

static enum esc_elf_result
esc_elf_export (FILE *f, off_t base, off_t size, char **data, size_t *len)
{
  unsigned char eh[64];
  if (size < 52 || !esc_read_at (f, base, eh, 16)
      || memcmp (eh, "\177ELF", 4) != 0)
    return ESC_ELF_NOT;
  bool is64 = eh[4] == 2;
  bool msb = eh[5] == 2;
  if ((eh[4] != 1 && eh[4] != 2) || (eh[5] != 1 && eh[5] != 2))
    return ESC_ELF_NONE;
  size_t ehsize = is64 ? 64 : 52;
  if ((off_t) ehsize > size || !esc_read_at (f, base, eh, ehsize))
    return ESC_ELF_NONE;

  unsigned long long shoff = (is64 ? esc_get_uint (eh + 0x28, 8, msb)
			      : esc_get_uint (eh + 0x20, 4, msb));
  unsigned shentsize = esc_get_uint (eh + (is64 ? 0x3a : 0x2e), 2, msb);
  unsigned long long shnum = esc_get_uint (eh + (is64 ? 0x3c : 0x30), 2, msb);
  unsigned long long shstrndx = esc_get_uint (eh + (is64 ? 0x3e : 0x32), 2,
					      msb);
  size_t min_entsize = is64 ? 64 : 40;
  if (shoff == 0 || shentsize < min_entsize
      || shoff > (unsigned long long) size)
    return ESC_ELF_NONE;

  /* Extended numbering: the real counts are in section 0.  */
  unsigned char sh[64];
  if (!esc_read_at (f, base + shoff, sh, min_entsize))
    return ESC_ELF_NONE;
  if (shnum == 0)
    shnum = (is64 ? esc_get_uint (sh + 32, 8, msb)
	     : esc_get_uint (sh + 20, 4, msb));
  if (shstrndx == 0xffff)
    shstrndx = esc_get_uint (sh + (is64 ? 40 : 24), 4, msb);
  if (shnum == 0 || shstrndx >= shnum
      || shnum > ((unsigned long long) size - shoff) / shentsize
      || shnum * shentsize > ESC_EXPORT_MAX_BYTES)
    return ESC_ELF_NONE;

  unsigned char *shdrs = XNEWVEC (unsigned char, shnum * shentsize);
  enum esc_elf_result result = ESC_ELF_NONE;
  char *names = NULL;
  unsigned long long names_size = 0;
  if (!esc_read_at (f, base + shoff, shdrs, shnum * shentsize))
    goto out;

  /* Section fields: name, type, flags, offset, size.  */
#define ESC_SH(I) (shdrs + (I) * shentsize)
#define ESC_SH_NAME(I) esc_get_uint (ESC_SH (I), 4, msb)
#define ESC_SH_TYPE(I) esc_get_uint (ESC_SH (I) + 4, 4, msb)
#define ESC_SH_FLAGS(I) esc_get_uint (ESC_SH (I) + 8, is64 ? 8 : 4, msb)
#define ESC_SH_OFFSET(I) \
  esc_get_uint (ESC_SH (I) + (is64 ? 24 : 16), is64 ? 8 : 4, msb)
#define ESC_SH_SIZE(I) \
  esc_get_uint (ESC_SH (I) + (is64 ? 32 : 20), is64 ? 8 : 4, msb)

  names_size = ESC_SH_SIZE (shstrndx);
  if (ESC_SH_OFFSET (shstrndx) > (unsigned long long) size
      || names_size > (unsigned long long) size - ESC_SH_OFFSET (shstrndx))
    goto out;
  names = esc_read_buffer (f, base + ESC_SH_OFFSET (shstrndx), names_size);
  if (!names)
    goto out;

  for (unsigned long long i = 1; i < shnum; i++)
    {
      unsigned long long name = ESC_SH_NAME (i);
      if (name >= names_size
	  || strcmp (names + name, ".go_export") != 0)
	continue;
      unsigned long long off = ESC_SH_OFFSET (i);
      unsigned long long sz = ESC_SH_SIZE (i);
      /* SHT_NOBITS, or SHF_COMPRESSED: nothing gccgo wrote.  */
      if (ESC_SH_TYPE (i) == 8 || (ESC_SH_FLAGS (i) & 0x800) != 0
	  || off > (unsigned long long) size
	  || sz > (unsigned long long) size - off)
	break;
      *data = esc_read_buffer (f, base + off, sz);
      if (*data)
	{
	  *len = sz;
	  result = ESC_ELF_FOUND;
	}
      break;
    }

#undef ESC_SH
#undef ESC_SH_NAME
#undef ESC_SH_TYPE
#undef ESC_SH_FLAGS
#undef ESC_SH_OFFSET
#undef ESC_SH_SIZE

 out:
  free (names);
  free (shdrs);
  return result;
}

/* If P (before END) starts with the string S, return the position after
   it, else NULL.  */

static const char *
esc_skip_string (const char *p, const char *end, const char *s)
{
  size_t len = strlen (s);
  if (!p || p > end || (size_t) (end - p) < len || memcmp (p, s, len) != 0)
    return NULL;
  return p + len;
}

/* Return the end of the line that starts at P (its '\n'), or NULL if
   there is none before END.  */

static const char *
esc_line_end (const char *p, const char *end)
{
  return p && p < end ? (const char *) memchr (p, '\n', end - p) : NULL;
}

/* Read an unsigned decimal at *PP (before END) into *V and advance *PP.
   Return false if there are no digits or the value overflows.  */

static bool
esc_read_uint (const char **pp, const char *end, unsigned long *v)
{
  const char *p = *pp;
  unsigned long n = 0;
  if (p >= end || !ISDIGIT (*p))
    return false;
  for (; p < end && ISDIGIT (*p); p++)
    {
      if (n > (ULONG_MAX - 9) / 10)
	return false;
      n = n * 10 + (*p - '0');
    }
  *pp = p;
  *v = n;
  return true;
}

/* The record of a function starting at P (after "func "), before END:
   return the start of the next record, skipping the inline body, or NULL
   if the record is malformed.  Set *LINE_END to the end of its line.  */

static const char *
esc_func_record_end (const char *p, const char *end, const char **line_end)
{
  const char *eol = esc_line_end (p, end);
  if (!eol)
    return NULL;
  *line_end = eol;
  unsigned long body = 0;
  if (eol > p && eol[-1] == '>')
    {
      /* " <inl:N>" ends the line of an inlinable function.  */
      const char *lt = eol - 1;
      while (lt > p && *lt != '<')
	lt--;
      const char *q = esc_skip_string (lt, eol, "<inl:");
      if (q && (!esc_read_uint (&q, eol, &body) || q != eol - 1))
	return NULL;
    }
  if (body > (unsigned long) (end - eol - 1))
    return NULL;
  return eol + 1 + body;
}

/* Return the name of the function record at P, whose line ends at
   LINE_END (without the "." of an unexported name), and set *NAME_END to
   its end; NULL if there is none.  */

static const char *
esc_record_name (const char *p, const char *line_end, const char **name_end)
{
  if (p < line_end && *p == '.')
    p++;
  *name_end = (const char *) memchr (p, ' ', line_end - p);
  return *name_end && *name_end != p ? p : NULL;
}

/* Index under PREFIX.NAME, NAME being [NAME, NAME_END) encoded, the
   foreign record of PKG that starts at START, unless a record is indexed
   there already.  */

static void
esc_add_foreign (esc_package *pkg, const char *start, const char *prefix,
		 const char *name, const char *name_end)
{
  obstack ob;
  obstack_init (&ob);
  obstack_grow (&ob, prefix, strlen (prefix));
  obstack_1grow (&ob, '.');
  esc_encode_id (&ob, name, name_end - name);
  obstack_1grow (&ob, '\0');
  const char *sym = XOBFINISH (&ob, const char *);
  if (!esc_foreign)
    esc_foreign = new esc_foreign_map (64);
  if (!esc_foreign->get (sym))
    {
      esc_foreign_fn f;
      memset (&f, 0, sizeof f);
      f.host = pkg;
      f.fn.offset = start - pkg->data;
      esc_foreign->put (xstrdup (sym), f);
    }
  obstack_free (&ob, NULL);
}

/* Index the foreign record (<pK>) of PKG that starts at START, P
   pointing after its "<p" and LINE_END at the end of its line.  */

static void
esc_index_foreign (esc_package *pkg, const char *start, const char *p,
		   const char *line_end)
{
  unsigned long k;
  if (!esc_read_uint (&p, line_end, &k) || k == 0
      || k > pkg->imports.length () || !(p = esc_skip_string (p, line_end,
							    ">")))
    return;
  const char *name_end;
  if (!(p = esc_record_name (p, line_end, &name_end)))
    return;
  esc_add_foreign (pkg, start, pkg->imports[k - 1], p, name_end);
}

/* Index as a foreign record the method of another package's type whose
   record in PKG starts at START (after "func "), its line ending at
   LINE_END: gccgo writes the methods of every type an exported
   declaration refers to, with their tags, and a unit that calls them
   need not see their package's own export data (the go tool gives gccgo
   only the direct imports: jwriter.Writer's Buffer field is a
   buffer.Buffer, whose methods only jwriter's export data shows).
   TYPE_SYM is PKGSYM.TYPE of the method's type.  */

static void
esc_index_foreign_method (esc_package *pkg, const char *start,
			  const char *line_end, const char *type_sym)
{
  const char *p = start;
  const char *q;
  if ((q = esc_skip_string (p, line_end, "/*nointerface*/ ")))
    p = q;
  if (p >= line_end || *p != '(')
    return;
  p = (const char *) memchr (p, ')', line_end - p);
  if (!p || !(p = esc_skip_string (p, line_end, ") ")))
    return;
  const char *name_end;
  if (!(p = esc_record_name (p, line_end, &name_end)))
    return;
  esc_add_foreign (pkg, start, type_sym, p, name_end);
}

/* Return PKGSYM.TYPE for the type of another package named NAME[0..LEN)
   in export data ("PATH.T", or ".PATH.t" for an unexported one), or NULL.
   The caller frees the result.  */

static char *
esc_foreign_type_sym (const char *name, size_t len)
{
  if (len && *name == '.')
    name++, len--;
  const char *dot = (const char *) memrchr (name, '.', len);
  if (!dot || dot == name || dot == name + len - 1)
    return NULL;
  obstack ob;
  obstack_init (&ob);
  esc_encode_id (&ob, name, dot - name);
  obstack_1grow (&ob, '.');
  esc_encode_id (&ob, dot + 1, name + len - dot - 1);
  obstack_1grow (&ob, '\0');
  char *result = xstrdup (XOBFINISH (&ob, char *));
  obstack_free (&ob, NULL);
  return result;
}

/* Index the record of PKG at P, up to LINE_END: a Go declaration of the
   C function SYM (//extern SYM, //extern-sysinfo), whose record is the
   comment "asm SYM" and then "NAME (PARAMS) RESULTS", P pointing at
   SYM.  A package whose inlinable function calls one exports it with
   its tags (gccgo tags the parameters of such a function as not
   escaping under //go:noescape, and as escaping otherwise); the copy of
   the inlinable body a unit compiles calls SYM.  The same C function may
   be in several packages' export data (math's in math.gox, and in
   fmt.gox as a foreign record): if their tags differ, the symbol's
   record is marked unusable, so that a call of it stays conservative
   whichever package was read first.  */

static void esc_decode_fn (esc_package *pkg, esc_export_fn *fn);

static void
esc_index_asm (esc_package *pkg, const char *p, const char *line_end)
{
  const char *sym = p;
  const char *sym_end = (const char *) memchr (p, ' ', line_end - p);
  const char *rec = sym_end ? esc_skip_string (sym_end, line_end, " */ ")
			    : NULL;
  if (!rec || sym_end == sym || memchr (sym, '.', sym_end - sym))
    return;
  char *key = xstrndup (sym, sym_end - sym);
  if (!esc_foreign)
    esc_foreign = new esc_foreign_map (64);
  esc_foreign_fn *old = esc_foreign->get (key);
  if (!old)
    {
      esc_foreign_fn f;
      memset (&f, 0, sizeof f);
      f.host = pkg;
      f.fn.offset = rec - pkg->data;
      esc_foreign->put (key, f);
      return;
    }
  free (key);
  esc_export_fn fresh;
  memset (&fresh, 0, sizeof fresh);
  fresh.offset = rec - pkg->data;
  esc_decode_fn (pkg, &fresh);
  esc_decode_fn (old->host, &old->fn);
  bool same = (fresh.ok && old->fn.ok
	       && fresh.nparams == old->fn.nparams);
  for (unsigned i = 0; same && i < fresh.nparams; i++)
    same = (fresh.leaks[i].heap == old->fn.leaks[i].heap
	    && fresh.leaks[i].result == old->fn.leaks[i].result);
  if (!same)
    old->fn.ok = false;		/* decoded, and not ok: conservative */
}

/* Index in PKG the function whose record starts at P (after "func ") and
   whose line ends at LINE_END.  TYPE is the encoded name of the type
   whose method list holds the record (with its length TYPE_LEN), or NULL
   for a top-level function.  Records of other packages (<pK>), with an
   assembler name of their own (the "asm SYM" comment), and top-level
   records with a receiver are not indexed.  */

static void
esc_index_func (esc_package *pkg, const char *p, const char *line_end,
		const char *type, size_t type_len)
{
  const char *start = p;
  const char *q;
  if ((q = esc_skip_string (p, line_end, "/*nointerface*/ ")))
    p = q;
  if (!type && (q = esc_skip_string (p, line_end, "/*asm ")))
    {
      esc_index_asm (pkg, q, line_end);
      return;
    }
  if (esc_skip_string (p, line_end, "/*"))
    return;
  if (p < line_end && *p == '(')
    {
      if (!type)
	return;
      p = (const char *) memchr (p, ')', line_end - p);
      if (!p || !(p = esc_skip_string (p, line_end, ") ")))
	return;
    }
  else if (type)
    return;
  if ((q = esc_skip_string (p, line_end, "<p")))
    {
      if (!type)
	esc_index_foreign (pkg, start, q, line_end);
      return;
    }
  const char *name_end;
  if (!(p = esc_record_name (p, line_end, &name_end)))
    return;

  if (type)
    {
      obstack_grow (&pkg->ob, type, type_len);
      obstack_1grow (&pkg->ob, '.');
    }
  esc_encode_id (&pkg->ob, p, name_end - p);
  obstack_1grow (&pkg->ob, '\0');
  const char *key = XOBFINISH (&pkg->ob, const char *);
  bool existed;
  esc_export_fn *fn = &pkg->fns->get_or_insert (key, &existed);
  if (existed)
    {
      obstack_free (&pkg->ob, (void *) key);
      return;
    }
  memset (fn, 0, sizeof *fn);
  fn->offset = start - pkg->data;
}

/* Index the methods in the definition of type INDEX, DEF[0..END) ("type
   N ..."), of the package of PKG.  Return false if the definition is
   malformed.  */

static bool
esc_index_type (esc_package *pkg, unsigned long index, const char *def,
		const char *end)
{
  const char *p = esc_skip_string (def, end, "type ");
  unsigned long n;
  if (!p || !esc_read_uint (&p, end, &n) || n != index
      || !(p = esc_skip_string (p, end, " ")))
    return false;
  if (*p != '"')
    return true;		/* an unnamed type: no methods */

  const char *name = p + 1;
  const char *name_end = (const char *) memchr (name, '"', end - name);
  if (!name_end)
    return false;
  const char *eol = esc_line_end (name_end, end);
  if (!eol)
    return false;
  if (esc_skip_string (name_end, eol, "\" = "))
    return true;		/* an alias: no methods of its own */

  /* The package's own types are "T" and ".PKGPATH.t".  */
  const char *own = NULL;
  if (!memchr (name, '.', name_end - name))
    own = name;
  else if (*name == '.')
    {
      size_t plen = strlen (pkg->pkgpath);
      if ((size_t) (name_end - name) > plen + 2
	  && memcmp (name + 1, pkg->pkgpath, plen) == 0
	  && name[plen + 1] == '.'
	  && !memchr (name + plen + 2, '.', name_end - (name + plen + 2)))
	own = name + plen + 2;
    }

  /* Each method: " func ...", maybe with an inline body.  Another
     package's type's are foreign records.  */
  char *type_key = NULL;
  size_t type_key_len = 0;
  char *foreign_sym = NULL;
  if (own)
    {
      type_key = esc_encode_string (own, name_end - own);
      type_key_len = strlen (type_key);
    }
  else
    foreign_sym = esc_foreign_type_sym (name, name_end - name);
  bool ok = true;
  for (p = eol + 1; p < end;)
    {
      const char *q = esc_skip_string (p, end, " func ");
      const char *line_end;
      const char *next = q ? esc_func_record_end (q, end, &line_end) : NULL;
      if (!next)
	{
	  ok = false;
	  break;
	}
      if (own)
	esc_index_func (pkg, q, line_end, type_key, type_key_len);
      else if (foreign_sym)
	esc_index_foreign_method (pkg, q, line_end, foreign_sym);
      p = next;
    }
  free (type_key);
  free (foreign_sym);
  return ok;
}

/* Scan the block of export data at P, before END, in PKG->data.  If its
   package symbol is WANT, record its package path, types and functions in
   PKG and set *MATCHED.  Return the end of the block, or NULL if it is
   malformed or not in the v3 format.  */

static const char *
esc_scan_block (esc_package *pkg, const char *p, const char *end,
		const char *want, bool *matched)
{
  *matched = false;
  p = esc_skip_string (p, end, "v3;\n");
  if (!p)
    return NULL;

  /* package NAME, then pkgpath PATH or prefix PREFIX.  */
  const char *q = esc_skip_string (p, end, "package ");
  const char *eol = esc_line_end (q, end);
  if (!eol)
    return NULL;
  const char *name = q;
  size_t name_len = eol - q;
  p = eol + 1;
  char *sym;
  char *path;
  if ((q = esc_skip_string (p, end, "pkgpath "))
      && (eol = esc_line_end (q, end)))
    {
      path = xstrndup (q, eol - q);
      sym = esc_encode_string (q, eol - q);
    }
  else if ((q = esc_skip_string (p, end, "prefix "))
	   && (eol = esc_line_end (q, end)))
    {
      obstack ob;
      obstack_init (&ob);
      esc_encode_id (&ob, q, eol - q);
      obstack_1grow (&ob, '.');
      esc_encode_id (&ob, name, name_len);
      obstack_1grow (&ob, '\0');
      sym = xstrdup (XOBFINISH (&ob, char *));
      obstack_free (&ob, NULL);
      obstack_init (&ob);
      obstack_grow (&ob, q, eol - q);
      obstack_1grow (&ob, '.');
      obstack_grow0 (&ob, name, name_len);
      path = xstrdup (XOBFINISH (&ob, char *));
      obstack_free (&ob, NULL);
    }
  else
    return NULL;
  p = eol + 1;
  bool match = strcmp (sym, want) == 0;
  free (sym);
  if (match)
    {
      free (pkg->pkgpath);
      pkg->pkgpath = path;
      pkg->types.truncate (0);
      pkg->fns = new esc_fn_map (64);
    }
  else
    free (path);

  /* package, import, indirectimport, init and init_graph lines; the
     import lines name the packages of the <pK> records:
     "import NAME PATH "PATH"" and "indirectimport NAME PATH".  */
  while (p < end && !esc_skip_string (p, end, "types "))
    {
      if (esc_skip_string (p, end, "func ") || esc_skip_string (p, end, "var ")
	  || esc_skip_string (p, end, "const ")
	  || esc_skip_string (p, end, "checksum "))
	break;
      eol = esc_line_end (p, end);
      if (!eol)
	goto fail;
      if (match && ((q = esc_skip_string (p, eol, "import "))
		    || (q = esc_skip_string (p, eol, "indirectimport "))))
	{
	  const char *path = (const char *) memchr (q, ' ', eol - q);
	  const char *path_end = path ? path + 1 : NULL;
	  while (path_end && path_end < eol && *path_end != ' ')
	    path_end++;
	  if (!path || path_end == path + 1)
	    goto fail;
	  pkg->imports.safe_push (esc_encode_string (path + 1,
						     path_end - path - 1));
	}
      p = eol + 1;
    }

  /* types MAXP1 EXPORTEDP1 SIZE...: the type data follows.  */
  if ((q = esc_skip_string (p, end, "types ")))
    {
      unsigned long maxp1, exportedp1;
      eol = esc_line_end (q, end);
      if (!eol || !esc_read_uint (&q, eol, &maxp1)
	  || !(q = esc_skip_string (q, eol, " "))
	  || !esc_read_uint (&q, eol, &exportedp1)
	  || maxp1 == 0 || maxp1 > (unsigned long) (eol - q) + 1)
	goto fail;
      const char *types = eol + 1;
      size_t total = 0;
      auto_vec<unsigned> sizes;
      for (unsigned long i = 1; i < maxp1; i++)
	{
	  unsigned long size;
	  if (!(q = esc_skip_string (q, eol, " "))
	      || !esc_read_uint (&q, eol, &size)
	      || size > (size_t) (end - types) - total)
	    goto fail;
	  sizes.safe_push (size);
	  total += size;
	}
      if (q != eol)
	goto fail;
      if (match)
	{
	  pkg->types.safe_grow_cleared (maxp1);
	  const char *def = types;
	  for (unsigned long i = 1; i < maxp1; i++)
	    {
	      pkg->types[i] = def - pkg->data;
	      if (!esc_index_type (pkg, i, def, def + sizes[i - 1]))
		goto fail;
	      def += sizes[i - 1];
	    }
	}
      p = types + total;
    }

  /* The records.  */
  while (p < end)
    {
      if ((q = esc_skip_string (p, end, "checksum ")))
	{
	  eol = esc_line_end (q, end);
	  if (!eol)
	    goto fail;
	  *matched = match;
	  return eol + 1;
	}
      if ((q = esc_skip_string (p, end, "func ")))
	{
	  const char *line_end;
	  const char *next = esc_func_record_end (q, end, &line_end);
	  if (!next)
	    goto fail;
	  if (match)
	    esc_index_func (pkg, q, line_end, NULL, 0);
	  p = next;
	}
      else if (esc_skip_string (p, end, "var ")
	       || esc_skip_string (p, end, "const ")
	       || esc_skip_string (p, end, "type "))
	{
	  eol = esc_line_end (p, end);
	  if (!eol)
	    goto fail;
	  p = eol + 1;
	}
      else
	goto fail;
    }

 fail:
  if (match)
    {
      delete pkg->fns;
      pkg->fns = NULL;
    }
  return NULL;
}

/* Take the export data DATA[0..LEN) (a new buffer, NUL-terminated) for
   PKG if one of its blocks is the package WANT; otherwise free it.
   Return true if it was taken.  */

static bool
esc_take_data (esc_package *pkg, char *data, size_t len, const char *want)
{
  const char *p = data, *end = data + len;
  pkg->data = data;
  pkg->len = len;
  while (p < end)
    {
      /* Sections merged by the linker may be padded.  */
      while (p < end && (*p == '\0' || *p == '\n'))
	p++;
      if (p >= end)
	break;
      bool matched;
      p = esc_scan_block (pkg, p, end, want, &matched);
      if (matched)
	return true;
      if (!p)
	break;
    }
  pkg->data = NULL;
  pkg->len = 0;
  free (data);
  return false;
}

/* Look for the export data of WANT in the ELF object of SIZE bytes at
   offset BASE of F, and take it for PKG.  Return the result of reading the
   object, ESC_ELF_FOUND only if the data was taken.  */

static enum esc_elf_result
esc_object_find (esc_package *pkg, FILE *f, off_t base, off_t size,
		 const char *want)
{
  char *data;
  size_t len;
  enum esc_elf_result r = esc_elf_export (f, base, size, &data, &len);
  if (r == ESC_ELF_FOUND && !esc_take_data (pkg, data, len, want))
    r = ESC_ELF_NONE;
  return r;
}

/* Look for the export data of WANT in the members of the archive F of
   SIZE bytes, named PATH, a GNU archive or a thin one, as gccgo does
   (import-archive.cc), and take it for PKG.  Return true if it was
   found.  */

static bool
esc_archive_find (esc_package *pkg, FILE *f, off_t size, const char *path,
		  const char *want)
{
  char magic[8];
  if (!esc_read_at (f, 0, magic, 8))
    return false;
  bool thin = memcmp (magic, "!<thin>\n", 8) == 0;
  char *names = NULL;
  long names_len = 0;
  bool found = false;
  off_t off = 8;
  while (!found && off + 60 <= size)
    {
      char hdr[60];
      if (!esc_read_at (f, off, hdr, 60) || hdr[58] != '`' || hdr[59] != '\n')
	break;
      long msize = esc_parse_decimal (hdr + 48, 10);
      off_t data = off + 60;
      bool special = (hdr[0] == '/'
		      && (hdr[1] == ' ' || hdr[1] == '/'
			  || memcmp (hdr, "/SYM64/ ", 8) == 0));
      /* The members of a thin archive are not stored in it.  */
      if (msize < 0 || ((special || !thin) && msize > size - data))
	break;
      char *member = NULL;
      if (hdr[0] == '/' && hdr[1] == '/')
	{
	  /* The extended name table.  */
	  free (names);
	  names = esc_read_buffer (f, data, msize);
	  names_len = names ? msize : 0;
	}
      else if (thin && !special)
	{
	  /* The member is a file of its own, named here or in the
	     extended name table ("/OFFSET"; "/OFFSET:N" is a member of a
	     nested archive, which is not read).  */
	  if (hdr[0] != '/')
	    {
	      const char *slash = (const char *) memchr (hdr, '/', 16);
	      if (slash)
		member = xstrndup (hdr, slash - hdr);
	    }
	  else
	    {
	      char idx[16];
	      memcpy (idx, hdr + 1, 15);
	      idx[15] = '\0';
	      char *stop;
	      long x = strtol (idx, &stop, 10);
	      if (*stop == ' ' && x >= 0 && x < names_len)
		{
		  const char *nl = (const char *) memchr (names + x, '\n',
							  names_len - x);
		  if (nl && nl > names + x && nl[-1] == '/')
		    member = xstrndup (names + x, nl - 1 - (names + x));
		}
	    }
	}
      if (!special && !thin)
	found = esc_object_find (pkg, f, data, msize, want) == ESC_ELF_FOUND;
      else if (member)
	{
	  char *file;
	  const char *slash = strrchr (path, '/');
	  if (member[0] == '/' || !slash)
	    file = xstrdup (member);
	  else
	    {
	      char *dir = xstrndup (path, slash + 1 - path);
	      file = concat (dir, member, NULL);
	      free (dir);
	    }
	  FILE *mf = fopen (file, "rb");
	  struct stat st;
	  if (mf && fstat (fileno (mf), &st) == 0)
	    found = (esc_object_find (pkg, mf, 0, st.st_size, want)
		     == ESC_ELF_FOUND);
	  if (mf)
	    fclose (mf);
	  free (file);
	}
      free (member);
      off = data + ((thin && !special) ? 0 : msize);
      off += off & 1;
    }
  free (names);
  return found;
}

/* Look for the export data of WANT in the file PATH, found by the search
   of esc_find_package, as gccgo's Import::find_export_data does: an
   object, export data alone, or an archive.  Take it for PKG and return
   true if it is there.  */

static bool
esc_file_find (esc_package *pkg, const char *path, const char *want)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return false;
  bool found = false;
  struct stat st;
  char magic[8];
  if (fstat (fileno (f), &st) == 0 && st.st_size >= 8
      && esc_read_at (f, 0, magic, 8))
    {
      enum esc_elf_result r = esc_object_find (pkg, f, 0, st.st_size, want);
      if (r == ESC_ELF_FOUND)
	found = true;
      else if (r == ESC_ELF_NONE)
	found = false;
      else if (memcmp (magic, "v3;\n", 4) == 0)
	{
	  char *data = esc_read_buffer (f, 0, st.st_size);
	  found = data && esc_take_data (pkg, data, st.st_size, want);
	}
      else if (memcmp (magic, "!<arch>\n", 8) == 0
	       || memcmp (magic, "!<thin>\n", 8) == 0)
	found = esc_archive_find (pkg, f, st.st_size, path, want);
    }
  fclose (f);
  return found;
}

/* Return the file gccgo would import the package PATH from when looking
   in the directory DIR ("" for the current directory), or NULL if none of
   the names it tries exists.  The caller frees the result.  */

static char *
esc_try_directory (const char *dir, const char *path)
{
  const char *sep = (*dir && dir[strlen (dir) - 1] != '/') ? "/" : "";
  char *base = concat (dir, sep, path, NULL);
  if (esc_file_p (base))
    return base;

  const char *slash = strrchr (base, '/');
  size_t dirlen = slash ? slash + 1 - base : 0;
  char *dirpart = xstrndup (base, dirlen);
  char *cands[4];
  cands[0] = concat (base, ".gox", NULL);
  cands[1] = concat (dirpart, "lib", base + dirlen, ".so", NULL);
  cands[2] = concat (dirpart, "lib", base + dirlen, ".a", NULL);
  cands[3] = concat (base, ".o", NULL);
  char *result = NULL;
  for (int i = 0; i < 4; i++)
    {
      if (!result && esc_file_p (cands[i]))
	result = cands[i];
      else
	free (cands[i]);
    }
  free (dirpart);
  free (base);
  return result;
}

/* Find and read the export data of the package whose symbol is SYM,
   filling PKG.  */

static void
esc_find_package (esc_package *pkg, const char *sym)
{
  char *path = esc_decode_pkgsym (sym);
  if (!path)
    return;
  char *file = NULL;
  unsigned i;
  char *dir;
  FOR_EACH_VEC_ELT (esc_search_dirs, i, dir)
    if ((file = esc_try_directory (dir, path)))
      break;
  if (!file)
    file = esc_try_directory ("", path);
  /* gccgo stops at the first file it finds, export data or not.  */
  if (file && esc_file_find (pkg, file, sym))
    pkg->source = file;
  else
    free (file);
  free (path);
}

/* Return the package whose symbol is SYM, reading it the first time.  */

static esc_package *
esc_get_package (const char *sym)
{
  if (!esc_packages)
    esc_packages = new esc_package_map (16);
  esc_package **slot = esc_packages->get (sym);
  if (slot)
    return *slot;
  esc_package *pkg = XCNEW (esc_package);
  pkg->sym = xstrdup (sym);
  pkg->types = vNULL;
  pkg->imports = vNULL;
  obstack_init (&pkg->ob);
  esc_packages->put (pkg->sym, pkg);
  esc_find_package (pkg, sym);
  return pkg;
}

/* Return the Go-level leak summary of a parameter whose escape note, if
   TAGGED, is ENC (see the design comment).  */

static esc_leak
esc_leak_from_tag (bool tagged, unsigned long enc)
{
  esc_leak leak;
  memset (&leak, 0, sizeof leak);
  unsigned long kind = enc & ESC_TAG_MASK;
  if (!tagged || (kind != ESC_TAG_NONE && kind != ESC_TAG_RETURN))
    {
      /* Unknown: gccgo assigns the argument to the heap sink.  */
      leak.heap = 0;
      leak.result = 0;
      return leak;
    }
  leak.heap = (enc & ESC_TAG_CONTENT) ? 1 : ESC_LEAK_NONE;
  leak.result = ESC_LEAK_NONE;
  bool per_result = true;
  int k = 0;
  for (unsigned long e = enc >> ESC_TAG_RETURN_SHIFT; e != 0;
       e >>= ESC_TAG_BITS_PER_RESULT, k++)
    {
      int bits = e & ((1 << ESC_TAG_BITS_PER_RESULT) - 1);
      if (bits == 0)
	continue;
      if (leak.result == ESC_LEAK_NONE || bits - 1 < leak.result)
	leak.result = MIN (bits - 1, ESC_LEAK_MAX_DEREFS);
      /* A result beyond those a summary tells apart: to all of them.  */
      if (k < ESC_MAX_RESULTS)
	leak.results1[k] = bits;
      else
	per_result = false;
    }
  if (!per_result)
    memset (leak.results1, 0, sizeof leak.results1);
  return leak;
}

/* Parse the parameter at *PP of a function record, before END:
   "NAME[ <esc:0xHEX>] [...]<type N>".  Push its leak summary on LEAKS,
   set *TYPE to N and advance *PP.  Return false if it is malformed.  */

static bool
esc_parse_param (const char **pp, const char *end, vec<esc_leak> *leaks,
		 long *type)
{
  const char *p = *pp;
  const char *q = (const char *) memchr (p, ' ', end - p);
  if (!q || q == p)
    return false;
  p = q;
  bool tagged = false;
  unsigned long enc = 0;
  if ((q = esc_skip_string (p, end, " <esc:")))
    {
      const char *hex = q;
      while (q < end && (*q == 'x' || ISXDIGIT (*q)))
	q++;
      if (q >= end || *q != '>' || q - hex > 20)
	return false;
      char buf[24];
      memcpy (buf, hex, q - hex);
      buf[q - hex] = '\0';
      const char *digits = buf;
      if (digits[0] == '0' && digits[1] == 'x')
	digits += 2;
      char *stop;
      errno = 0;
      enc = strtoul (digits, &stop, 16);
      /* parse_tag: zero, or what is not a number, is unknown.  */
      tagged = *digits && !*stop && errno == 0 && enc != 0;
      p = q + 1;
    }
  if (!(p = esc_skip_string (p, end, " ")))
    return false;
  if ((q = esc_skip_string (p, end, "...")))
    p = q;
  if (!(p = esc_skip_string (p, end, "<type ")))
    return false;
  bool negative = p < end && *p == '-';
  unsigned long n;
  if (negative)
    p++;
  if (!esc_read_uint (&p, end, &n) || n > LONG_MAX
      || !(p = esc_skip_string (p, end, ">")))
    return false;
  *type = negative ? -(long) n : (long) n;
  leaks->safe_push (esc_leak_from_tag (tagged, enc));
  *pp = p;
  return true;
}

/* Return true if type TYPE of PKG is a pointer type ("type N *<type M>").
   Unknown types count as pointers.  */

static bool
esc_pointer_type_p (esc_package *pkg, long type)
{
  if (type < 0)
    return false;		/* a predeclared type */
  if ((unsigned long) type >= pkg->types.length () || type == 0)
    return true;
  const char *p = pkg->data + pkg->types[type];
  const char *end = pkg->data + pkg->len;
  unsigned long n;
  if (!(p = esc_skip_string (p, end, "type "))
      || !esc_read_uint (&p, end, &n) || !(p = esc_skip_string (p, end, " ")))
    return true;
  return *p == '*';
}

/* Decode the record of FN in PKG, once.  */

static void
esc_decode_fn (esc_package *pkg, esc_export_fn *fn)
{
  if (fn->decoded)
    return;
  fn->decoded = true;
  const char *p = pkg->data + fn->offset;
  const char *end = esc_line_end (p, pkg->data + pkg->len);
  if (!end)
    return;
  auto_vec<esc_leak> leaks;
  const char *q;
  long type;
  if ((q = esc_skip_string (p, end, "/*nointerface*/ ")))
    p = q;
  if ((q = esc_skip_string (p, end, "(")))
    {
      p = q;
      if (!esc_parse_param (&p, end, &leaks, &type)
	  || !(p = esc_skip_string (p, end, ") ")))
	return;
      fn->method = true;
      fn->value_receiver = !esc_pointer_type_p (pkg, type);
    }
  /* NAME (PARAMS)...  */
  q = (const char *) memchr (p, ' ', end - p);
  if (!q || !(p = esc_skip_string (q, end, " (")))
    return;
  if (!esc_skip_string (p, end, ")"))
    while (true)
      {
	if (!esc_parse_param (&p, end, &leaks, &type))
	  return;
	if ((q = esc_skip_string (p, end, ", ")))
	  p = q;
	else
	  break;
      }
  if (!esc_skip_string (p, end, ")"))
    return;

  fn->nparams = leaks.length ();
  fn->leaks = XOBNEWVEC (&pkg->ob, esc_leak, MAX (fn->nparams, 1));
  memcpy (fn->leaks, leaks.address (), fn->nparams * sizeof (esc_leak));
  fn->ok = true;
}

/* Return LEVEL one dereference further, clamped.  */

static signed char
esc_leak_shift (signed char level)
{
  if (level == ESC_LEAK_NONE)
    return level;
  return MIN (level + 1, ESC_LEAK_MAX_DEREFS);
}

/* Return the foreign record of the function whose symbol is SYM, reading
   first the export data of every package the unit refers to (the
   packages of its external functions and variables), or NULL.  */

static esc_foreign_fn *
esc_foreign_get (const char *sym)
{
  if (!esc_foreign_ready)
    {
      esc_foreign_ready = true;
      symtab_node *node;
      FOR_EACH_SYMBOL (node)
	{
	  if (!DECL_EXTERNAL (node->decl))
	    continue;
	  const char *s = esc_decl_symbol (node->decl);
	  const char *dot = s ? strchr (s, '.') : NULL;
	  if (!dot || dot == s)
	    continue;
	  char *pkgsym = xstrndup (s, dot - s);
	  if (!esc_own_pkgsym || strcmp (pkgsym, esc_own_pkgsym) != 0)
	    esc_get_package (pkgsym);
	  free (pkgsym);
	}
    }
  return esc_foreign ? esc_foreign->get (sym) : NULL;
}

/* Return the export record of the function whose symbol is SYM, and set
   *PKG to the package whose export data holds it; NULL if none is
   found.  */

static esc_export_fn *
esc_export_record (const char *sym, esc_package **pkg)
{
  if (!sym)
    return NULL;
  esc_init_search_path ();
  const char *dot = strchr (sym, '.');
  esc_foreign_fn *f;
  if (!dot)
    {
      /* A C function, declared in the package whose inlinable function
	 the unit compiles a copy of.  */
      f = esc_foreign_get (sym);
      *pkg = f ? f->host : NULL;
      return f ? &f->fn : NULL;
    }
  /* NAME or TYPE.METHOD; "..import", "..funcN", "..stubN" and the like
     are never in export data.  */
  if (dot == sym || !dot[1] || strstr (dot, ".."))
    return NULL;

  char *pkgsym = xstrndup (sym, dot - sym);
  bool own = esc_own_pkgsym && strcmp (pkgsym, esc_own_pkgsym) == 0;
  *pkg = own ? NULL : esc_get_package (pkgsym);
  free (pkgsym);
  if (own)
    return NULL;
  if (*pkg && (*pkg)->data && (*pkg)->fns)
    if (esc_export_fn *fn = (*pkg)->fns->get (dot + 1))
      return fn;
  /* Not in its package's export data (none installed): a foreign record
     in another package's.  */
  f = esc_foreign_get (sym);
  *pkg = f ? f->host : NULL;
  return f ? &f->fn : NULL;
}

/* Fill LEAKS[0..NPARAMS) with the leak summaries gccgo exported for the
   external function FNDECL, parameter I being its I-th GIMPLE parameter
   (the receiver first).  Return true and set *SOURCE to the file they came
   from if FNDECL's package's export data was found and names the function
   with NPARAMS parameters.  Otherwise return false, LEAKS being filled
   with fully escaping summaries.  */

bool
esc_export_leaks (tree fndecl, unsigned nparams, esc_leak *leaks,
		  const char **source)
{
  for (unsigned i = 0; i < nparams; i++)
    {
      leaks[i].heap = 0;
      leaks[i].result = 0;
      leaks[i].conservative = true;
      memset (leaks[i].results1, 0, sizeof leaks[i].results1);
    }
  if (!fndecl || TREE_CODE (fndecl) != FUNCTION_DECL)
    return false;
  esc_package *pkg;
  esc_export_fn *fn = esc_export_record (esc_decl_symbol (fndecl), &pkg);
  if (!fn)
    return false;
  esc_decode_fn (pkg, fn);
  if (!fn->ok || fn->nparams != nparams)
    return false;

  /* A value receiver passed by address (not as a void *) is one
     dereference above the Go value.  */
  bool shift = false;
  if (fn->method && fn->value_receiver)
    {
      tree args = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
      tree rtype = args ? TREE_VALUE (args) : NULL_TREE;
      shift = (rtype && POINTER_TYPE_P (rtype)
	       && !VOID_TYPE_P (TREE_TYPE (rtype)));
    }
  for (unsigned i = 0; i < nparams; i++)
    {
      leaks[i] = fn->leaks[i];
      leaks[i].conservative = false;
      if (i == 0 && shift)
	{
	  leaks[i].heap = esc_leak_shift (leaks[i].heap);
	  leaks[i].result = esc_leak_shift (leaks[i].result);
	  for (int k = 0; k < ESC_MAX_RESULTS; k++)
	    if (leaks[i].results1[k])
	      leaks[i].results1[k]
		= esc_leak_shift (leaks[i].results1[k] - 1) + 1;
	}
    }
  if (source)
    *source = pkg->source;
  return true;
}

/* Free everything cached: the packages, the search path.  */

void
esc_exports_release (void)
{
  if (esc_packages)
    {
      for (esc_package_map::iterator it = esc_packages->begin ();
	   it != esc_packages->end (); ++it)
	{
	  esc_package *pkg = (*it).second;
	  delete pkg->fns;
	  pkg->types.release ();
	  for (unsigned j = 0; j < pkg->imports.length (); j++)
	    free (pkg->imports[j]);
	  pkg->imports.release ();
	  obstack_free (&pkg->ob, NULL);
	  free (pkg->data);
	  free (pkg->source);
	  free (pkg->pkgpath);
	  free (pkg->sym);
	  free (pkg);
	}
      delete esc_packages;
      esc_packages = NULL;
    }
  if (esc_foreign)
    {
      for (esc_foreign_map::iterator it = esc_foreign->begin ();
	   it != esc_foreign->end (); ++it)
	free (const_cast<char *> ((*it).first));
      delete esc_foreign;
      esc_foreign = NULL;
    }
  esc_foreign_ready = false;
  unsigned i;
  char *dir;
  FOR_EACH_VEC_ELT (esc_search_dirs, i, dir)
    free (dir);
  esc_search_dirs.release ();
  esc_search_ready = false;
  free (esc_own_pkgsym);
  esc_own_pkgsym = NULL;
}

/* Unit tests (selftest.c).  */

/* Return true if TAG decodes (esc_leak_from_tag) to the leaks HEAP and
   RESULT.  */

static bool
esc_test_tag (bool tagged, unsigned long tag, int heap, int result)
{
  esc_leak leak = esc_leak_from_tag (tagged, tag);
  return leak.heap == heap && leak.result == result;
}

/* Return true if the escape tag TAG decodes to the per-result leaks
   R0 .. R3 (derefs + 1, or 0: esc_leak's results1).  */

static bool
esc_test_results (unsigned long tag, int r0, int r1, int r2, int r3)
{
  esc_leak leak = esc_leak_from_tag (true, tag);
  return (leak.results1[0] == r0 && leak.results1[1] == r1
	  && leak.results1[2] == r2 && leak.results1[3] == r3);
}

/* Return true if the parameter record TEXT parses (esc_parse_param) as
   OK says, and if so to the leaks HEAP and RESULT and the type TYPE.  */

static bool
esc_test_param (const char *text, bool ok, int heap, int result, long type)
{
  auto_vec<esc_leak, 1> leaks;
  const char *p = text;
  long t = 0;
  if (esc_parse_param (&p, text + strlen (text), &leaks, &t) != ok)
    return false;
  if (!ok)
    return leaks.is_empty () && p == text;
  return (leaks.length () == 1 && leaks[0].heap == heap
	  && leaks[0].result == result && t == type && *p == '\0');
}

/* Return true if the package path PATH encodes to SYM and SYM decodes
   back to PATH.  */

static bool
esc_test_pkgsym (const char *path, const char *sym)
{
  char *enc = esc_encode_string (path, strlen (path));
  char *dec = esc_decode_pkgsym (sym);
  bool ok = strcmp (enc, sym) == 0 && dec && strcmp (dec, path) == 0;
  free (enc);
  free (dec);
  return ok;
}

/* Run the tests of exports.c.  The tags are gofrontend's (escape.h):
   the low 3 bits are the kind (1 none, 2 return, 3 heap; 0 unknown), bit
   3 says the content escapes, and from bit 4 on each result has 3 bits,
   the level of the leak plus one.  */

void
esc_exports_selftests (void)
{
  esc_test_begin ("exports: escape tags decode to leak summaries");
  ESC_CHECK (esc_test_tag (true, 0x1, ESC_LEAK_NONE, ESC_LEAK_NONE));
  ESC_CHECK (esc_test_tag (true, 0x9, 1, ESC_LEAK_NONE));
  ESC_CHECK (esc_test_tag (true, 0x12, ESC_LEAK_NONE, 0));
  ESC_CHECK (esc_test_tag (true, 0x22, ESC_LEAK_NONE, 1));
  ESC_CHECK (esc_test_tag (true, 0x1a, 1, 0));
  /* Two results, at levels 0 and 3: the least counts; the second
     alone.  */
  ESC_CHECK (esc_test_tag (true, 0x212, ESC_LEAK_NONE, 0));
  ESC_CHECK (esc_test_tag (true, 0x202, ESC_LEAK_NONE, 3));
  /* Heap, unknown and untagged: the argument escapes.  */
  ESC_CHECK (esc_test_tag (true, 0x3, 0, 0));
  ESC_CHECK (esc_test_tag (true, 0x0, 0, 0));
  ESC_CHECK (esc_test_tag (false, 0x1, 0, 0));
  esc_test_end ();

  esc_test_begin ("exports: escape tags tell the results apart");
  /* strconv.Unquote's s: to the first result only, not to its error.  */
  ESC_CHECK (esc_test_results (0x12, 1, 0, 0, 0));
  ESC_CHECK (esc_test_results (0x82, 0, 1, 0, 0));
  /* strconv.UnquoteChar's s: to its third result, tail.  */
  ESC_CHECK (esc_test_results (0x402, 0, 0, 1, 0));
  ESC_CHECK (esc_test_results (0x212, 1, 4, 0, 0));
  ESC_CHECK (esc_test_results (0x1, 0, 0, 0, 0));
  /* To the fifth result: more than a summary tells apart, so all.  */
  ESC_CHECK (esc_test_results (0x10012, 0, 0, 0, 0));
  esc_test_end ();

  esc_test_begin ("exports: parameter records parse");
  ESC_CHECK (esc_test_param ("p <esc:0x12> <type 5>", true, ESC_LEAK_NONE,
			     0, 5));
  ESC_CHECK (esc_test_param ("p <esc:0x1> ...<type -3>", true,
			     ESC_LEAK_NONE, ESC_LEAK_NONE, -3));
  ESC_CHECK (esc_test_param ("p <type 7>", true, 0, 0, 7));
  ESC_CHECK (esc_test_param ("p <esc:0> <type 7>", true, 0, 0, 7));
  ESC_CHECK (esc_test_param ("p <esc:0xzz> <type 1>", false, 0, 0, 0));
  ESC_CHECK (esc_test_param ("p <esc:0x1>", false, 0, 0, 0));
  ESC_CHECK (esc_test_param ("p", false, 0, 0, 0));
  esc_test_end ();

  esc_test_begin ("exports: package paths encode and decode as gccgo's");
  ESC_CHECK (esc_test_pkgsym ("github.com/google/go-cmp/cmp",
			      "github_0com_1google_1go_x2dcmp_1cmp"));
  ESC_CHECK (esc_test_pkgsym ("a_b c;d", "a__b_bc_cd"));
  ESC_CHECK (esc_test_pkgsym ("9p", "_x39p"));
  ESC_CHECK (esc_test_pkgsym ("caf\xc3\xa9", "caf_u00e9"));
  ESC_CHECK (esc_decode_pkgsym ("a_z") == NULL);
  ESC_CHECK (esc_decode_pkgsym ("a_x00") == NULL);
  ESC_CHECK (esc_decode_pkgsym ("a_x4") == NULL);
  ESC_CHECK (esc_decode_pkgsym ("") == NULL);
  esc_test_end ();

  esc_test_begin ("exports: decimal fields of the export data");
  ESC_CHECK (esc_parse_decimal ("123", 3) == 123);
  ESC_CHECK (esc_parse_decimal ("12  ", 4) == 12);
  ESC_CHECK (esc_parse_decimal ("12", 1) == 1);
  ESC_CHECK (esc_parse_decimal ("", 0) == -1);
  ESC_CHECK (esc_parse_decimal (" 1", 2) == -1);
  ESC_CHECK (esc_parse_decimal ("1a", 2) == -1);
  ESC_CHECK (esc_parse_decimal ("99999999999999999999", 20) == -1);
  esc_test_end ();
}
