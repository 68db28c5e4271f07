// Input of the dump tests.
package p

type S struct{ A int }

//go:noinline
func keep(s *S) int { return s.A }

func Other() int { return 1 }

func Esc() *S {
	return new(S)
}

func NoEsc() int {
	s := new(S)
	return keep(s)
}
