// demo.go: a small program whose allocations gccgo decides differently.
package j

import "fmt"

type Point struct{ X, Y int }

// NewPoint returns a pointer: the Point escapes and lives on the heap.
func NewPoint(x, y int) *Point {
	return &Point{x, y}
}

// Dist uses a Point only locally: it stays on the stack.
func Dist(x, y int) int {
	p := &Point{x, y}
	return p.X*p.X + p.Y*p.Y
}

// Buffer has a size known only at run time: gccgo allocates it on the heap
// although it does not escape.
func Buffer(n int) int {
	b := make([]byte, n)
	return len(b)
}

// Fixed has a constant size and does not escape: a stack array.
func Fixed() int {
	b := make([]byte, 64)
	return len(b)
}

// Counter captures x by reference in a closure that escapes: x moves to
// the heap, and so does the closure.
func Counter() func() int {
	x := 0
	return func() int { x++; return x }
}

// Describe boxes n for fmt: the box escapes, the argument slice does not.
func Describe(n int) string {
	return fmt.Sprint("n=", n)
}

// Index builds a map, which gccgo always allocates on the heap.
func Index(words []string) int {
	m := make(map[string]int)
	for i, w := range words {
		m[w] = i
	}
	return len(m)
}
