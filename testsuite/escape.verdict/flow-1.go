// Verdicts on plain data flow: assignments, loads, stores, loops.
package p

type S struct {
	P *int
	N int
}

var G *int

func Returned() *int {
	x := 1 // JSON: kind=var name=x gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	return &x
}

func Global() {
	y := 2 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	G = &y
}

func Local() int {
	z := 3 // JSON: kind=var name=z gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	p := &z
	return *p
}

// gccgo (like gc) sends anything stored through a pointer to the heap;
// the plugin knows s points only to the local &S{}.
func StoreIntoLocal() int {
	a := 4 // JSON: kind=var name=a gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	s := &S{} // JSON: kind=composite-literal gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	s.P = &a
	return *s.P
}

func StoreThroughParam(s *S) { // PARAM: name=s leak_heap=null leak_result=null
	b := 5 // JSON: kind=var name=b gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	s.P = &b
}

func Chain() *S {
	c := 6 // JSON: kind=var name=c gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	return &S{P: &c} // JSON: kind=composite-literal gccgo=heap verdict=heap verdict_reason=returned class=both-heap
}

// d's address survives the iteration in q.
func LoopCarried(n int) int {
	var q *int
	sum := 0
	for i := 0; i < n; i++ {
		if q != nil {
			sum += *q
		}
		d := i // JSON: kind=var name=d gccgo=heap verdict=heap verdict_reason=loop class=both-heap
		q = &d
	}
	return sum
}

func LoopLocal(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		e := i // JSON: kind=var name=e gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
		p := &e
		sum += *p
	}
	return sum
}
