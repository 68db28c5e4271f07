// -fplugin-arg-escape-notes=stack reports stack and static sites only.
// { dg-options "-fplugin-arg-escape-notes=stack" }
package p

type S struct{ A int }

var GI interface{}

//go:noinline
func keep(s *S) int { return s.A }

func Esc() *S {
	return new(S)
}

func NoEsc() int {
	return keep(new(S)) // { dg-message "new\\(S\\) does not escape" }
}

func Const() {
	GI = 7 // { dg-message "conversion of int to interface does not escape: static data" }
}
