// defer: the defer record is on the stack, the argument block of a defer in a loop on the heap.
package p

var GN int

//go:noinline
func work(a int) { GN += a }

//go:noinline
func work2(p *int) { GN += *p }

func DeferCall(a int) {
	defer work(a) // { dg-message "defer record does not escape" }
	GN++
}

func DeferNoArgs() {
	defer func() { GN = 0 }() // { dg-message "defer record does not escape" }
}

func DeferClosure(a int) int {
	x := a                         // { dg-message "x does not escape" }
	defer func() { x++; GN = x }() // { dg-message "defer record does not escape" }
	// { dg-message "func literal does not escape(?!: static)" "" { target *-*-* } 23 }
	return x
}

func DeferPtrArg() {
	v := 3          // { dg-message "v does not escape" }
	defer work2(&v) // { dg-message "defer record does not escape" }
}

func DeferTwo(a int) {
	defer work(a)     // { dg-message "defer record does not escape" }
	defer work(a + 1) // { dg-message "defer record does not escape" }
}

func DeferInLoop(n int) {
	for i := 0; i < n; i++ {
		defer work(i) // { dg-message "defer argument block escapes to heap: defer in a loop" }
	}
}

func DeferClosureInLoop(n int) {
	for i := 0; i < n; i++ { // { dg-message "moved to heap: i" }
		defer func() { GN += i }() // { dg-message "defer argument block escapes to heap: defer in a loop" }
		// { dg-message "func literal escapes to heap" "" { target *-*-* } 46 }
	}
}

func DeferPtrInLoop(p *int) {
	for *p > 0 {
		*p--
		defer work2(p) // { dg-message "defer argument block escapes to heap: defer in a loop" }
	}
}
