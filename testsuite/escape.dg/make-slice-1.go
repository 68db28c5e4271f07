// make([]T, ...): constant size on the stack, escaping, and non-constant size.
package p

var GSl []int

//go:noinline
func sum(s []int) int { return len(s) }

func ConstNoEsc() int {
	s := make([]int, 10) // { dg-message "make\\(\\\[\\\]int, 10\\) does not escape" }
	s[1] = 2
	return sum(s)
}

func ConstEsc() []int {
	return make([]int, 10) // { dg-message "make\\(\\\[\\\]int, 10\\) escapes to heap" }
}

func ConstGlobal() {
	GSl = make([]int, 3) // { dg-message "make\\(\\\[\\\]int, 3\\) escapes to heap" }
}

func LenCapNoEsc() int {
	s := make([]int, 2, 16) // { dg-message "make\\(\\\[\\\]int, 2, 16\\) does not escape" }
	return sum(s)
}

func LenCapEsc() []int {
	return make([]int, 2, 16) // { dg-message "make\\(\\\[\\\]int, 2, 16\\) escapes to heap" }
}

func ZeroLenCapNoEsc() int {
	s := make([]int, 0, 8) // { dg-message "make\\(\\\[\\\]int, 0, 8\\) does not escape" }
	return sum(s)
}

const N = 4

func ConstExprNoEsc() int {
	s := make([]int, N*2) // { dg-message "make\\(\\\[\\\]int, 8\\) does not escape" }
	return sum(s)
}

// The stack limit is 65535 elements, whatever their size.
func LargestNoEsc() int {
	s := make([]int64, 65535) // { dg-message "make\\(\\\[\\\]int64, 65535\\) does not escape" }
	return len(s)
}

func TooLong() int {
	s := make([]byte, 65536) // { dg-message "make\\(\\\[\\\]uint8, 65536\\) escapes to heap" }
	return len(s)
}

// gccgo calls runtime.makeslice for a non-constant size even when the
// slice does not escape.
func VarNoEsc(n int) int {
	s := make([]int, n) // { dg-message "make\\(\\\[\\\]int, n\\) escapes to heap: non-constant size" }
	return sum(s)
}

func VarEsc(n int) {
	GSl = make([]int, n) // { dg-message "make\\(\\\[\\\]int, n\\) escapes to heap(?!: non-constant)" }
}

func LenCapVarEsc(n, c int) []int {
	return make([]int, n, c) // { dg-message "make\\(\\\[\\\]int, n\\) escapes to heap(?!: non-constant)" }
}

func PtrElemEsc(n int) []*int {
	return make([]*int, n) // { dg-message "make\\(\\\[\\\]\\*int, n\\) escapes to heap(?!: non-constant)" }
}

// The plugin's verdict, where it differs from gccgo's decision.
// { dg-message "make\\(\\\[\\\]int64, 65535\\): gccgo keeps it on the stack, but gc puts objects of 524280 bytes on the heap" "" { target *-*-* } 46 }
