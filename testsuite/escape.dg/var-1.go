// Named locals whose address is taken: moved to heap, or kept on the stack.
package p

var G *int

//go:noinline
func sink(p *int) { G = p }

//go:noinline
func use(p *int) int { return *p }

func Returned() *int {
	x := 1 // { dg-message "moved to heap: x" }
	return &x
}

func Global() {
	var y int // { dg-message "moved to heap: y" }
	G = &y
}

func PassedEsc() {
	z := 3 // { dg-message "moved to heap: z" }
	sink(&z)
}

func PassedNoEsc() int {
	w := 4 // { dg-message "w does not escape" }
	return use(&w)
}

func LocalOnly() int {
	v := 5 // { dg-message "v does not escape" }
	p := &v
	*p = 6
	return v
}

type T struct{ A, B int }

func FieldEsc() *int {
	var t T // { dg-message "moved to heap: t" }
	return &t.B
}

func FieldNoEsc() int {
	var t T // { dg-message "t does not escape" }
	return use(&t.A)
}

func ArraySliceEsc() []int {
	var arr [4]int // { dg-message "moved to heap: arr" }
	return arr[:]
}

func ArraySliceNoEsc() int {
	var arr [4]int // { dg-message "arr does not escape" }
	s := arr[1:3]
	return len(s)
}

func InLoop(n int) int {
	s := 0 // { dg-message "s does not escape" }
	for i := 0; i < n; i++ {
		x := i // { dg-message "moved to heap: x" }
		G = &x
		s += use(&s)
	}
	return s
}

func NoAddr(a int) int {
	x := a
	return x + 1
}
