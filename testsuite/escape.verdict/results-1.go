// Multi-value results read field by field: a runtime call's (value, ok)
// result, a callee's results that come from the heap, and a recursive
// closure (whose fresh result locations once crashed the self-store rule).
package p

import "strconv"

type T struct{ P *T }

var g = new(*int) // JSON: kind=new gccgo=heap verdict=heap class=both-heap

//go:noinline
func two() (**int, bool) { return g, true }

func CommaOk(s interface{}) { // PARAM: name=s leak_heap=null leak_result=null
	if t, ok := s.(*T); ok {
		t.P = &T{} // JSON: kind=composite-literal gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	}
}

func FromCallee() {
	x := 0 // JSON: kind=var name=x gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	p, _ := two()
	*p = &x
}

func Recursive(n int) []int {
	var rec func(n int, acc []int) []int // JSON: kind=var name=rec gccgo=heap verdict=stack class=gccgo-heap-no-escape
	rec = func(n int, acc []int) []int { // JSON: kind=closure gccgo=heap verdict=stack class=gccgo-heap-no-escape
		if n > 0 { // PARAM@29: name=acc leak_heap=0 leak_result=0 leak_results=[null]
			acc = rec(n-1, acc)
			acc = append(acc, n) // JSON: kind=append gccgo=heap verdict=heap class=both-heap
		}
		return acc
	}
	return rec(n, nil)
}

// Several results: each keeps only what reaches it, at -O2 too, where the
// function copies its results into <retval> before returning them.
//
//go:noinline
func pair(s string) (string, error) { // PARAM: name=s leak_heap=null leak_result=0 leak_results=[0,null]
	return s, nil
}

func OwnPair(data []byte) error { // PARAM: name=data leak_heap=null leak_result=null
	s := string(data) // JSON: kind=string-conv gccgo=stack verdict=stack class=both-stack
	s, err := pair(s)
	println(s)
	return err
}

// An imported function's results, from its export data: strconv.Unquote's
// tag sends s to its first result, not to its error.
func ImportedPair(data []byte) error { // PARAM: name=data leak_heap=null leak_result=null
	s := string(data) // JSON: kind=string-conv gccgo=stack verdict=stack class=both-stack
	s, err := strconv.Unquote(s)
	if err != nil {
		return err
	}
	println(s)
	return nil
}
