// The early pass analyses a function as soon as it and what its analysis
// needs are in SSA form; the rest, and everything when the dump is on, is
// analysed by the IPA pass.  early.exp compiles this file both ways and
// requires the same records.

package p

type T struct{ p *int }

// A leaf, and a caller that needs its summary.
func leaf(p *int) *int { return p }

func useLeaf() int {
	x := 1
	return *leaf(&x)
}

// A recursive pair: one component, analysed in rounds.
func even(n int, t *T) bool {
	if n == 0 {
		return t.p != nil
	}
	return odd(n-1, t)
}

func odd(n int, t *T) bool {
	if n == 0 {
		return false
	}
	return even(n-1, &T{p: new(int)})
}

// Closures: one that outlives its maker, one called where it is made.
func counter() func() int {
	x := new(int)
	return func() int { *x++; return *x }
}

func local() int {
	y := 0
	f := func() { y++ }
	f()
	return y
}

// A defer in a loop: its thunk's argument block goes to the heap.
func deferLoop(ps []*int) {
	for _, p := range ps {
		defer func(q *int) { *q = 0 }(p)
	}
}

// An interface call the constants resolve.
type I interface{ M(*int) int }

type V struct{}

func (V) M(p *int) int { return *p }

func devirt() int {
	var i I = V{}
	z := 2
	return i.M(&z)
}

// Two functions that take each other's address: their dependencies form
// a cycle, which the IPA pass analyses.
var sinkA, sinkB func() *int

func A() *int {
	sinkB = B
	return new(int)
}

func B() *int {
	sinkA = A
	n := 0
	return leaf(&n)
}
