// Verdicts on interface boxing.
package p

import "fmt"

var GI interface{}

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

//go:noinline
func look(x interface{}) bool { return x != nil } // PARAM: name=x leak_heap=null leak_result=null

func ToGlobal(n int) {
	GI = n // JSON: kind=box gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

func ToLocal(n int) bool {
	return look(n) // JSON: kind=box gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

// A method call through an interface whose method table is known
// (devirt.c): the method's summary applies.
func Method(n int) int {
	var s Shape = Sq{n} // JSON: kind=box gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	return s.Area()
}

type Rect struct{ w, h int }

func (r Rect) Area() int { return r.w * r.h }

// Two dynamic types: the call is not resolved, and the receivers escape.
func Either(n int, square bool) int {
	var s Shape = Rect{n, 1} // JSON: kind=box gccgo=heap verdict=heap verdict_reason=escapes class=both-heap conservative=true
	if square {
		s = Sq{n} // JSON: kind=box gccgo=heap verdict=heap verdict_reason=escapes class=both-heap conservative=true
	}
	return s.Area()
}

// fmt.Println's export data: the ... slice does not escape, the boxes do.
func Println(n int) {
	fmt.Println(n) // JSON: kind=box gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

// JSON@47: kind=slice-literal gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
