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
