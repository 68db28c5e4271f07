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

//go:noinline
func useH(p *int64) int64 { return *p }

// gccgo keeps locals of up to 10 MiB on the stack.
type H1 struct{ A [10 * 1024 * 1024 / 8]int64 }

type H2 struct{ A [10*1024*1024/8 + 1]int64 }

func TenMiB() int64 {
	var h H1 // { dg-message "h does not escape" }
	return useH(&h.A[1])
}

func OverTenMiB() int64 {
	var h H2 // { dg-message "h escapes to heap: too large for stack" }
	return useH(&h.A[1])
}

func OverTenMiBNoAddr(i int) int64 {
	var h H2 // { dg-message "h escapes to heap: too large for stack" }
	h.A[i] = 1
	return h.A[3]
}

var GH *H2

func OverTenMiBEsc() {
	var h H2 // { dg-message "moved to heap: h" }
	GH = &h
}
