// Parameters and results whose address is taken: kept on the stack, or moved to heap.
package p

var G *int

//go:noinline
func use(p *int) int { return *p }

func NoEsc(a int) int { // { dg-message "a does not escape" }
	return use(&a)
}

func TwoNoEsc(a, b int) int { // { dg-message "a does not escape" }
	// { dg-message "b does not escape" "" { target *-*-* } 13 }
	return use(&a) + use(&b)
}

type T struct{ X int }

func FieldNoEsc(t T) int { // { dg-message "t does not escape" }
	return use(&t.X)
}

func NoAddr(a int) int {
	return a + 1
}

func NamedResultEsc(a int) (r int) { // { dg-message "moved to heap: r" }
	G = &r
	return a
}

func NamedResultNoEsc(a int) (r int) { // { dg-message "r does not escape" }
	r = a
	return use(&r)
}
