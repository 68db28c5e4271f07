// escape-diff input, version 2: lines moved by this comment and by a new
// declaration above A, A's object now escapes (a regression), C is gone and
// D is new.
package p

type S struct{ A int }

var G *S

var Unrelated = 42

//go:noinline
func keep(s *S) int { return s.A }

func A() int {
	s := new(S)
	G = s
	return keep(s)
}

func B() *S {
	return new(S)
}

func D() []int {
	return make([]int, Unrelated)
}
