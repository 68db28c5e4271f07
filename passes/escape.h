/* escape.so: shared declarations of the escape plugin's passes.

   The plugin is organised as a pipeline over one record, the allocation
   site (struct esc_site):

     sites.c    finds every allocation site in a function's GIMPLE and
                gccgo's decision for it (heap, stack, static);
     runtime.c  the table of Go runtime entry points the other files
                recognise by name;
     gonames.c  Go spellings of functions and types, recovered from
                assembler names, type descriptors and GCC types;
     gccnotes.c captures gccgo's own escape notes (-fgo-debug-escape1)
                and attaches each to its site as gccgo's reason;
     report.c   orders the sites and writes them out: compiler notes,
                JSON Lines, the summary;
     dump.c     the annotated pass dump;
     pass.c     the IPA pass that drives the above;
     selftest.c runs the unit tests that end each file
                (-fplugin-arg-escape-selftest).

   Later analyses extend struct esc_site; they must not change the
   meaning of the fields below (README, JSON LINES).  */

#ifndef ESCAPE_H
#define ESCAPE_H

/* gccgo's size rules (gofrontend/escape.cc, Node::is_big; gc's are
   alike): new(T) and constant-length makes (counted in elements) stay on
   the stack only below 64 Ki; any struct or array value up to 10 MiB.  */
#define ESC_MAX_IMPLICIT_STACK_SIZE 65536
#define ESC_MAX_STACK_VAR_SIZE (10 * 1024 * 1024)

/* Results told apart in leak summaries (gc: numEscResults, 7).  */
#define ESC_MAX_RESULTS 4

/* Kinds of allocation site.  Keep in sync with esc_kind_name.  */
enum esc_kind
{
  ESC_KIND_VAR,			/* a variable moved to the heap, or
				   an address-taken local kept on the stack */
  ESC_KIND_PARAM,		/* the same for a parameter */
  ESC_KIND_NEW,			/* new(T) */
  ESC_KIND_COMPOSITE_LITERAL,	/* &T{...} */
  ESC_KIND_CLOSURE,		/* func literal */
  ESC_KIND_METHOD_VALUE,	/* x.M as a func value */
  ESC_KIND_BOX,			/* conversion to interface */
  ESC_KIND_MAKE_SLICE,		/* make([]T, ...) */
  ESC_KIND_SLICE_LITERAL,	/* []T{...}, variadic ... slices */
  ESC_KIND_APPEND,		/* append growth (runtime.growslice) */
  ESC_KIND_MAKE_MAP,		/* make(map[K]V[, n]) */
  ESC_KIND_MAP_LITERAL,		/* map[K]V{...} */
  ESC_KIND_MAKE_CHAN,		/* make(chan T[, n]) */
  ESC_KIND_STRING_CONV,		/* string(b), []byte(s), []rune(s) ... */
  ESC_KIND_CONCAT,		/* a + b on strings */
  ESC_KIND_GO_ARGS,		/* argument block of a go statement */
  ESC_KIND_DEFER_ARGS,		/* defer record or argument block */
  ESC_KIND_LAST
};

/* gccgo's decision, as materialised in GIMPLE.  */
enum esc_decision
{
  ESC_HEAP,
  ESC_STACK,
  ESC_STATIC,
  ESC_DECISION_LAST
};

/* Size of a make([]T, ...): constant, variable, or not a make.  */
enum esc_size
{
  ESC_SIZE_NA,
  ESC_SIZE_CONST,
  ESC_SIZE_VAR
};

/* One allocation site.  Strings are owned by the record (xstrdup'd) unless
   noted; trees and statements are only valid from the early pass to the
   end of the IPA pass (pass.c), which no pass between them changes.  */
struct esc_site
{
  location_t loc;		/* Go source position (locus only) */
  const char *file;		/* from expand_location; not owned */
  int line, col;		/* 1-based, byte columns */
  int alt_line, alt_col;	/* a second position gccgo may note it at
				   (the first &x of a variable), or 0 */
  char *function;		/* enclosing function, Go spelling */
  int function_line;		/* line of the function's declaration */
  enum esc_kind kind;
  enum esc_decision gccgo;
  enum esc_size size;
  long length, capacity;	/* constant make length and capacity,
				   or -1 */
  long bytes;			/* size of the object in bytes, or -1 */
  long elem_bytes;		/* make-slice: size of an element, or -1:
				   a non-constant make needs N times this
				   on the stack */
  char *type;			/* Go type allocated, or NULL */
  char *name;			/* variable name for var/param, or NULL */
  const char *runtime;		/* allocating runtime call, or NULL; static */
  const char *reason;		/* gccgo's reason (a fixed vocabulary); static */
  char *note;			/* gccgo's note, normalised, or NULL */
  gimple *stmt;			/* the allocating statement */
  tree decl;			/* stack sites: the local holding the
				   object, or NULL */
  unsigned seq;			/* its rank among its function's sites, in
				   statement order: the report order's last
				   key */

  /* The recomputed analysis (analyse.c, solve.c).  */
  enum esc_decision verdict;	/* heap, stack or static */
  bool analysed;		/* the analysis reached a verdict */
  bool escapes;			/* its address outlives it */
  bool conservative;		/* the escape went through something the
				   analysis does not understand */
  const char *verdict_reason;	/* a fixed vocabulary (README); static */
  char *path_text;		/* the escape's flow path, gc -m=2 style
				   lines, or NULL */
  char *path_json;		/* the same as a JSON array, or NULL */
};

/* The comparison of gccgo's decision with the plugin's verdict.  */
enum esc_class
{
  ESC_CLASS_BOTH_HEAP,
  ESC_CLASS_BOTH_STACK,
  ESC_CLASS_MISSED_STACK,	/* gccgo heap, but no escape found */
  ESC_CLASS_UNSAFE_STACK,	/* gccgo stack, but an escape found */
  ESC_CLASS_STACK_TOO_LARGE,	/* gccgo stack, no escape, but gc's size
				   rules put it on the heap */
  ESC_CLASS_STATIC,
  ESC_CLASS_NONE		/* not analysed */
};

/* The functions of the unit: each one's sites are SITES[FIRST..LAST),
   once FOUND (analyse.c finds them just before the function's graph is
   built).  */
struct esc_fn_range
{
  cgraph_node *node;
  unsigned first, last;
  int line;
  bool found;			/* its sites are found (analyse.c) */
  unsigned long statements;	/* its statements and PHIs, once found */
};

/* A parameter's leak summary, as reported.  */
struct esc_param
{
  location_t loc;
  const char *file;		/* not owned */
  int line, col;
  char *function;
  char *name;
  int index;			/* GIMPLE parameter index */
  signed char heap, result;	/* as in struct esc_leak */
  unsigned char results1[ESC_MAX_RESULTS];	/* likewise */
  int nresults;			/* the function's results */
};

/* The plugin's options (plugin.c fills them in).  */
enum esc_notes_mode
{
  ESC_NOTES_ALL,
  ESC_NOTES_HEAP,
  ESC_NOTES_STACK,
  ESC_NOTES_NONE
};

struct esc_options
{
  enum esc_notes_mode notes;	/* which sites become compiler notes */
  const char *json;		/* JSON Lines output file, or NULL */
  bool summary;			/* print a per-kind summary */
  bool stats;			/* print the pass's statistics */
  bool analysis_off;		/* -fno-go-optimize-allocs */
  bool paths;			/* notes show the flow paths */
  bool params;			/* notes give parameter summaries */
  bool selftest;		/* run the unit tests first */
};

extern struct esc_options esc_opts;

/* A parameter's leak summary, after gc's leaks.go: the least number of
   dereferences with which the value passed for the parameter reaches the
   heap, and reaches the function's results; ESC_LEAK_NONE where it does
   not.  "leaking param: p" is heap == 0, "leaking param content: p" is
   heap >= 1, "leaking param: p to result ~r0 level=0" is result == 0.
   Deref counts above ESC_LEAK_MAX_DEREFS are clamped to it, which errs
   towards escaping.  */
#define ESC_LEAK_NONE (-1)
#define ESC_LEAK_MAX_DEREFS 7

struct esc_leak
{
  signed char heap;
  signed char result;		/* to any result */
  bool conservative;		/* the leak went through something the
				   analysis does not understand */
  unsigned char results1[ESC_MAX_RESULTS];	/* to the K-th result of a
						   function with several:
						   derefs + 1, or 0 */
};

/* exports.c */
bool esc_export_leaks (tree fndecl, unsigned nparams, esc_leak *leaks,
		       const char **source);
void esc_exports_release (void);

/* runtime.c */
enum esc_rt_role
{
  ESC_RT_ALLOC,			/* returns a new heap object */
  ESC_RT_BUFFERED,		/* allocates unless arg 0 is a stack buffer */
  ESC_RT_STACK_DEFER,		/* deferprocStack: stack defer record */
  ESC_RT_GO,			/* __go_go: heap argument block consumer */
  ESC_RT_DEFER			/* deferproc: heap argument block consumer */
};

struct esc_runtime_fn
{
  const char *name;		/* DECL_NAME of the callee */
  enum esc_rt_role role;
  enum esc_kind kind;		/* the site kind, for allocating calls */
  const char *what;		/* gc-style expression for notes */
  const char *type;		/* Go type of the result, if fixed */
};

/* What a runtime entry point does to the values passed to it, for the
   recomputed analysis (runtime.c, esc_runtime_effects).  An entry point
   may have several effects; one not in the table is treated as unknown:
   its arguments escape, and that is counted.  */
enum esc_rt_effect
{
  ESC_FX_NONE,			/* reads its arguments only */
  ESC_FX_ALLOC,			/* returns a new object; its contents are
				   *ARG A (DEREFS 1) if A >= 0 */
  ESC_FX_BUFFERED,		/* returns a new string or slice, in the
				   buffer ARG 0 unless that is 0B */
  ESC_FX_STORE,			/* *ARG A = ARG B, DEREFS applied to B */
  ESC_FX_HEAP,			/* ARG A, DEREFS applied, to the heap */
  ESC_FX_RESULT,		/* the result is ARG A, DEREFS applied */
  ESC_FX_RESULT_HEAP,		/* the result points into the heap */
  ESC_FX_WRITES,		/* writes heap values into *ARG A */
  ESC_FX_STACK_DEFER		/* calls ARG 2 (a thunk) with ARG 3 before
				   the caller returns */
};

struct esc_runtime_effect
{
  const char *name;		/* DECL_NAME of the callee */
  enum esc_rt_effect effect;
  int a, b;			/* argument indexes */
  int derefs;
  const char *why;		/* the flow's reason in paths */
};

const struct esc_runtime_effect *esc_runtime_effects (tree fndecl,
						      unsigned *n);
bool esc_runtime_name_p (tree fndecl);
const struct esc_runtime_fn *esc_runtime_lookup (tree fndecl);
const struct esc_runtime_fn *esc_runtime_by_name (const char *name);
bool esc_runtime_call_p (const gimple *stmt);

/* gonames.c */
char *esc_go_function_name (tree fndecl);
const char *esc_decl_symbol (tree decl);
char *esc_go_type_from_descriptor (tree arg);
long esc_descriptor_size (tree arg);
void esc_grow_utf8 (obstack *ob, unsigned long cp);
bool esc_decode_id (obstack *ob, const char *s, size_t len, bool raw);
bool esc_go_noescape_p (tree fndecl);
char *esc_go_type_from_tree (tree type);
const char *esc_source_token (location_t loc);
void esc_source_release (void);

/* sites.c */
unsigned long esc_find_sites (function *fun, vec<esc_site> *sites,
			      void (*also) (gimple *));
const char *esc_kind_name (enum esc_kind);
enum esc_kind esc_func_record_kind (tree type);
const char *esc_decision_name (enum esc_decision);

/* gccnotes.c */
void esc_notes_install (bool pass_through);
void esc_notes_attach (vec<esc_site> *sites);
void esc_notes_release (void);

/* analyse.c */
void esc_unit_begin (vec<esc_site> *sites, vec<esc_fn_range> *ranges,
		     vec<esc_param> *params, bool early);
bool esc_unit_begun_p (void);
void esc_unit_built (cgraph_node *node);
void esc_unit_finish (void);
enum esc_class esc_site_class (const esc_site *site);
void esc_analysis_counts (unsigned *edges, unsigned *calls,
			  unsigned *analyses);
long esc_sites_usec (void);
unsigned esc_early_analyses (void);
const char *esc_class_name (enum esc_class cls);

/* report.c */
void esc_sort_sites (vec<esc_site> *sites);
void esc_sort_params (vec<esc_param> *params);
void esc_report_notes (vec<esc_site> *sites, vec<esc_param> *params);
bool esc_json_check_writable (const char *path);
void esc_report_json (vec<esc_site> *sites, vec<esc_param> *params);
void esc_report_summary (vec<esc_site> *sites, FILE *out);
char *esc_site_description (const esc_site *site);

/* dump.c */
void esc_dump_function (function *fun, vec<esc_site> *sites,
			unsigned first, unsigned last);

/* pass.c */
opt_pass *make_pass_escape (gcc::context *ctxt);
opt_pass *make_pass_escape_early (gcc::context *ctxt);
void esc_ggc_mark (void *gcc_data, void *user_data);
long esc_cpu_usec (void);

/* selftest.c: unit tests (-fplugin-arg-escape-selftest); each file's
   are at its end.  */
void esc_test_begin (const char *name);
void esc_test_check (bool ok, const char *expr, const char *file, int line);
void esc_test_end (void);
#define ESC_CHECK(EXPR) esc_test_check ((EXPR), #EXPR, __FILE__, __LINE__)
bool esc_run_selftests (void);
void esc_graph_selftests (void);
void esc_exports_selftests (void);
void esc_gonames_selftests (void);
void esc_runtime_selftests (void);
void esc_report_selftests (void);

#endif /* ESCAPE_H */
