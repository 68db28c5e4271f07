// Verdicts on values handed to the runtime: channels, maps, append, go,
// defer, panic.
package p

var Ch = make(chan *int, 1) // JSON: kind=make-chan gccgo=heap verdict=heap verdict_reason=escapes class=both-heap

func Send() {
	x := 1 // JSON: kind=var name=x gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	Ch <- &x
}

func MapValue(m map[int]*int) { // PARAM: name=m leak_heap=null leak_result=null
	y := 2 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	m[0] = &y
}

func LocalMap() int {
	m := make(map[int]int) // JSON: kind=make-map gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	m[1] = 2
	return len(m)
}

func Append(s []*int) []*int { // PARAM: name=s leak_heap=1 leak_result=0
	z := 3 // JSON: kind=var name=z gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	return append(s, &z) // JSON: kind=append gccgo=heap verdict=heap verdict_reason=returned class=both-heap
}

func Go() {
	w := 4 // JSON: kind=var name=w gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	go func() { w++ }() // JSON: kind=go-args gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

func Defer() int {
	v := 5 // JSON: kind=var name=v gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	defer func() { v++ }() // JSON: kind=defer-args gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return v
}

func Panic() {
	u := 6 // JSON: kind=var name=u gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	panic(&u)
}

func LocalChan() int {
	c := make(chan int, 1) // JSON: kind=make-chan gccgo=heap verdict=heap verdict_reason=channel class=both-heap
	c <- 1
	return <-c
}

// JSON@30: kind=closure gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
// JSON@35: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
