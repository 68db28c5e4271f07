// lsp-1.go: escape-lsp's diagnostics against gc's -json=0 output.  The
// comment "lsp: WORDS" says what gc and escape-lsp report on its line:
//   same     escape diagnostics: equal codes, messages and first flow step
//   escape   escape diagnostics with equal codes
//   gc       escape diagnostics from gc only (gccgo's static data)
//   gccgo    escape diagnostics with --decision=gccgo only (gccgo's map)
//   leak     leak diagnostics: equal messages and columns
//   gc-leak  a leak from gc only (gc logs one for a parameter it moves to
//            the heap; the records have none for non-pointer parameters)
// A line without the comment has neither escape nor leak diagnostics.
package p

type T struct{ a, b int }

var sink interface{}
var global *int

func NewT(a, b int) *T {
	return &T{a, b} // lsp: same
}

func New() *T {
	return new(T) // lsp: same
}

func Local(a int) int {
	t := &T{a, a}
	return t.a + t.b
}

func Moved() *int {
	x := 1 // lsp: same
	return &x
}

func Param(v int) *int { // lsp: same gc-leak
	return &v
}

func Store(p *int) { // lsp: leak
	global = p
}

func Ident(p *int) *int { // lsp: leak
	return p
}

func Make(n int) int {
	b := make([]byte, n) // lsp: escape
	return len(b)
}

func Lit() []int {
	return []int{1, 2} // lsp: same
}

func Counter() func() int {
	c := 0                              // lsp: same
	return func() int { c++; return c } // lsp: same
}

func Index(words []string) int { // lsp: leak
	m := make(map[string]int) // lsp: gccgo
	for i, w := range words {
		m[w] = i
	}
	return len(m)
}

func Box(n int) {
	sink = n // lsp: escape
}

func Const() {
	sink = "constant" // lsp: gc
}
