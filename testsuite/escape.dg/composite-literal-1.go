// &T{...}: heap when the pointer escapes, a stack temporary when it does not.
package p

type S struct {
	A, B int
	P    *int
}

var G *S

//go:noinline
func keep(s *S) int { return s.A }

func LitEsc(a int) *S {
	return &S{A: a, B: 2} // { dg-message "&S\\{\\.\\.\\.\\} escapes to heap" }
}

func LitGlobal() {
	G = &S{A: 1} // { dg-message "&S\\{\\.\\.\\.\\} escapes to heap" }
}

func LitNoEsc(a int) int {
	s := &S{A: a, B: 2} // { dg-message "&S\\{\\.\\.\\.\\} does not escape" }
	return keep(s)
}

func ArrLitEsc() *[4]int {
	return &[4]int{1, 2, 3, 4} // { dg-message "&\\\[4\\\]int\\{\\.\\.\\.\\} escapes to heap" }
}

func ArrLitNoEsc(i int) int {
	a := &[4]int{1, 2, 3, 4} // { dg-message "&\\\[4\\\]int\\{\\.\\.\\.\\} does not escape" }
	return a[i&3]
}

type Node struct {
	Val  int
	Next *Node
}

func Chain() *Node {
	n2 := &Node{Val: 2} // { dg-message "&Node\\{\\.\\.\\.\\} escapes to heap" }
	return &Node{1, n2} // { dg-message "&Node\\{\\.\\.\\.\\} escapes to heap" }
}

func ChainNoEsc() int {
	n2 := &Node{Val: 2} // { dg-message "&Node\\{\\.\\.\\.\\} does not escape" }
	n1 := &Node{1, n2}  // { dg-message "&Node\\{\\.\\.\\.\\} does not escape" }
	return n1.Next.Val
}

func Loop(n int) *Node {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{Val: i, Next: head} // { dg-message "&Node\\{\\.\\.\\.\\} escapes to heap" }
	}
	return head
}

type Big struct{ Arr [1 << 13]int64 }

// 64 KiB: &Big{} stays on the stack, where new(Big) would not.
func BigLit() int64 {
	b := &Big{} // { dg-message "&Big\\{\\.\\.\\.\\} does not escape" }
	b.Arr[1] = 2
	return b.Arr[1]
}

// Unlike new, gccgo keeps even a literal over 10 MiB on the stack.
type Huge struct{ A [10*1024*1024/8 + 1]int64 }

func HugeLit(i int) int64 {
	h := &Huge{} // { dg-message "&Huge\\{\\.\\.\\.\\} does not escape" }
	h.A[i] = 1
	return h.A[3]
}

var PS = &S{A: 1} // { dg-message "&S\\{\\.\\.\\.\\} escapes to heap" }

// The plugin's verdict, where it differs from gccgo's decision.
// { dg-message "&Big\\{\\.\\.\\.\\}: gccgo keeps it on the stack, but gc puts objects of 65536 bytes on the heap" "" { target *-*-* } 64 }
// { dg-message "&Huge\\{\\.\\.\\.\\}: gccgo keeps it on the stack, but gc puts objects of 10485768 bytes on the heap" "" { target *-*-* } 73 }
