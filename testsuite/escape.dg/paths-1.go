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
