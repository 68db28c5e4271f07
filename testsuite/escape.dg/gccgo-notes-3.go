// With -fgo-debug-escape1 and the plugin's notes on, gccgo's own notes are
// not doubled (gccgo_notes=auto): only the plugin's reach the user, and
// unrelated notes of gccgo (leaking params) are dropped with them.
// { dg-options "-fgo-debug-escape1" }
package p

type S struct{ A int }

func Esc() *S {
	return new(S) // { dg-message "new\\(S\\) escapes to heap" }
}

func Leak(s *S) *S {
	return s
}
