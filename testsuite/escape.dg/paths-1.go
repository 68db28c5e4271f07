// The paths option: every heap verdict's flow path, gc -m=2 style.
// { dg-options "-fplugin-arg-escape-paths" }
package p

var G *int

func Returned() *int {
	x := 1 // { dg-message "moved to heap: x" }
	return &x
}

func Global() {
	y := 2 // { dg-message "moved to heap: y" }
	p := &y
	G = p
}

func Local() int {
	z := 3
	return z
}

// The flow paths, one note per line at the site.
// { dg-message "  flow: ~r0 = &x:" "" { target *-*-* } 8 }
// { dg-message "    from new at paths-1\\.go:8:2" "" { target *-*-* } 8 }
// { dg-message "    from assign at paths-1\\.go:8:2" "" { target *-*-* } 8 }
// { dg-message "    from assign at paths-1\\.go:9:2" "" { target *-*-* } 8 }
// { dg-message "    from return at paths-1\\.go:9:2" "" { target *-*-* } 8 }
// { dg-message "  flow: p = &y:" "" { target *-*-* } 13 }
// { dg-message "    from new at paths-1\\.go:13:2" "" { target *-*-* } 13 }
// { dg-message "    from assign at paths-1\\.go:13:2" "" { target *-*-* } 13 }
// { dg-message "    from assign at paths-1\\.go:14:2" "" { target *-*-* } 13 }
// { dg-message "  flow: \\{heap\\} = p:" "" { target *-*-* } 13 }
// { dg-message "    from assign at paths-1\\.go:15:4" "" { target *-*-* } 13 }
// { dg-message "    from store at paths-1\\.go:15:4" "" { target *-*-* } 13 }

// Several returns: gccgo jumps from each to one return statement, which has
// no position of its own; the path gives the function's.
func TwoReturns(n int) *int {
	v := n // { dg-message "moved to heap: v" }
	if n > 3 {
		return nil
	}
	return &v
}
// { dg-message "  flow: ~r0 = &v:" "" { target *-*-* } 40 }
// { dg-message "    from new at paths-1\\.go:40:2" "" { target *-*-* } 40 }
// { dg-message "    from assign at paths-1\\.go:40:2" "" { target *-*-* } 40 }
// { dg-message "    from assign at paths-1\\.go:44:2" "" { target *-*-* } 40 }
// { dg-message "    from return at paths-1\\.go:39:1" "" { target *-*-* } 40 }

// A function with a defer merges its results with a PHI whose arguments
// have no position; the step has the position of the value's definition
// (here the first return's, where d is read).
type C struct {
	done interface{}
}

func (c *C) Done() chan int {
	d := c.done
	if d != nil {
		return d.(chan int)
	}
	defer func() {}() // { dg-message "defer record does not escape" }
	d = make(chan int) // { dg-message "make\\(chan int\\) escapes to heap" }
	c.done = d
	return d.(chan int)
}
// { dg-message "  flow: d = &\\{storage for make\\(chan int\\)\\}:" "" { target *-*-* } 65 }
// { dg-message "    from make at paths-1\\.go:65:6" "" { target *-*-* } 65 }
// { dg-message "    from assign at paths-1\\.go:65:6" "" { target *-*-* } 65 }
// { dg-message "    from assign at paths-1\\.go:65:4" "" { target *-*-* } 65 }
// { dg-message "  flow: ~r0 = d:" "" { target *-*-* } 65 }
// Both steps are at 62:3 (one expectation takes both notes); before,
// the second was "?:0:0", which the excess check would report.
// { dg-message "    from assign at paths-1\\.go:62:3" "" { target *-*-* } 65 }
// { dg-message "    from return at paths-1\\.go:59:1" "" { target *-*-* } 65 }
