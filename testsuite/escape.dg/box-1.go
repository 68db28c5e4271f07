// Conversion to interface: constants box to static data, pointers need no box.
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
