// new(T): heap when the pointer escapes, a stack GOTMP when it does not.
package p

type S struct {
	A, B int
	P    *int
}

var G *S

//go:noinline
func keep(s *S) int { return s.A }

func NewEsc() *S {
	return new(S) // { dg-message "new\\(S\\) escapes to heap" }
}

func NewGlobal() {
	G = new(S) // { dg-message "new\\(S\\) escapes to heap" }
}

func NewNoEsc() int {
	s := new(S) // { dg-message "new\\(S\\) does not escape" }
	s.A = 1
	return keep(s)
}

func NewArray(i int) int {
	a := new([8]int) // { dg-message "new\\(\\\[8\\\]int\\) does not escape" }
	a[i&7] = 1
	return a[0]
}

type Big struct {
	Arr [1 << 13]int64 // 64 KiB: too large for the stack
}

func NewBig() int64 {
	b := new(Big) // { dg-message "new\\(Big\\) escapes to heap: too large for stack" }
	b.Arr[3] = 7
	return b.Arr[3]
}

// Just under 64 KiB: new stays on the stack.
type Small struct {
	Arr [1<<13 - 1]int64
}

func NewUnder64K() int64 {
	b := new(Small) // { dg-message "new\\(Small\\) does not escape" }
	b.Arr[3] = 7
	return b.Arr[3]
}
