// Slice literals and the slices built for variadic ... arguments.
package p

import "fmt"

var GSl []int

//go:noinline
func sum(s []int) int { return len(s) }

//go:noinline
func Sum(xs ...int) int { return len(xs) }

func LitNoEsc() int {
	s := []int{1, 2, 3} // { dg-message "\\\[\\\]int\\{\\.\\.\\.\\} does not escape" }
	return sum(s)
}

func LitEsc(a int) {
	GSl = []int{a, 2, 3} // { dg-message "\\\[\\\]int\\{\\.\\.\\.\\} escapes to heap" }
}

func LitReturned() []int {
	return []int{4, 5} // { dg-message "\\\[\\\]int\\{\\.\\.\\.\\} escapes to heap" }
}

func PtrElemsNoEsc(a, b *int) int {
	s := []*int{a, b} // { dg-message "\\\[\\\]\\*int\\{\\.\\.\\.\\} does not escape" }
	return len(s)
}

func CallVariadic(a, b int) int {
	return Sum(a, b, 3) // { dg-message "\\\[\\\]int\\{\\.\\.\\.\\} does not escape" }
}

// Spreading a slice and passing no arguments build no slice.
func CallVariadicSpread(s []int) int {
	return Sum(s...)
}

func CallVariadicEmpty() int {
	return Sum()
}

// The []interface{} of fmt.Println is on the stack; constant elements are static.
func PrintConst() {
	fmt.Println("x", 1) // { dg-message "\\\[\\\]interface ?\\{\\}\\{\\.\\.\\.\\} does not escape" }
	// { dg-message "conversion of string to interface does not escape: static data" "" { target *-*-* } 47 }
	// { dg-message "conversion of int to interface does not escape: static data" "" { target *-*-* } 47 }
}

func SprintPtr(p *int) string {
	return fmt.Sprint(p) // { dg-message "\\\[\\\]interface ?\\{\\}\\{\\.\\.\\.\\} does not escape" }
}

// keep leaks its ... slice.
//go:noinline
func keep(xs ...int) { GSl = xs }

func CallVariadicEsc(a, b int) {
	keep(a, b) // { dg-message "\\\[\\\]int\\{\\.\\.\\.\\} escapes to heap" }
}

var GB []byte

func BytesConstEsc() {
	GB = []byte("hello") // { dg-message "\\\[\\\]uint8\\{\\.\\.\\.\\} escapes to heap" }
}

func BytesConstNoEsc() int {
	b := []byte("hello") // { dg-message "\\\[\\\]uint8\\{\\.\\.\\.\\} does not escape" }
	return len(b)
}

// The []interface{} of fmt.Sprint does not escape; a non-constant
// element is boxed on the heap, as fmt keeps it.
func SprintInt(n int) string {
	return fmt.Sprint(n) // { dg-message "\\\[\\\]interface ?\\{\\}\\{\\.\\.\\.\\} does not escape" }
	// { dg-message "conversion of int to interface escapes to heap" "" { target *-*-* } 78 }
}
