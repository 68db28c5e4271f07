// With -fgo-debug-escape1 and notes=none, gccgo's notes reach the user as
// without the plugin, unchanged (gccgo_notes=auto).
// { dg-options "-fgo-debug-escape1 -fplugin-arg-escape-notes=none" }
package p

type S struct{ A int }

//go:noinline
func keep(s *S) int { return s.A } // { dg-message "keep s does not escape" }

func Esc() *S {
	return new(S) // { dg-message "new\\(\\) escapes to heap" }
}

func NoEsc() int {
	return keep(new(S)) // { dg-message "NoEsc new\\(\\) does not escape" }
}

func Leak(s *S) *S { // { dg-message "leaking param: s to result \\\$ret3 level=0" }
	return s
}
