// Verdicts on makes: constant and variable sizes, Go's size rules.
package p

func Const() int {
	s := make([]int, 8) // JSON: kind=make-slice gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return len(s)
}

func Variable(n int) int {
	s := make([]int, n) // JSON: kind=make-slice gccgo=heap verdict=heap verdict_reason=non-constant-size elem_bytes=8 class=both-heap
	return len(s)
}

func TooLarge() int {
	s := make([]byte, 1<<17) // JSON: kind=make-slice gccgo=heap verdict=heap verdict_reason=too-large class=both-heap
	return len(s)
}

func Returned(n int) []int {
	return make([]int, n) // JSON: kind=make-slice gccgo=heap verdict=heap verdict_reason=returned class=both-heap
}

// Go's size rule is about the source: a variable is not a constant size,
// even one whose value is known.  gccgo passes it to runtime.makeslice
// through a temporary, and heap-allocates the make for that reason.
func KnownVariable() int {
	n := 32
	s := make([]int, n) // JSON: kind=make-slice size=var length=null capacity=null gccgo=heap gccgo_reason=non-constant-size verdict=heap verdict_reason=non-constant-size class=both-heap
	return len(s)
}

// Go 1.19 asks only for a constant capacity (the length is checked at run
// time); gccgo wants both constant.
func VariableLength(i int) int {
	s := make([]int, i, 3) // JSON: kind=make-slice size=var length=null capacity=null bytes=null gccgo=heap gccgo_reason=non-constant-size verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	return len(s)
}

func VariableCapacity(c int) int {
	s := make([]int, 2, c) // JSON: kind=make-slice size=var length=null capacity=null gccgo=heap gccgo_reason=non-constant-size verdict=heap verdict_reason=non-constant-size class=both-heap
	return len(s)
}

// A zero-length make on the stack: constant, though its array type ([0]T)
// tells no capacity.
func Empty() int {
	s := make([]int, 0) // JSON: kind=make-slice size=const gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return len(s)
}
