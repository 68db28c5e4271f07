// Objects that Go's rules put on the heap whatever their flows (too large
// for the stack, a make of non-constant size, append's growth) keep their
// rule as their verdict, and what is stored into them escapes: a heap
// object must not point to the stack (gc's first invariant).
package p

func Huge(x *string) { // PARAM: name=x leak_heap=0 leak_result=null
	b := [4000000]*string{x} // JSON: kind=var gccgo=heap verdict=heap verdict_reason=too-large escapes=false class=both-heap
	_ = b
}

func BigNew(y *string) { // PARAM: name=y leak_heap=0 leak_result=null
	b := new([65537]*string) // JSON: kind=new gccgo=heap verdict=heap verdict_reason=too-large escapes=false class=both-heap
	b[0] = y
}

func Grow(p *int) int { // PARAM: name=p leak_heap=0 leak_result=null
	s := make([]*int, 0, 1) // JSON: kind=make-slice gccgo=stack verdict=stack class=both-stack
	s = append(s, p, p) // JSON: kind=append gccgo=heap verdict=heap verdict_reason=append-growth escapes=false class=both-heap
	return len(s)
}

func NonConst(q *int, n int) int { // PARAM: name=q leak_heap=0 leak_result=null
	s := make([]*int, n) // JSON: kind=make-slice gccgo=heap verdict=heap verdict_reason=non-constant-size escapes=false class=both-heap
	s[0] = q
	return len(s)
}

// A small make holds z on the stack: z does not escape.
func Small(z *int) int { // PARAM: name=z leak_heap=null leak_result=null
	s := make([]*int, 4) // JSON: kind=make-slice gccgo=stack verdict=stack class=both-stack
	s[0] = z
	return len(s)
}

// &i in append's new array: i escapes, its path ends at that array.
func Appended() int {
	var s []*int
	i := 0 // JSON: kind=var gccgo=heap verdict=heap verdict_reason=escapes escapes=true class=both-heap
	s = append(s, &i) // JSON: kind=append gccgo=heap verdict=heap verdict_reason=append-growth class=both-heap
	return len(s)
}
