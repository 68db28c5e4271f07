// Func literals: heap closures, stack closures, and capture-less static ones.
package p

var GF func() int

//go:noinline
func call(f func() int) int { return f() }

//go:noinline
func callEsc(f func() int) { GF = f }

func Returned(a int) func() int {
	b := a // { dg-message "moved to heap: b" }
	return func() int { return b } // { dg-message "func literal escapes to heap" }
}

func RefCapture() func() int {
	x := 0                              // { dg-message "moved to heap: x" }
	return func() int { x++; return x } // { dg-message "func literal escapes to heap" }
}

func Stored(a int) {
	b := a                           // { dg-message "moved to heap: b" }
	GF = func() int { return b + 1 } // { dg-message "func literal escapes to heap" }
}

func PassedEsc(a int) {
	b := a                               // { dg-message "moved to heap: b" }
	callEsc(func() int { return b + 4 }) // { dg-message "func literal escapes to heap" }
}

func LocalCall(a int) int { // { dg-message "a does not escape" }
	f := func() int { return a * 2 } // { dg-message "func literal does not escape(?!: static)" }
	return f()
}

func LocalRefCapture() int {
	x := 1                 // { dg-message "x does not escape" }
	f := func() { x += 2 } // { dg-message "func literal does not escape(?!: static)" }
	f()
	return x
}

func PassedNoEsc(a int) int { // { dg-message "a does not escape" }
	return call(func() int { return a + 3 }) // { dg-message "func literal does not escape(?!: static)" }
}

func NoCapture() func() int {
	return func() int { return 42 } // { dg-message "func literal does not escape: static data" }
}

func NoCaptureStored() {
	GF = func() int { return 7 } // { dg-message "func literal does not escape: static data" }
}

func FuncValue() func(func() int) int {
	return call
}
