// -fplugin-arg-escape-notes=heap reports heap sites only.
// { dg-options "-fplugin-arg-escape-notes=heap" }
package p

type S struct{ A int }

//go:noinline
func keep(s *S) int { return s.A }

func Esc() *S {
	return new(S) // { dg-message "new\\(S\\) escapes to heap" }
}

func NoEsc() int {
	return keep(new(S))
}
