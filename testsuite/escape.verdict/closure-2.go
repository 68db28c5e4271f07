// Closure results: a func literal called where it is written (gccgo calls
// its body directly, with a record made for that call) gives its results
// to that call alone; one called through a func value, to the calls that
// its record reaches, while no other code can reach it (closure-3.go).
package p

var sinkp *int

func Direct(a []*int) *int { // JSON: kind=param name=a gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	// PARAM@9: name=a leak_heap=null leak_result=1
	return func() *int { return a[0] }() // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

func DirectLocal(a []*int) int { // JSON: kind=param name=a gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	// PARAM@14: name=a leak_heap=null leak_result=null
	x := func() *int { return a[0] }() // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return *x
}

func DirectSink(a []*int) { // JSON: kind=param name=a gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	// PARAM@20: name=a leak_heap=1 leak_result=null
	sinkp = func() *int { return a[0] }() // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

// Called through f, whose record stays here: as gc, a to result ~r0 level=1.
func Value(a []*int) *int { // JSON: kind=param name=a gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	// PARAM@26: name=a leak_heap=null leak_result=1
	f := func() *int { return a[0] } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f()
}
