// Verdicts on closures: records, captured variables, static chains.
package p

var GF func() int
var G *int

func Returned() func() int {
	x := 0 // JSON: kind=var name=x gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	return func() int { x++; return x } // JSON: kind=closure gccgo=heap verdict=heap verdict_reason=returned class=both-heap
}

func CalledHere() int {
	y := 1 // JSON: kind=var name=y gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	f := func() int { y += 2; return y } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f()
}

func Stored() {
	z := 2 // JSON: kind=var name=z gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	GF = func() int { return z } // JSON: kind=closure gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

// The closure does not escape, but its body leaks the captured variable.
func BodyLeaks() int {
	w := 3 // JSON: kind=var name=w gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func() int { G = &w; return 0 } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f()
}

//go:noinline
func call(f func() int) int { return f() } // PARAM: name=f leak_heap=null leak_result=null

func Passed() int {
	v := 4 // JSON: kind=var name=v gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return call(func() int { return v }) // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

type T struct{ n int }

func (t *T) M() int { return t.n } // PARAM: name=t leak_heap=null leak_result=null

func MethodValueLocal(t *T) int { // PARAM: name=t leak_heap=null leak_result=null
	f := t.M // JSON: kind=method-value gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f()
}
