// Verdicts across calls: leak summaries, recursion, imported packages.
package p

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strings"
)

type S struct{ P *int }

var G *int

//go:noinline
func identity(p *int) *int { return p } // PARAM: name=p leak_heap=null leak_result=0

//go:noinline
func sink(p *int) { G = p } // PARAM: name=p leak_heap=0 leak_result=null

//go:noinline
func deref(pp **int) int { return **pp } // PARAM: name=pp leak_heap=null leak_result=null

//go:noinline
func content(s *S) { G = s.P } // PARAM: name=s leak_heap=1 leak_result=null

func ThroughIdentity() int {
	x := 1 // JSON: kind=var name=x gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return *identity(&x)
}

func ThroughIdentityReturned() *int {
	y := 2 // JSON: kind=var name=y gccgo=heap verdict=heap verdict_reason=returned class=both-heap
	return identity(&y)
}

func ThroughSink() {
	z := 3 // JSON: kind=var name=z gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	sink(&z)
}

func ThroughDeref() int {
	a := 4 // JSON: kind=var name=a gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	p := &a // JSON: kind=var name=p gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return deref(&p)
}

func ThroughContent() {
	b := 5 // JSON: kind=var name=b gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	content(&S{P: &b}) // JSON: kind=composite-literal gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

// Mutual recursion: neither keeps its argument.
func even(p *int, n int) bool { // PARAM: name=p leak_heap=null leak_result=null
	if n == 0 {
		return *p == 0
	}
	return odd(p, n-1)
}

func odd(p *int, n int) bool { // PARAM: name=p leak_heap=null leak_result=null
	if n == 0 {
		return *p != 0
	}
	return even(p, n-1)
}

func Recursive() bool {
	c := 6 // JSON: kind=var name=c gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return even(&c, 10)
}

// strings.Index's export data says its arguments do not escape.
func Imported(s string) int { // PARAM: name=s leak_heap=null leak_result=null
	buf := []byte(s) // JSON: kind=string-conv gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return strings.Index(string(buf), "x") // JSON: kind=string-conv gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
}

// Several results are told apart: j goes only to the ignored result.
//go:noinline
func two(p, q *int) (*int, *int) { return p, q } // PARAM: name=p leak_heap=null leak_result=0 leak_results=[0,null]

func SecondIgnored() {
	i, j := 7, 8 // JSON: kind=var name=i gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
	G, _ = two(&i, &j)
}

// PARAM@81: name=q leak_heap=null leak_result=0 leak_results=[null,0]
// JSON@84: kind=var name=j gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack

// filepath.WalkDir's tag says fn's content escapes and reaches the result;
// a closure's captures are only reached by calling it, so root stays.
func Walk(root string) error { // JSON: kind=param name=root gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	return filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error { // JSON: kind=closure gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
		if p == root {
			return nil
		}
		return err
	})
}
// PARAM@93: name=root leak_heap=null leak_result=null
// PARAM@94: name=p leak_heap=null leak_result=null
// PARAM@94: name=d leak_heap=null leak_result=null
// PARAM@94: name=err leak_heap=null leak_result=0

// Calls through func values whose descriptor is known (devirt.c): a
// function's value and a func literal without captures.
func FuncValue() {
	f := deref
	x := 1     // JSON: kind=var name=x gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	p := &x    // JSON: kind=var name=p gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	f(&p)
	g := func(q *int) int { return *q } // JSON: kind=closure gccgo=static verdict=static class=static
	// PARAM@113: name=q leak_heap=null leak_result=null
	y := 2                              // JSON: kind=var name=y gccgo=heap verdict=stack verdict_reason=does-not-escape class=gccgo-heap-no-escape
	g(&y)
}

// bytes.IndexByte is inlined into this unit as a call of
// internal/bytealg.IndexByte, whose package has no export data installed;
// its summary is the foreign record bytes.gox holds for it (<p2>).
func IndexZero() int {
	b := make([]byte, 8) // JSON: kind=make-slice gccgo=stack verdict=stack verdict_reason=does-not-escape conservative=false class=both-stack
	return bytes.IndexByte(b, 0)
}
