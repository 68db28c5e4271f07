// Static data instead of an allocation: boxed constants and capture-less func literals.
package p

import "fmt"

var GI interface{}

var GF func() int

// A package-level slice literal of constants is static data too (no site).
var GSl = []int{1, 2, 3}

func BoxConst() {
	GI = 12345 // { dg-message "conversion of int to interface does not escape: static data" }
}

func BoxConstString() {
	GI = "hello" // { dg-message "conversion of string to interface does not escape: static data" }
}

const C = 7

func BoxNamedConst() {
	GI = C // { dg-message "conversion of int to interface does not escape: static data" }
}

func BoxBool() {
	GI = true // { dg-message "conversion of bool to interface does not escape: static data" }
}

func BoxNil() {
	GI = nil
}

func NoCapture() func() int {
	return func() int { return 42 } // { dg-message "func literal does not escape: static data" }
}

func NoCaptureStored() {
	GF = func() int { return 7 } // { dg-message "func literal does not escape: static data" }
}

// Called at once, it becomes a direct call: no func value at all.
func NoCaptureCalled() int {
	return func() int { return 8 }()
}

// A named function used as a value is static as well (no site).
func FuncValue() func() func() int {
	return NoCapture
}

func Println() {
	fmt.Println("x", 1) // { dg-message "conversion of string to interface does not escape: static data" }
	// { dg-message "conversion of int to interface does not escape: static data" "" { target *-*-* } 54 }
	// { dg-message "\\\[\\\]interface ?\\{\\}\\{\\.\\.\\.\\} does not escape" "" { target *-*-* } 54 }
}
