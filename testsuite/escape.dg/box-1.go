// Conversion to interface: heap and stack boxes, constants in static data, pointers need no box.
package p

var GI interface{}

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q *Sq) Area() int { return q.s * q.s }

var GSh Shape

func BoxConst() {
	GI = 12345 // { dg-message "conversion of int to interface does not escape: static data" }
}

func BoxConstString() {
	GI = "hello" // { dg-message "conversion of string to interface does not escape: static data" }
}

func BoxConstBool() {
	GI = true // { dg-message "conversion of bool to interface does not escape: static data" }
}

// A pointer is stored in the interface as is.
func BoxPtr(p *int) {
	GI = p
}

func BoxPtrMethod(q *Sq) {
	GSh = q
}

// Interface to interface conversion reuses the object.
func BoxIfaceToIface(s Shape) {
	GI = s
}

func BoxNil() {
	GI = nil
}

//go:noinline
func look(x interface{}) bool { return x != nil }

type P struct{ X, Y int }

func BoxEsc(n int) {
	GI = n // { dg-message "conversion of int to interface escapes to heap" }
}

func BoxStringEsc(s string) {
	GI = s // { dg-message "conversion of string to interface escapes to heap" }
}

func BoxStructEsc(a int) {
	GI = P{a, 2} // { dg-message "conversion of P to interface escapes to heap" }
}

type Ci int

func (c Ci) Area() int { return int(c) }

func BoxMethodEsc(n int) {
	GSh = Ci(n) // { dg-message "conversion of Ci to interface escapes to heap" }
}

func BoxReturned(n int) interface{} {
	return n // { dg-message "conversion of int to interface escapes to heap" }
}

func BoxNoEsc(n int) bool {
	return look(n) // { dg-message "conversion of int to interface does not escape" }
}

func BoxStructNoEsc(a int) bool {
	return look(P{a, 2}) // { dg-message "conversion of P to interface does not escape" }
}

// &T{} stored in an interface is a composite literal, not a box.
func BoxLit() {
	GI = &P{} // { dg-message "&P\\{\\.\\.\\.\\} escapes to heap" }
}

func BoxLitNoEsc() bool {
	return look(&P{}) // { dg-message "&P\\{\\.\\.\\.\\} does not escape" }
}

// A conversion between pointer types makes no site.
type IP *int

func PtrConv(p *int) {
	GI = IP(p)
}
