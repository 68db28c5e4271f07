// go statements: the heap argument block, and the cases that need none.
package p

var GN int

//go:noinline
func work2(p *int) { GN += *p }

// With exactly one pointer argument gccgo passes the pointer to __go_go
// itself: no argument block, only the variable moves to the heap.
func GoPtrArg() {
	v := 3 // { dg-message "moved to heap: v" }
	go work2(&v)
}

func GoPtrParam(p *int) {
	go work2(p)
}

// A func literal without captures is passed directly.
func GoNoCaptures() {
	go func() { GN = 0 }()
}

//go:noinline
func work(a int) { GN += a }

//go:noinline
func work3(a, b int) { GN += a + b }

func GoArg(a int) {
	go work(a) // { dg-message "go statement argument block escapes to heap" }
}

func GoTwoArgs(a int) {
	go work3(a, 2) // { dg-message "go statement argument block escapes to heap" }
}

// A func literal with captures: the closure and the argument block.
func GoCaptures(a int) { // { dg-message "moved to heap: a" }
	go func() { GN = a }() // { dg-message "go statement argument block escapes to heap" }
	// { dg-message "func literal escapes to heap" "" { target *-*-* } 41 }
}

func GoCapturesRef() int {
	x := 0              // { dg-message "moved to heap: x" }
	go func() { x++ }() // { dg-message "go statement argument block escapes to heap" }
	// { dg-message "func literal escapes to heap" "" { target *-*-* } 47 }
	return x
}
