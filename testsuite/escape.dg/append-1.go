// append: growth through runtime.growslice is a heap allocation.
package p

var GSl []int

var GP []*int

//go:noinline
func sum(s []int) int { return len(s) }

func AppendEsc(x int) {
	GSl = append(GSl, x) // { dg-message "append\\(\\\[\\\]int\\) escapes to heap: append grows slices on the heap" }
}

// The slice does not escape, but its growth is still on the heap.
func AppendLoop(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i) // { dg-message "append\\(\\\[\\\]int\\) escapes to heap: append grows slices on the heap" }
	}
	return sum(s)
}

func AppendSpread(a, b []int) []int {
	return append(a, b...) // { dg-message "append\\(\\\[\\\]int\\) escapes to heap: append grows slices on the heap" }
}

func AppendPtr(p *int) {
	GP = append(GP, p) // { dg-message "append\\(\\\[\\\]\\*int\\) escapes to heap: append grows slices on the heap" }
}

func AppendLocalBuf(x int) int {
	s := make([]int, 0, 8) // { dg-message "make\\(\\\[\\\]int, 0, 8\\) does not escape" }
	s = append(s, x)       // { dg-message "append\\(\\\[\\\]int\\) escapes to heap: append grows slices on the heap" }
	return sum(s)
}

func AppendString(b []byte, s string) []byte {
	return append(b, s...) // { dg-message "append\\(\\\[\\\]uint8\\) escapes to heap: append grows slices on the heap" }
}

// copy and slicing allocate nothing.
func Copy(dst, src []int) int {
	return copy(dst, src)
}

func Reslice(s []int) []int {
	return s[1:2]
}
