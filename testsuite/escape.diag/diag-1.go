// Input of the diagnostics-format and summary tests: 2 heap sites (new,
// make-map), 1 stack site (new), 1 static site (box).
package p

type S struct{ A int }

var GI interface{}

//go:noinline
func keep(s *S) int { return s.A }

func Esc() *S {
	return new(S)
}

func NoEsc() int {
	return keep(new(S))
}

func Map() map[int]int {
	return make(map[int]int)
}

func Const() {
	GI = 7
}
