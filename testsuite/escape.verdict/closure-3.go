// A closure called through a func value: its results go to the calls
// whose func value points to its record while no other code can reach
// the record (not passed to a callee, not stored in the heap, not
// returned); then gccgo's heap cell for a captured variable is a missed
// stack allocation.  Otherwise the results go to the heap.
package p

var sink *int
var sinkf func() *int

func call(f func() *int) { sink = f() }

func Local() int {
	y := 1 // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return *f()
}

func Passed() {
	y := 2 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	call(f)
}

func Stored() {
	y := 3 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	sinkf = f
}

func Returned() func() *int {
	y := 4 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	return f
}

func Kept() *int {
	y := 5 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f()
}

func Sunk() {
	y := 6 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	sink = f()
}

func Go() {
	y := 7 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	go f() // JSON: kind=go-args gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

func Deferred() {
	y := 8 // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	defer f() // JSON: kind=defer-args gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

func Chosen(c bool) int {
	y, z := 9, 10 // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	if c {
		f = func() *int { return &z } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	}
	return *f()
}

func ChosenSunk(c bool) {
	y, z := 11, 12 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	if c {
		f = func() *int { return &z } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	}
	sink = f()
}

type holder struct{ fn func() *int }

func Field() int {
	y := 13 // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	h := holder{fn: func() *int { return &y }} // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return *h.fn()
}

func Copied() {
	y := 14 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	g := f
	sink = g()
}

func Across() int {
	var prev *int
	s := 0
	for i := 0; i < 3; i++ {
		y := i // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=loop class=both-heap
		f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
		if prev != nil {
			s += *prev
		}
		prev = f()
	}
	return s
}

func Within() int {
	s := 0
	for i := 0; i < 3; i++ {
		y := i // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
		f := func() *int { return &y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
		s += *f()
	}
	return s
}

// Records on lines that have one already:
// JSON@62: kind=var name=z gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
// JSON@71: kind=var name=z gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
// PARAM@11: name=f leak_heap=null leak_result=null
