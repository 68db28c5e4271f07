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

func Param(a int) *int { // { dg-message "moved to heap: a" }
	return &a
}

func ParamGlobal(a int) { // { dg-message "moved to heap: a" }
	G = &a
}

func TwoEsc(a, b int) (*int, *int) { // { dg-message "moved to heap: a" }
	// { dg-message "moved to heap: b" "" { target *-*-* } 46 }
	return &a, &b
}

func OneOfTwoEsc(a, b int) int { // { dg-message "moved to heap: a" }
	// { dg-message "b does not escape" "" { target *-*-* } 51 }
	G = &a
	return use(&b)
}

// A parameter captured by reference in an escaping closure moves to the heap.
func CapturedEsc(a int) func() int { // { dg-message "moved to heap: a" }
	return func() int { a++; return a } // { dg-message "func literal escapes to heap" }
}

func CapturedNoEsc(a int) int { // { dg-message "a does not escape" }
	f := func() { a++ } // { dg-message "func literal does not escape(?!: static)" }
	f()
	return a
}

// A value receiver: the note is at the func keyword.
func (t T) Recv() *int { // { dg-message "moved to heap: t" }
	return &t.X
}

func (t T) RecvNoEsc() int { // { dg-message "t does not escape" }
	return use(&t.X)
}
