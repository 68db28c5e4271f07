// escape-diff input, version 1.
package p

type S struct{ A int }

var G *S

//go:noinline
func keep(s *S) int { return s.A }

func A() int {
	s := new(S)
	return keep(s)
}

func B() *S {
	return new(S)
}

func C() int {
	x := 1
	return keep(&S{x})
}
