// make(chan): gccgo allocates every channel on the heap, escaping or not.
package p

var GC chan int

func Esc() {
	GC = make(chan int, 4) // { dg-message "make\\(chan int\\) escapes to heap(?!: gccgo)" }
}

func NoEsc() int {
	c := make(chan int, 1) // { dg-message "make\\(chan int\\) escapes to heap: gccgo allocates every channel on the heap" }
	c <- 1
	return <-c
}

func Unbuffered() chan int {
	return make(chan int) // { dg-message "make\\(chan int\\) escapes to heap(?!: gccgo)" }
}

func VarSizeNoEsc(n int) int {
	c := make(chan string, n) // { dg-message "make\\(chan string\\) escapes to heap: gccgo allocates every channel on the heap" }
	return cap(c)
}

// Send, receive and select allocate nothing.
func Ops(c chan int, d chan *int, p *int) int {
	d <- p
	select {
	case v := <-c:
		return v
	default:
		return 0
	}
}
