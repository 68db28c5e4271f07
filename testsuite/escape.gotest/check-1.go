// Two expectations gccgo and the plugin both contradict (lines 14 and 23),
// two they both meet: input for errorcheck.exp, which checks
// tools/escape-errorcheck itself.
package p

var sink *int

func Heap() {
	x := 0 // ERROR "moved to heap: x$"
	sink = &x
}

func Stack() int {
	y := 0 // ERROR "moved to heap: y$"
	p := &y
	return *p
}

func Leak(p *int) { // ERROR "leaking param: p$"
	sink = p
}

func Keep(q *int) int { // ERROR "leaking param: q$"
	return *q
}
