// The arguments of a call through a func value that points-to resolves
// to func literals flow to their parameters (closure-3.go: their
// results); through an unknown func value, they escape.
package p

var sink []int
var sinkp *int

func Dots(n int) int { // JSON: kind=param name=n gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	f := func(xs ...int) int { return len(xs) + n } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f(1, 2, 3) // JSON: kind=slice-literal gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
}

func DotsSunk(n int) { // JSON: kind=param name=n gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	f := func(xs ...int) { sink = xs; n++ } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	f(1, 2, 3) // JSON: kind=slice-literal gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

func Arg(n int) int { // JSON: kind=param name=n gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	y := 1 // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	f := func(p *int) int { return *p + n } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return f(&y)
}

func ArgSunk(n int) { // JSON: kind=param name=n gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	y := 2 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func(p *int) { sinkp = p; n++ } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	f(&y)
}

func Either(c bool, n int) int { // JSON: kind=param name=n gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	y := 3 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	f := func(p *int) int { return *p + n } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	if c {
		f = func(p *int) int { sinkp = p; return n } // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	}
	return f(&y)
}

func Unknown(f func(p *int) int) int {
	y := 4 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	return f(&y)
}

// Records on lines that have one already:
// PARAM@10: name=xs function=p.Dots.func1 leak_heap=null leak_result=null
// PARAM@15: name=xs function=p.DotsSunk.func1 leak_heap=0 leak_result=null
// PARAM@21: name=p function=p.Arg.func1 leak_heap=null leak_result=null
// PARAM@27: name=p function=p.ArgSunk.func1 leak_heap=0 leak_result=null
// PARAM@33: name=p function=p.Either.func1 leak_heap=null leak_result=null
// PARAM@35: name=p function=p.Either.func2 leak_heap=0 leak_result=null
// PARAM@40: name=f function=p.Unknown leak_heap=null leak_result=null
