// With -fno-go-optimize-allocs gccgo's escape analysis is off: everything
// it would have kept on the stack goes to the heap, and the reason says so.
// { dg-options "-fno-go-optimize-allocs" }
package p

type S struct{ A int }

//go:noinline
func keep(s *S) int { return s.A }

func NoEsc() int {
	s := new(S) // { dg-message "new\\(S\\) escapes to heap: escape analysis disabled" }
	return keep(s)
}

func Local() int {
	x := 1 // { dg-message "x escapes to heap: escape analysis disabled" }
	p := &x
	return *p
}

// The plugin's verdict, where it differs from gccgo's decision.
// { dg-message "new\\(S\\): the plugin found no escape; gccgo heap-allocates it \\(analysis-disabled\\)" "" { target *-*-* } 12 }
// { dg-message "x: the plugin found no escape; gccgo heap-allocates it \\(analysis-disabled\\)" "" { target *-*-* } 17 }
