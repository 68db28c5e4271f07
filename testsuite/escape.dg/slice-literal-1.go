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
